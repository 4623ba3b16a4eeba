package dev.iamunit.diff.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.space.ActionClasses;
import dev.iamunit.eval.space.KeyValue;
import dev.iamunit.eval.space.PolicyStatement;
import dev.iamunit.model.Account;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Organization;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access diff red-teamed (issue 26, "proof that the proof is right"): policy pairs chosen where
 * region-based reasoning tends to break, each with a concrete request whose decision changes when
 * decided directly ({@link Evaluator#decide}). For each, the diff over the complete space must
 * <ul>
 *   <li>find that change: a finding of the same change, for the same credentials, on an action
 *       the policies of both versions treat alike ({@link ActionClasses});
 *   <li>report only real changes: every finding, its request decided again directly in each
 *       version, changes as it says;
 *   <li>prove it: no principal/action pair falls back to the sampled space.
 * </ul>
 * Pairs that change nothing a request can see must give no finding at all. The AWS rule each case
 * leans on is quoted where it is AWS's, not the diff's.
 */
class ProofCasesTests {

  private static final String USER = "alice";
  private static final String BUCKET = "arn:aws:s3:::b";

  /**
   * One policy pair and the request that tells them apart.
   *
   * @param change what the request's decision does from base to head; null when the pair changes
   *     no request's decision, and the diff must find nothing
   * @param scps the SCPs at each level above the account, base then head ({@code root|ou}), or
   *     empty for none
   * @param boundaries the user's permissions boundary's statements, base then head, or empty for none
   */
  record Case(String name, String base, String head, Change change, String action, String resource, Map<String, List<String>> context,
      CredentialKind kind, List<String> scps, List<String> boundaries) {
    Case(String name, String base, String head, Change change, String action, String resource, Map<String, List<String>> context,
        CredentialKind kind, List<String> scps) {
      this(name, base, head, change, action, resource, context, kind, scps, List.of());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static Case change(String name, String base, String head, Change change, String action, String resource,
      Map<String, List<String>> context) {
    return new Case(name, base, head, change, action, resource, context, CredentialKind.ACCESS_KEYS, List.of());
  }

  private static Case same(String name, String base, String head) {
    return new Case(name, base, head, null, null, null, Map.of(), CredentialKind.ACCESS_KEYS, List.of());
  }

  private static String allow(String action, String resource, String condition) {
    return "{\"Effect\": \"Allow\", \"Action\": \"" + action + "\", \"Resource\": \"" + resource + "\""
        + (condition.isEmpty() ? "" : ", \"Condition\": {" + condition + "}") + "}";
  }

  private static String deny(String action, String resource, String condition) {
    return allow(action, resource, condition).replace("\"Allow\"", "\"Deny\"");
  }

  /** {@code s3:PutObject} allowed with a tag {@code size} that no numeric operator reads. */
  private static final String NOT_A_NUMBER_ONLY = allow("s3:PutObject", "*", "\"Null\": {\"aws:RequestTag/size\": \"false\"}") + ","
      + deny("s3:PutObject", "*", "\"NumericLessThan\": {\"aws:RequestTag/size\": \"10\"}") + ","
      + deny("s3:PutObject", "*", "\"NumericGreaterThanEquals\": {\"aws:RequestTag/size\": \"10\"}");

  static Stream<Case> cases() {
    return Stream.of(
        // "?" matches one character, "*" any run, both inside a policy variable's value.
        change("? after ${aws:username} widened to *",
            allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/?", ""),
            allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*", ""),
            Change.NEWLY_ALLOWED, "s3:GetObject", "arn:aws:s3:::home/alice/ab", Map.of()),
        // "${?}" is a literal question mark ("IAM policy elements: Variables and tags", Special
        // characters): the head's bare ? matches any character.
        change("${?} (a literal ?) made a wildcard",
            allow("s3:GetObject", BUCKET + "/${?}", ""), allow("s3:GetObject", BUCKET + "/?", ""),
            Change.NEWLY_ALLOWED, "s3:GetObject", BUCKET + "/x", Map.of()),
        change("${*} (a literal *) made a wildcard",
            allow("s3:GetObject", BUCKET + "/k${*}", ""), allow("s3:GetObject", BUCKET + "/k*", ""),
            Change.NEWLY_ALLOWED, "s3:GetObject", BUCKET + "/kx", Map.of()),
        // A resource part with colons: the last part of an ARN holds them, and * crosses them there.
        change("a log group's resource part with a colon dropped",
            allow("logs:DescribeLogStreams", "arn:aws:logs:us-east-1:" + Accounts.ID + ":log-group:app:*", ""),
            allow("logs:DescribeLogStreams", "arn:aws:logs:us-east-1:" + Accounts.ID + ":log-group:app*", ""),
            Change.NEWLY_ALLOWED, "logs:DescribeLogStreams", "arn:aws:logs:us-east-1:" + Accounts.ID + ":log-group:appx", Map.of()),
        // ArnLike: "Each of the six colon-delimited components of the ARN is checked separately"
        // (IAM User Guide, Condition operators, Amazon Resource Name (ARN) condition operators);
        // StringLike's * crosses colons, so it matches an ARN whose account is elsewhere.
        change("ArnLike on aws:SourceArn made StringLike",
            allow("sns:Publish", "*", "\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:sns:*:111122223333:alerts\"}"),
            allow("sns:Publish", "*", "\"StringLike\": {\"aws:SourceArn\": \"arn:aws:sns:*:111122223333:alerts\"}"),
            Change.NEWLY_ALLOWED, "sns:Publish", "arn:aws:sns:us-east-1:" + Accounts.ID + ":t",
            Map.of("aws:SourceArn", List.of("arn:aws:sns:us-east-1:222233334444:111122223333:alerts"))),
        // An ARN operator's value with fewer than six parts matches the whole text, and finds no
        // match in a request value that is not an ARN: the space must ask an ARN it matches.
        change("an ArnLike pattern with fewer than six parts",
            allow("s3:GetObject", "*", ""),
            allow("s3:GetObject", "*", "") + "," + allow("sns:Publish", "*", "\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:sns:*\"}"),
            Change.NEWLY_ALLOWED, "sns:Publish", "arn:aws:sns:us-east-1:" + Accounts.ID + ":t",
            Map.of("aws:SourceArn", List.of("arn:aws:sns:us-east-1:111122223333:alerts"))),
        // "IpAddress: Matching specified IP address or range" (Condition operators, IP address
        // condition operators), IPv6 blocks as IPv4 ones.
        change("an IPv6 block widened",
            allow("s3:GetObject", "*", "\"IpAddress\": {\"aws:SourceIp\": \"2001:db8::/32\"}"),
            allow("s3:GetObject", "*", "\"IpAddress\": {\"aws:SourceIp\": \"2001:db8::/31\"}"),
            Change.NEWLY_ALLOWED, "s3:GetObject", BUCKET + "/k", Map.of("aws:SourceIp", List.of("2001:db9::1"))),
        // An IPv4-mapped IPv6 block: IAMUnit reads it as IPv6 (AWS's pages do not say otherwise),
        // and the diff must read it as the evaluator does.
        change("an IPv4-mapped IPv6 block added beside an IPv4 one",
            allow("s3:GetObject", "*", "\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}"),
            allow("s3:GetObject", "*", "\"IpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"::ffff:10.0.0.0/104\"]}"),
            Change.NEWLY_ALLOWED, "s3:GetObject", BUCKET + "/k", Map.of("aws:SourceIp", List.of("::ffff:10.1.2.3"))),
        change("a NotIpAddress Deny's IPv4 block widened",
            allow("s3:GetObject", "*", "") + "," + deny("s3:GetObject", "*", "\"NotIpAddress\": {\"aws:SourceIp\": \"10.20.0.0/16\"}"),
            allow("s3:GetObject", "*", "") + "," + deny("s3:GetObject", "*", "\"NotIpAddress\": {\"aws:SourceIp\": \"10.20.0.0/15\"}"),
            Change.NEWLY_ALLOWED, "s3:GetObject", BUCKET + "/k", Map.of("aws:SourceIp", List.of("10.21.255.255"))),
        // DateGreaterThanEquals holds at the instant itself, and a date may be written in epoch
        // seconds ("Date condition operators ... support the epoch time", Condition operators).
        change("DateGreaterThan made DateGreaterThanEquals, in epoch seconds",
            allow("s3:GetObject", "*", "\"DateGreaterThan\": {\"aws:CurrentTime\": \"2026-02-01T00:00:00Z\"}"),
            allow("s3:GetObject", "*", "\"DateGreaterThanEquals\": {\"aws:CurrentTime\": \"1769904000\"}"),
            Change.NEWLY_ALLOWED, "s3:GetObject", BUCKET + "/k", Map.of("aws:CurrentTime", List.of("2026-02-01T00:00:00Z"))),
        change("a date window's end made a millisecond later",
            allow("s3:GetObject", "*", "\"DateLessThan\": {\"aws:CurrentTime\": \"2026-02-01T00:00:00Z\"}"),
            allow("s3:GetObject", "*", "\"DateLessThan\": {\"aws:CurrentTime\": \"2026-02-01T00:00:00.001Z\"}"),
            Change.NEWLY_ALLOWED, "s3:GetObject", BUCKET + "/k", Map.of("aws:CurrentTime", List.of("2026-02-01T00:00:00Z"))),
        // aws:CurrentTime is "the date and time of the request", aws:EpochTime "the date and time of
        // the request in epoch or Unix time" and "Works with date operators or numeric operators"
        // (IAM User Guide, AWS global condition context keys): one instant, so a window written on
        // either key is the same window, and the CurrentTime of 2026 with the EpochTime of 1999 is
        // no request.
        same("a window's start moved from aws:CurrentTime to the same second of aws:EpochTime",
            allow("s3:GetObject", "*", "\"DateGreaterThanEquals\": {\"aws:CurrentTime\": \"2026-02-01T00:00:01Z\"}"),
            allow("s3:GetObject", "*", "\"NumericGreaterThan\": {\"aws:EpochTime\": \"1769904000\"}")),
        same("a window's end moved from aws:CurrentTime to a date on aws:EpochTime",
            allow("s3:GetObject", "*", "\"DateLessThan\": {\"aws:CurrentTime\": \"2026-03-01T00:00:00Z\"}"),
            allow("s3:GetObject", "*", "\"DateLessThan\": {\"aws:EpochTime\": \"2026-03-01T00:00:00Z\"}")),
        change("a window on both keys given a later end on aws:EpochTime",
            allow("s3:GetObject", "*", "\"DateGreaterThan\": {\"aws:CurrentTime\": \"2026-02-01T00:00:00Z\"},"
                + " \"NumericLessThan\": {\"aws:EpochTime\": \"1772323200\"}"),
            allow("s3:GetObject", "*", "\"DateGreaterThan\": {\"aws:CurrentTime\": \"2026-02-01T00:00:00Z\"},"
                + " \"NumericLessThan\": {\"aws:EpochTime\": \"1775001600\"}"),
            Change.NEWLY_ALLOWED, "s3:GetObject", BUCKET + "/k",
            Map.of("aws:CurrentTime", List.of("2026-03-15T00:00:00Z"), "aws:EpochTime", List.of("1773532800"))),
        // Numeric and date operators on aws:EpochTime at once: a date reads its seconds.
        change("numeric and date operators on aws:EpochTime: the date's start moved",
            allow("s3:GetObject", "*", "\"NumericLessThan\": {\"aws:EpochTime\": \"1772323200\"},"
                + " \"DateGreaterThan\": {\"aws:EpochTime\": \"2026-02-01T00:00:00Z\"}"),
            allow("s3:GetObject", "*", "\"NumericLessThan\": {\"aws:EpochTime\": \"1772323200\"},"
                + " \"DateGreaterThan\": {\"aws:EpochTime\": \"2026-02-15T00:00:00Z\"}"),
            Change.NEWLY_DENIED, "s3:GetObject", BUCKET + "/k",
            Map.of("aws:CurrentTime", List.of("2026-02-10T00:00:00Z"), "aws:EpochTime", List.of("1770681600"))),
        // "aws:TokenIssueTime ... the date and time that temporary security credentials were issued"
        // (AWS global condition context keys): never after the request. A Deny of tokens issued after
        // a date for requests before it denies no request.
        same("a Deny of tokens issued after the request",
            allow("s3:GetObject", "*", ""),
            allow("s3:GetObject", "*", "") + "," + deny("s3:GetObject", "*", "\"DateGreaterThan\": {\"aws:TokenIssueTime\":"
                + " \"2026-03-01T00:00:00Z\"}, \"DateLessThan\": {\"aws:CurrentTime\": \"2026-03-01T00:00:00Z\"}")),
        // Caller signs a session in with MFA when its token is issued: aws:MultiFactorAuthAge is the
        // token's age. A Deny of MFA older than the token denies no request.
        same("a Deny of an MFA sign-in older than its token",
            allow("s3:GetObject", "*", ""),
            allow("s3:GetObject", "*", "") + "," + deny("s3:GetObject", "*", "\"NumericGreaterThan\": {\"aws:MultiFactorAuthAge\": \"100\"},"
                + " \"DateGreaterThan\": {\"aws:TokenIssueTime\": \"2026-03-01T00:00:00Z\"},"
                + " \"DateLessThan\": {\"aws:CurrentTime\": \"2026-03-01T00:01:00Z\"}")),
        // Revoking older sessions (IAM User Guide, Revoke IAM role temporary security credentials):
        // a later revocation date denies the sessions issued between the two.
        new Case("a revocation of older sessions moved later",
            allow("s3:GetObject", "*", "") + "," + deny("s3:GetObject", "*", "\"DateLessThan\": {\"aws:TokenIssueTime\": \"2026-02-01T00:00:00Z\"}"),
            allow("s3:GetObject", "*", "") + "," + deny("s3:GetObject", "*", "\"DateLessThan\": {\"aws:TokenIssueTime\": \"2026-03-01T00:00:00Z\"}"),
            Change.NEWLY_DENIED, "s3:GetObject", BUCKET + "/k", Map.of("aws:TokenIssueTime", List.of("2026-02-15T00:00:00Z")),
            CredentialKind.CONSOLE_WITHOUT_MFA, List.of()),
        // A key compared by numeric and date operators both: a tag whose value is a run of digits is
        // read by both; a later start denies the values between.
        change("numeric and date operators on one tag: the date's start moved",
            allow("s3:PutObject", "*", "\"NumericLessThan\": {\"aws:RequestTag/expiry\": \"1800000000\"},"
                + " \"DateGreaterThan\": {\"aws:RequestTag/expiry\": \"2026-01-01T00:00:00Z\"}"),
            allow("s3:PutObject", "*", "\"NumericLessThan\": {\"aws:RequestTag/expiry\": \"1800000000\"},"
                + " \"DateGreaterThan\": {\"aws:RequestTag/expiry\": \"2026-02-01T00:00:00Z\"}"),
            Change.NEWLY_DENIED, "s3:PutObject", BUCKET + "/k", Map.of("aws:RequestTag/expiry", List.of("1768000000"))),
        // A tag holds any text (aws:RequestTag/${TagKey} is a String key): a value no numeric
        // operator reads ("abc") makes NumericLessThan and NumericGreaterThanEquals both false
        // ("Numeric condition operators", the value must be a number), so two Denies that split
        // every number leave it allowed, and only it.
        change("a tag that is no number, the one value two numeric Denies leave allowed, denied",
            NOT_A_NUMBER_ONLY, NOT_A_NUMBER_ONLY + "," + deny("s3:PutObject", "*", ""),
            Change.NEWLY_DENIED, "s3:PutObject", BUCKET + "/k", Map.of("aws:RequestTag/size", List.of("abc"))),
        same("numeric and date operators on one tag: the date written in epoch seconds",
            allow("s3:PutObject", "*", "\"NumericLessThan\": {\"aws:RequestTag/expiry\": \"1800000000\"},"
                + " \"DateGreaterThan\": {\"aws:RequestTag/expiry\": \"2026-01-01T00:00:00Z\"}"),
            allow("s3:PutObject", "*", "\"NumericLessThan\": {\"aws:RequestTag/expiry\": \"1800000000\"},"
                + " \"DateGreaterThan\": {\"aws:RequestTag/expiry\": \"1767225600\"}")),
        // Numeric operators compare "an integer or decimal value" (Condition operators, Numeric
        // condition operators), negatives included.
        change("a negative decimal limit raised",
            allow("s3:ListBucket", "*", "\"NumericLessThan\": {\"s3:max-keys\": \"-1.5\"}"),
            allow("s3:ListBucket", "*", "\"NumericLessThan\": {\"s3:max-keys\": \"-1.25\"}"),
            Change.NEWLY_ALLOWED, "s3:ListBucket", BUCKET, Map.of("s3:max-keys", List.of("-1.3"))),
        same("a decimal limit written with a trailing zero",
            allow("s3:ListBucket", "*", "\"NumericGreaterThanEquals\": {\"s3:max-keys\": \"0.1\"}"),
            allow("s3:ListBucket", "*", "\"NumericGreaterThanEquals\": {\"s3:max-keys\": \"0.10\"}")),
        // "ForAllValues ... returns true if ... the key is not present in the request context, or
        // ... resolves to an empty data set" (IAM User Guide, Set operators for multivalued context keys).
        change("ForAnyValue made ForAllValues: the request without tag keys",
            allow("ec2:CreateTags", "*", "\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"team\"}"),
            allow("ec2:CreateTags", "*", "\"ForAllValues:StringEquals\": {\"aws:TagKeys\": \"team\"}"),
            Change.NEWLY_ALLOWED, "ec2:CreateTags", "arn:aws:ec2:us-east-1:" + Accounts.ID + ":instance/i-1", Map.of()),
        change("a multivalued tag key allowed beside another",
            allow("ec2:CreateTags", "*", "\"ForAllValues:StringEquals\": {\"aws:TagKeys\": \"team\"}"),
            allow("ec2:CreateTags", "*", "\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"team\", \"env\"]}"),
            Change.NEWLY_ALLOWED, "ec2:CreateTags", "arn:aws:ec2:us-east-1:" + Accounts.ID + ":instance/i-1",
            Map.of("aws:TagKeys", List.of("team", "env"))),
        // Null false requires the key; "...IfExists ... If the key is not present, evaluate the
        // condition element as true" (Condition operators, ...IfExists condition operators).
        change("a Null check dropped beside StringEqualsIfExists",
            allow("s3:ListBucket", "*", "\"StringEqualsIfExists\": {\"s3:prefix\": \"home/\"}, \"Null\": {\"s3:prefix\": \"false\"}"),
            allow("s3:ListBucket", "*", "\"StringEqualsIfExists\": {\"s3:prefix\": \"home/\"}"),
            Change.NEWLY_ALLOWED, "s3:ListBucket", BUCKET, Map.of()),
        // StringEquals compares a * in the policy as a character; StringLike as a wildcard.
        change("s3:prefix with a literal * made StringLike",
            allow("s3:ListBucket", "*", "\"StringEquals\": {\"s3:prefix\": \"home/*\"}"),
            allow("s3:ListBucket", "*", "\"StringLike\": {\"s3:prefix\": \"home/*\"}"),
            Change.NEWLY_ALLOWED, "s3:ListBucket", BUCKET, Map.of("s3:prefix", List.of("home/x"))),
        change("s3:prefix StringLike made StringEquals keeps only the prefix named * itself",
            allow("s3:ListBucket", "*", "\"StringLike\": {\"s3:prefix\": \"home/*\"}"),
            allow("s3:ListBucket", "*", "\"StringEquals\": {\"s3:prefix\": \"home/*\"}"),
            Change.NEWLY_DENIED, "s3:ListBucket", BUCKET, Map.of("s3:prefix", List.of("home/x"))),
        change("StringEquals made StringEqualsIgnoreCase",
            allow("s3:ListBucket", "*", "\"StringEquals\": {\"s3:prefix\": \"home/\"}"),
            allow("s3:ListBucket", "*", "\"StringEqualsIgnoreCase\": {\"s3:prefix\": \"home/\"}"),
            Change.NEWLY_ALLOWED, "s3:ListBucket", BUCKET, Map.of("s3:prefix", List.of("HOME/"))),
        // "BinaryEquals ... The value must be base-64 encoded" (Condition operators, Binary).
        change("a BinaryEquals value replaced",
            allow("s3:PutObject", "*", "\"BinaryEquals\": {\"aws:RequestTag/blob\": \"QmluYXJ5\"}"),
            allow("s3:PutObject", "*", "\"BinaryEquals\": {\"aws:RequestTag/blob\": \"QmluYXJ6\"}"),
            Change.NEWLY_ALLOWED, "s3:PutObject", BUCKET + "/k", Map.of("aws:RequestTag/blob", List.of("QmluYXJ6"))),
        // "NotResource ... with the Deny effect ... denies ... all resources that are not listed"
        // (IAM JSON policy elements: NotResource): a second exception opens its resources.
        change("a NotResource Deny given a second exception",
            allow("s3:GetObject", "*", "") + ",{\"Effect\": \"Deny\", \"Action\": \"s3:GetObject\", \"NotResource\": \"" + BUCKET + "/public/*\"}",
            allow("s3:GetObject", "*", "") + ",{\"Effect\": \"Deny\", \"Action\": \"s3:GetObject\", \"NotResource\": [\"" + BUCKET
                + "/public/*\", \"arn:aws:s3:::shared/*\"]}",
            Change.NEWLY_ALLOWED, "s3:GetObject", "arn:aws:s3:::shared/x", Map.of()),
        // "aws:MultiFactorAuthPresent ... The key is not present in AWS CLI, AWS API, or AWS SDK
        // requests that are made using long-term credentials" (AWS global condition context keys):
        // a Bool Deny, unlike BoolIfExists, lets access keys through.
        change("a BoolIfExists MFA Deny made Bool",
            allow("s3:GetObject", "*", "") + "," + deny("s3:GetObject", "*", "\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}"),
            allow("s3:GetObject", "*", "") + "," + deny("s3:GetObject", "*", "\"Bool\": {\"aws:MultiFactorAuthPresent\": \"false\"}"),
            Change.NEWLY_ALLOWED, "s3:GetObject", BUCKET + "/k", Map.of()),
        // aws:UserAgent "is always included in the request context" (AWS global condition context
        // keys): its absence is no request, so IfExists on it changes nothing...
        same("StringLike on aws:UserAgent made StringLikeIfExists",
            allow("s3:GetObject", "*", "\"StringLike\": {\"aws:UserAgent\": \"*Terraform*\"}"),
            allow("s3:GetObject", "*", "\"StringLikeIfExists\": {\"aws:UserAgent\": \"*Terraform*\"}")),
        // ...while the value is the client's to choose: StringLike compares case-sensitively.
        change("a StringNotLike aws:UserAgent Deny's pattern lower-cased",
            allow("s3:GetObject", "*", "") + "," + deny("s3:GetObject", "*", "\"StringNotLike\": {\"aws:UserAgent\": \"*Terraform*\"}"),
            allow("s3:GetObject", "*", "") + "," + deny("s3:GetObject", "*", "\"StringNotLike\": {\"aws:UserAgent\": \"*terraform*\"}"),
            Change.NEWLY_ALLOWED, "s3:GetObject", BUCKET + "/k", Map.of("aws:UserAgent", List.of("terraform/1.9"))),
        // "The following services do not currently support aws:ViaAWSService: Amazon EC2, ..."
        // (AWS global condition context keys): no EC2 request has it, so BoolIfExists opens all.
        change("a Bool aws:ViaAWSService false Allow on EC2 made BoolIfExists",
            allow("ec2:DescribeInstances", "*", "\"Bool\": {\"aws:ViaAWSService\": \"false\"}"),
            allow("ec2:DescribeInstances", "*", "\"BoolIfExists\": {\"aws:ViaAWSService\": \"false\"}"),
            Change.NEWLY_ALLOWED, "ec2:DescribeInstances", "*", Map.of()),
        // "an SCP ... with an allow list ... at every level" (AWS Organizations User Guide, SCP
        // evaluation): an action the OU's allow list adds is new only where the root's allows it too.
        new Case("an OU's SCP allow list given EC2 reads the root allows",
            allow("*", "*", ""), allow("*", "*", ""), Change.NEWLY_ALLOWED, "ec2:DescribeInstances", "*", Map.of(),
            CredentialKind.ACCESS_KEYS, List.of(allow("s3:*", "*", "") + "," + allow("ec2:*", "*", "") + "|" + allow("s3:*", "*", ""),
                allow("s3:*", "*", "") + "," + allow("ec2:*", "*", "") + "|" + allow("s3:*", "*", "") + "," + allow("ec2:Describe*", "*", ""))),
        // "aws:RequestedRegion ... This key is always included in the request context" (AWS global
        // condition context keys): the caller's Region is one value, every other Region another.
        change("a Region guard given a second Region",
            allow("s3:GetObject", "*", "") + "," + deny("*", "*", "\"StringNotEquals\": {\"aws:RequestedRegion\": \"us-east-1\"}"),
            allow("s3:GetObject", "*", "") + "," + deny("*", "*", "\"StringNotEquals\": {\"aws:RequestedRegion\": [\"us-east-1\", \"eu-west-1\"]}"),
            Change.NEWLY_ALLOWED, "s3:GetObject", BUCKET + "/k", Map.of("aws:RequestedRegion", List.of("eu-west-1"))),
        same("a date written with an offset for the same instant",
            allow("s3:GetObject", "*", "\"DateLessThan\": {\"aws:CurrentTime\": \"2026-02-01T00:00:00Z\"}"),
            allow("s3:GetObject", "*", "\"DateLessThan\": {\"aws:CurrentTime\": \"2026-02-01T01:00:00+01:00\"}")),
        // "ForAllValues ... returns true if ... resolves to an empty data set": a negated set
        // operator's exception list grown.
        change("ForAllValues:StringNotEquals given a second excluded key",
            allow("ec2:CreateTags", "*", "\"ForAllValues:StringNotEquals\": {\"aws:TagKeys\": [\"owner\", \"cost\"]}"),
            allow("ec2:CreateTags", "*", "\"ForAllValues:StringNotEquals\": {\"aws:TagKeys\": \"owner\"}"),
            Change.NEWLY_ALLOWED, "ec2:CreateTags", "arn:aws:ec2:us-east-1:" + Accounts.ID + ":instance/i-1",
            Map.of("aws:TagKeys", List.of("cost", "team"))),
        // ArnLike's last part keeps colons, and ? matches one character there.
        change("an ArnLike ? in the resource part matching a colon",
            allow("sns:Publish", "*", "\"ArnEquals\": {\"aws:SourceArn\": \"arn:aws:s3:::b/a-b\"}"),
            allow("sns:Publish", "*", "\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:s3:::b/a?b\"}"),
            Change.NEWLY_ALLOWED, "sns:Publish", "arn:aws:sns:us-east-1:" + Accounts.ID + ":t",
            Map.of("aws:SourceArn", List.of("arn:aws:s3:::b/a:b"))),
        // "aws:MultiFactorAuthAge ... the number of seconds since the requesting principal was
        // authorized using MFA" (AWS global condition context keys): a longer window opens the
        // console sessions signed in with MFA between the two.
        new Case("an MFA age limit doubled", allow("s3:GetObject", "*", "\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": \"3600\"}"),
            allow("s3:GetObject", "*", "\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": \"7200\"}"), Change.NEWLY_ALLOWED, "s3:GetObject",
            BUCKET + "/k", Map.of("aws:MultiFactorAuthAge", List.of("5000")), CredentialKind.CONSOLE_WITH_MFA, List.of()),
        // "the effective permissions ... are the intersection of the identity-based policy and the
        // permissions boundary" (IAM User Guide, Permissions boundaries for IAM entities).
        new Case("a permissions boundary widened from Get* to *", allow("s3:*", "*", ""), allow("s3:*", "*", ""), Change.NEWLY_ALLOWED,
            "s3:PutObject", BUCKET + "/k", Map.of(), CredentialKind.ACCESS_KEYS, List.of(),
            List.of(allow("s3:Get*", "*", ""), allow("s3:*", "*", ""))),
        new Case("a permissions boundary widened to a service the identity policy does not allow", allow("s3:*", "*", ""),
            allow("s3:*", "*", ""), null, null, null, Map.of(), CredentialKind.ACCESS_KEYS, List.of(),
            List.of(allow("s3:*", "*", ""), allow("*", "*", ""))),
        // The guardrail of many organizations: an OU SCP denying everything but IAM outside its Regions.
        new Case("an OU SCP's NotAction Region guard given a second Region", allow("*", "*", ""), allow("*", "*", ""), Change.NEWLY_ALLOWED,
            "ec2:DescribeInstances", "*", Map.of("aws:RequestedRegion", List.of("eu-west-1")), CredentialKind.ACCESS_KEYS,
            List.of(allow("*", "*", "") + "|" + allow("*", "*", "") + ",{\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\", \"sts:*\"],"
                    + " \"Resource\": \"*\", \"Condition\": {\"StringNotEquals\": {\"aws:RequestedRegion\": \"us-east-1\"}}}",
                allow("*", "*", "") + "|" + allow("*", "*", "") + ",{\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\", \"sts:*\"],"
                    + " \"Resource\": \"*\", \"Condition\": {\"StringNotEquals\": {\"aws:RequestedRegion\": [\"us-east-1\", \"eu-west-1\"]}}}")),
        new Case("an OU's SCP allow list given EC2 the root does not allow",
            allow("*", "*", ""), allow("*", "*", ""), null, null, null, Map.of(), CredentialKind.ACCESS_KEYS,
            List.of(allow("s3:*", "*", "") + "|" + allow("s3:*", "*", ""), allow("s3:*", "*", "") + "|" + allow("s3:*", "*", "") + ","
                + allow("ec2:*", "*", ""))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theDiffFindsTheChangeProvesItAndReportsOnlyRealOnes(Case c) {
    Account base = account(c.base(), c.scps().isEmpty() ? null : c.scps().get(0), c.boundaries().isEmpty() ? null : c.boundaries().get(0));
    Account head = account(c.head(), c.scps().isEmpty() ? null : c.scps().get(1), c.boundaries().isEmpty() ? null : c.boundaries().get(1));

    AccessDiff diff = AccessDiffer.standard().compare(base, head, "base", "head");

    assertThat(diff.space().proof().sampled()).as("sampled pairs").isEmpty();
    for (DiffRow row : diff.rows()) {
      Map<String, List<String>> context = new LinkedHashMap<>();
      Set<String> absent = new LinkedHashSet<>();
      parse(row.context(), context, absent);
      boolean b = allowed(base, row.action(), row.resource(), row.credentials(), context, absent);
      boolean h = allowed(head, row.action(), row.resource(), row.credentials(), context, absent);
      if (row.change() == Change.NEWLY_ALLOWED || row.change() == Change.NEWLY_DENIED) {
        assertThat(b == h ? null : h ? Change.NEWLY_ALLOWED : Change.NEWLY_DENIED).as("finding %s decided directly", row)
            .isEqualTo(row.change());
      } else {
        assertThat(b).as("finding %s decided directly: the same answer, another reason", row).isEqualTo(h);
      }
    }
    if (c.change() == null) {
      assertThat(diff.rows()).as("no request changes").isEmpty();
      return;
    }
    boolean b = allowed(base, c.action(), c.resource(), c.kind(), c.context(), Set.of());
    boolean h = allowed(head, c.action(), c.resource(), c.kind(), c.context(), Set.of());
    Change direct = b == h ? null : h ? Change.NEWLY_ALLOWED : Change.NEWLY_DENIED;
    assertThat(direct).as("the case's own request, decided directly").isEqualTo(c.change());
    ActionClasses classes = classes(base, head);
    assertThat(diff.rows(c.change())).as("a %s finding for %s on %s with %s", c.change(), c.action(), c.resource(), c.context())
        .anyMatch(r -> r.credentials() == c.kind() && alike(classes, r.action(), c.action()) && r.proved());
  }

  private static Account account(String statements, String scps, String boundary) {
    Policy policy = parse(statements, PolicyKind.IDENTITY, "Policy");
    String boundaryArn = "arn:aws:iam::" + Accounts.ID + ":policy/Boundary";
    Account.Builder account = Account.builder().id(Accounts.ID)
        .user(new User(USER, "/", "arn:aws:iam::" + Accounts.ID + ":user/" + USER, Map.of(), List.of(), List.of(policy), List.of(),
            Optional.ofNullable(boundary).map(b -> boundaryArn), SourceLocation.UNKNOWN));
    if (boundary != null) {
      account.managedPolicy(new ManagedPolicy(boundaryArn, "Boundary", "/", parse(boundary, PolicyKind.PERMISSIONS_BOUNDARY, "Boundary"), false));
    }
    if (scps != null) {
      List<List<Policy>> levels = new ArrayList<>();
      String[] each = scps.split("\\|");
      for (int i = 0; i < each.length; i++) {
        levels.add(List.of(parse(each[i], PolicyKind.SERVICE_CONTROL, "Level" + i)));
      }
      account.organization(new Organization(levels, List.of()));
    }
    return account.build();
  }

  private static Policy parse(String statements, PolicyKind kind, String name) {
    return PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}", "main.tf", kind, name);
  }

  static boolean allowed(Account account, String action, String resource, CredentialKind kind, Map<String, List<String>> context,
      Set<String> absent) {
    Caller caller = Caller.user(account, USER);
    return Evaluator.standard().decide(caller.request(action, resource, kind, AccessDiffer.REQUEST_TIME, context, absent)).isAllowed();
  }

  private static ActionClasses classes(Account base, Account head) {
    List<Policy> both = new ArrayList<>(Caller.user(base, USER).policies().policies());
    both.addAll(Caller.user(head, USER).policies().policies());
    return ActionClasses.of(PolicyStatement.of(both), AwsData.bundled());
  }

  private static boolean alike(ActionClasses classes, String found, String action) {
    return found.equalsIgnoreCase(action)
        || classes.classes().stream().anyMatch(c -> c.members().contains(found) && c.members().contains(action));
  }

  /** A finding's context back as its request's: {@code [a, b]} is a set, {@value KeyValue#ABSENT_LABEL} a key left out. */
  static void parse(Map<String, String> labels, Map<String, List<String>> context, Set<String> absent) {
    labels.forEach((key, label) -> {
      if (label.equals(KeyValue.ABSENT_LABEL)) {
        absent.add(key);
      } else if (label.startsWith("[") && label.endsWith("]")) {
        context.put(key, label.length() == 2 ? List.of() : Arrays.asList(label.substring(1, label.length() - 1).split(", ")));
      } else {
        context.put(key, List.of(label));
      }
    });
  }
}
