package dev.iamunit.diff.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AccessLevel;
import dev.iamunit.aws.AwsData;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.diff.Version;
import dev.iamunit.diff.report.TextReport;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Changes a sampled request space misses and the complete one finds, each with a concrete request
 * that proves it (issue 26). The AWS sentences each relies on are quoted where the behaviour is
 * AWS's, not the diff's.
 */
class CompleteSpaceTests {

  private static AccessDiff diff(String base, String head) {
    return diff(Accounts.withUsers(base, "alice"), Accounts.withUsers(head, "alice"));
  }

  private static AccessDiff diff(Account base, Account head) {
    return AccessDiffer.standard().compare(base, head, "base", "head");
  }

  private static List<DiffRow> newlyAllowed(AccessDiff diff) {
    return diff.rows(Change.NEWLY_ALLOWED);
  }

  /**
   * "IpAddress: Matching specified IP address or range" (IAM User Guide, Condition operators, IP
   * address condition operators): a /15 holds every 10.21.x.x address the /16 does not.
   */
  @Test
  void aWidenedCidrIsNewAccessFromTheAddressesItAdds() {
    Path pair = Path.of("src/test/resources/changes/cidr-widening");
    AccessDiff diff = AccessDiffer.standard().compare(new Version("base", pair.resolve("base"), false),
        new Version("head", pair.resolve("head"), false), List.of(), SourceFormats.standard());

    assertThat(newlyAllowed(diff)).isNotEmpty().allSatisfy(row -> {
      assertThat(row.action()).isEqualTo("s3:GetObject");
      assertThat(row.context()).containsEntry("aws:SourceIp", "10.21.0.0");
      assertThat(row.proved()).isTrue();
    });
    assertThat(diff.rows()).hasSize(newlyAllowed(diff).size());
    assertThat(diff.space().proof().complete()).isTrue();
    assertThat(TextReport.render(diff)).contains("(proved)").contains("Proved over every region of requests");
  }

  /**
   * "NotAction ... with the Allow effect ... allows access to all of the actions that aren't
   * listed" (IAM User Guide, IAM JSON policy elements: NotAction): services neither version names.
   */
  @Test
  void aNotActionAllowOpensServicesNeitherVersionNames() {
    AccessDiff diff = diff(
        "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}",
        "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
            + "{\"Sid\": \"AllButIam\", \"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}");

    List<String> services = newlyAllowed(diff).stream().map(r -> r.action().substring(0, r.action().indexOf(':'))).distinct().toList();
    assertThat(services).contains("ec2", "lambda", "dynamodb", "kms").doesNotContain("iam");
    assertThat(diff.space().actions()).isGreaterThan(10_000);
  }

  /** "?" matches exactly one character: a second one is outside the old pattern, inside the new. */
  @Test
  void aQuestionMarkWidenedToAStarIsNewAccessOnLongerNames() {
    AccessDiff diff = diff(
        "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::reports/day-?\"}",
        "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::reports/day-*\"}");

    assertThat(newlyAllowed(diff)).isNotEmpty().allSatisfy(row -> {
      String day = row.resource().substring("arn:aws:s3:::reports/day-".length());
      assertThat(row.resource()).startsWith("arn:aws:s3:::reports/day-");
      assertThat(day).hasSizeGreaterThanOrEqualTo(0).isNotEqualTo("x").matches(d -> d.length() != 1, "not one character");
    });
    assertThat(diff.rows(Change.NEWLY_DENIED)).isEmpty();
  }

  /** A date window moved a month later: the month it adds is new access, the month it drops is removed. */
  @Test
  void aMovedDateWindowOpensTheNewMonthAndClosesTheOld() {
    String window = "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\", \"Condition\": {"
        + "\"DateGreaterThan\": {\"aws:CurrentTime\": \"%s\"}, \"DateLessThan\": {\"aws:CurrentTime\": \"%s\"}}}";
    AccessDiff diff = diff(String.format(window, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"),
        String.format(window, "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"));

    assertThat(newlyAllowed(diff)).isNotEmpty().allSatisfy(row -> assertThat(row.context().get("aws:CurrentTime"))
        .isGreaterThan("2026-02-01T00:00:00Z").isLessThan("2026-03-01T00:00:00Z"));
    assertThat(diff.rows(Change.NEWLY_DENIED)).isNotEmpty().allSatisfy(row -> assertThat(row.context().get("aws:CurrentTime"))
        .isGreaterThan("2026-01-01T00:00:00Z").isLessThanOrEqualTo("2026-02-01T00:00:00Z"));
  }

  /** NumericLessThan to NumericLessThanEquals: exactly the constant itself gains access. */
  @Test
  void aNumericOperatorMadeInclusiveOpensTheConstantOnly() {
    String limit = "{\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"*\", \"Condition\": {"
        + "\"%s\": {\"s3:max-keys\": \"10\"}}}";
    AccessDiff diff = diff(String.format(limit, "NumericLessThan"), String.format(limit, "NumericLessThanEquals"));

    assertThat(newlyAllowed(diff)).isNotEmpty().allSatisfy(row -> assertThat(row.context()).containsEntry("s3:max-keys", "10"));
    assertThat(diff.rows()).hasSize(newlyAllowed(diff).size());
  }

  /**
   * "${aws:username}" is the requesting user's name (IAM User Guide, IAM policy elements:
   * Variables and tags): replacing it by * opens every other user's folder, and nothing of
   * alice's own.
   */
  @Test
  void aUsernameVariableReplacedByAStarOpensOtherUsersFolders() {
    AccessDiff diff = diff(
        "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::home/${aws:username}/*\"}",
        "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::home/*\"}");

    assertThat(newlyAllowed(diff)).isNotEmpty().allSatisfy(row -> {
      assertThat(row.resource()).startsWith("arn:aws:s3:::home/").doesNotStartWith("arn:aws:s3:::home/alice/");
      assertThat(row.proved()).isTrue();
    });
  }

  /** A multivalued key: ForAllValues holds for the empty set, which a one-value sample never asks. */
  @Test
  void forAllValuesReplacingForAnyValueOpensTheEmptySet() {
    String tags = "{\"Effect\": \"Allow\", \"Action\": \"ec2:CreateTags\", \"Resource\": \"*\", \"Condition\": {"
        + "\"%s:StringEquals\": {\"aws:TagKeys\": [\"team\"]}}}";
    AccessDiff diff = diff(String.format(tags, "ForAnyValue"), String.format(tags, "ForAllValues"));

    assertThat(newlyAllowed(diff)).extracting(r -> r.context().get("aws:TagKeys")).contains("[]");
  }

  /**
   * "aws:ViaAWSService ... Availability – This key is always included in the request context for
   * most services", and "The following services do not currently support aws:ViaAWSService: Amazon
   * EC2, AWS Glue, AWS Lake Formation, AWS OpsWorks" (IAM User Guide, AWS global condition context
   * keys, aws:ViaAWSService): a Deny where the key is absent takes away access only from requests
   * without it, which the caller's usual S3 request (ViaAWSService false) never is; from every EC2
   * request, which never carries it.
   */
  @Test
  void aDenyWhereViaAwsServiceIsAbsentRemovesAccessFromRequestsWithoutTheKey() {
    String allow = "{\"Effect\": \"Allow\", \"Action\": [\"s3:ListAllMyBuckets\", \"ec2:DescribeInstances\"], \"Resource\": \"*\"}";
    AccessDiff diff = diff(allow, allow + ",{\"Effect\": \"Deny\", \"Action\": [\"s3:ListAllMyBuckets\", \"ec2:DescribeInstances\"],"
        + " \"Resource\": \"*\", \"Condition\": {\"Null\": {\"aws:ViaAWSService\": \"true\"}}}");

    assertThat(diff.rows(Change.NEWLY_DENIED)).isNotEmpty().allSatisfy(row -> {
      assertThat(row.action()).isIn("s3:ListAllMyBuckets", "ec2:DescribeInstances");
      if (row.action().startsWith("s3:")) {
        assertThat(row.context()).containsEntry("aws:ViaAWSService", "(absent)");
      } else {
        assertThat(row.context()).doesNotContainKey("aws:ViaAWSService");
      }
      assertThat(row.proved()).isTrue();
    });
    assertThat(diff.rows(Change.NEWLY_DENIED)).extracting(DiffRow::action).contains("s3:ListAllMyBuckets", "ec2:DescribeInstances");
    assertThat(diff.rows()).hasSize(diff.rows(Change.NEWLY_DENIED).size());
    assertThat(TextReport.render(diff)).contains("aws:ViaAWSService=(absent)");
  }

  /**
   * BoolIfExists: "If the policy key is present in the context of the request, process the key as
   * specified in the policy. If the key is not present, evaluate the condition element as true"
   * (IAM User Guide, Condition operators, ...IfExists condition operators): an Allow on requests
   * AWS services make for the principal, widened from Bool to BoolIfExists, opens the requests
   * without aws:ViaAWSService, and only those.
   */
  @Test
  void boolWidenedToBoolIfExistsOnViaAwsServiceOpensTheRequestsWithoutTheKey() {
    String viaService = "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
        + " \"Condition\": {\"%s\": {\"aws:ViaAWSService\": \"true\"}}}";
    AccessDiff diff = diff(String.format(viaService, "Bool"), String.format(viaService, "BoolIfExists"));

    assertThat(newlyAllowed(diff)).isNotEmpty()
        .allSatisfy(row -> assertThat(row.context()).containsEntry("aws:ViaAWSService", "(absent)"));
    assertThat(diff.rows()).hasSize(newlyAllowed(diff).size());
  }

  /**
   * "arn:aws:iam::aws:policy/IAMReadOnlyAccess is an AWS managed policy", and "a single AWS managed
   * policy can be attached to principal entities in different AWS accounts" (IAM User Guide,
   * Managed policies and inline policies, AWS managed policies): reading one takes the reader's own
   * permission, no grant of another account. Opening them is new access on them, found although
   * no account variant of the policy ARN format is "aws".
   */
  @Test
  void readingAwsManagedPoliciesIsNewAccessOnThemOnly() {
    String read = "{\"Effect\": \"Allow\", \"Action\": \"iam:GetPolicyVersion\", \"Resource\": \"%s\"}";
    AccessDiff diff = diff(String.format(read, "arn:aws:iam::" + Accounts.ID + ":policy/*"),
        String.format(read, "arn:aws:iam::" + Accounts.ID + ":policy/*") + "," + String.format(read, "arn:aws:iam::aws:policy/*"));

    assertThat(newlyAllowed(diff)).isNotEmpty().allSatisfy(row -> {
      assertThat(row.action()).isEqualTo("iam:GetPolicyVersion");
      assertThat(row.resource()).startsWith("arn:aws:iam::aws:policy/");
      assertThat(row.proved()).isTrue();
    });
    assertThat(diff.rows()).hasSize(newlyAllowed(diff).size());
  }

  /**
   * A Deny of every IAM action but on the AWS managed policies, added under an Allow of every IAM
   * action: only the reads of AWS managed policies stay allowed ("You cannot change the permissions
   * defined in AWS managed policies", the same section), so the diff finds removed access
   * everywhere else and none on them; a Deny on them only removes their reads.
   */
  @Test
  void aDenyOfIamButOnAwsManagedPoliciesLeavesTheirReadsAlone() {
    String all = "{\"Effect\": \"Allow\", \"Action\": \"iam:*\", \"Resource\": \"*\"}";
    AccessDiff diff = diff(all, all + ",{\"Effect\": \"Deny\", \"Action\": \"iam:*\", \"NotResource\": \"arn:aws:iam::aws:policy/*\"}");

    assertThat(diff.rows(Change.NEWLY_DENIED)).isNotEmpty().noneMatch(row -> row.resource().startsWith("arn:aws:iam::aws:policy/"));
    assertThat(newlyAllowed(diff)).isEmpty();
    AccessDiff unchanged = diff(all, all + ",{\"Effect\": \"Deny\", \"Action\": \"iam:*\", \"Resource\": \"arn:aws:iam::aws:policy/*\"}");
    assertThat(unchanged.rows(Change.NEWLY_DENIED)).isNotEmpty().allSatisfy(row -> {
      assertThat(row.resource()).startsWith("arn:aws:iam::aws:policy/");
      assertThat(AwsData.bundled().action(row.action()).orElseThrow().accessLevel()).as("%s: AWS refuses every change to them", row.action())
          .isIn(AccessLevel.READ, AccessLevel.LIST);
    });
  }
}
