package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Organization;
import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The account's root user. "By default, all requests are implicitly denied with the exception of
 * the AWS account root user, which has full access" (IAM User Guide, How AWS enforcement code
 * logic evaluates requests to allow or deny access); what still binds it is in RootUser.
 */
class RootUserTests {

  private static final String ACCOUNT = "111122223333";
  private static final String ROOT = "arn:aws:iam::111122223333:root";
  private static final String OTHER = "444455556666";
  private static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111122223333:trail/org";
  private static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  private static Policy policy(PolicyKind kind, String statements) {
    return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", kind.name() + ".json", kind, kind.name());
  }

  private static final String ALLOW_ALL = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}";
  /** "Not even root may stop CloudTrail": the SCP a security team writes. */
  private static final String DENY_STOP_LOGGING = "{\"Sid\":\"ProtectCloudTrail\",\"Effect\":\"Deny\","
      + "\"Action\":[\"cloudtrail:StopLogging\",\"cloudtrail:DeleteTrail\"],\"Resource\":\"*\"}";
  /** AWS Control Tower's GRRESTRICTROOTUSER, the deny that names the root user by its ARN. */
  private static final String DENY_ROOT = "{\"Sid\":\"GRRESTRICTROOTUSER\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
      + "\"Condition\":{\"StringLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::*:root\"]}}}";

  private static Request request(String action, String resource, String resourceAccount) {
    Caller root = Caller.root(Account.builder().id(ACCOUNT).build());
    Request request = root.request(action, resource, CredentialKind.ACCESS_KEYS, Instant.parse("2026-12-07T12:00:00Z"), Map.of()).request();
    return request.withResourceAccount(resourceAccount);
  }

  private static PolicySet scps(String... statements) {
    return PolicySet.builder().scpLevel(List.of(policy(PolicyKind.SERVICE_CONTROL, ALLOW_ALL + "," + String.join(",", statements)))).build();
  }

  private static PolicySet resourcePolicy(PolicyKind kind, String statements) {
    return PolicySet.builder().resource(policy(kind, statements)).build();
  }

  static Stream<Arguments> requests() {
    String bucketDeniesEveryone = "{\"Sid\":\"DenyAll\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::logs\",\"arn:aws:s3:::logs/*\"]}";
    String grantsTheAccount = "{\"Sid\":\"Account\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"*\",\"Resource\":\"*\"}";
    String grantsBob = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/bob\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}";
    return Stream.of(
        // "all requests are implicitly denied with the exception of the AWS account root user, which has full access"
        Arguments.of("no policy at all", request("cloudtrail:StopLogging", TRAIL, ACCOUNT), PolicySet.builder().build(), Outcome.ALLOWED),
        // "An SCP restricts permissions for IAM users and roles in member accounts, including the member account's
        // root user" (AWS Organizations User Guide, Service control policies)
        Arguments.of("an SCP denies it", request("cloudtrail:StopLogging", TRAIL, ACCOUNT), scps(DENY_STOP_LOGGING), Outcome.EXPLICIT_DENY),
        Arguments.of("an SCP denies the root user by ARN", request("s3:ListAllMyBuckets", "*", ACCOUNT), scps(DENY_ROOT), Outcome.EXPLICIT_DENY),
        Arguments.of("an SCP allows something else only", request("cloudtrail:StopLogging", TRAIL, ACCOUNT),
            PolicySet.builder().scpLevel(List.of(policy(PolicyKind.SERVICE_CONTROL, "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"))).build(),
            Outcome.IMPLICIT_DENY),
        // RCPs: "the enforcement code evaluates all policies within the account that apply to the request. These
        // include AWS Organizations SCPs and RCPs, resource-based policies, ..." and looks for a Deny
        Arguments.of("an RCP denies it", request("s3:GetObject", "arn:aws:s3:::logs/a", ACCOUNT),
            PolicySet.builder().rcpLevel(List.of(policy(PolicyKind.RESOURCE_CONTROL, "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"))).build(),
            Outcome.EXPLICIT_DENY),
        // An explicit deny in a resource-based policy binds the root user too.
        Arguments.of("the bucket policy denies everyone", request("s3:GetObject", "arn:aws:s3:::logs/a", ACCOUNT),
            resourcePolicy(PolicyKind.RESOURCE, bucketDeniesEveryone), Outcome.EXPLICIT_DENY),
        // ... except for the bucket policy actions (Amazon S3 API Reference, PutBucketPolicy): "the root principal in
        // a bucket owner's AWS account can perform the GetBucketPolicy, PutBucketPolicy, and DeleteBucketPolicy API
        // actions, even if their bucket policy explicitly denies the root principal's access"
        Arguments.of("the bucket policy denies its own deletion", request("s3:DeleteBucketPolicy", "arn:aws:s3:::logs", ACCOUNT),
            resourcePolicy(PolicyKind.RESOURCE, bucketDeniesEveryone), Outcome.ALLOWED),
        // "Bucket owner root principals can only be blocked from performing these API actions by VPC endpoint policies
        // and AWS Organizations policies"
        Arguments.of("an SCP denies deleting bucket policies", request("s3:DeleteBucketPolicy", "arn:aws:s3:::logs", ACCOUNT),
            scps("{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteBucketPolicy\",\"Resource\":\"*\"}"), Outcome.EXPLICIT_DENY),
        // "IAM role trust policies and KMS key policies are exceptions to this logic, because they must explicitly
        // allow access for principals"
        Arguments.of("no key policy was given", request("kms:Decrypt", KEY, ACCOUNT), PolicySet.builder().build(), Outcome.IMPLICIT_DENY),
        Arguments.of("the key policy names someone else", request("kms:Decrypt", KEY, ACCOUNT),
            resourcePolicy(PolicyKind.RESOURCE, grantsBob), Outcome.IMPLICIT_DENY),
        Arguments.of("the key policy grants the account", request("kms:Decrypt", KEY, ACCOUNT),
            resourcePolicy(PolicyKind.RESOURCE, grantsTheAccount), Outcome.ALLOWED),
        // "the request must be allowed by both the identity-based policy in the trusting account and the
        // resource-based policy in the trusted account" (Cross-account policy evaluation logic)
        Arguments.of("another account's bucket without a policy", request("s3:GetObject", "arn:aws:s3:::theirs/a", OTHER),
            PolicySet.builder().build(), Outcome.IMPLICIT_DENY),
        Arguments.of("another account's bucket that grants the account", request("s3:GetObject", "arn:aws:s3:::theirs/a", OTHER),
            resourcePolicy(PolicyKind.RESOURCE, "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"),
            Outcome.ALLOWED),
        Arguments.of("another account's bucket that denies its bucket policy", request("s3:PutBucketPolicy", "arn:aws:s3:::theirs", OTHER),
            resourcePolicy(PolicyKind.RESOURCE, bucketDeniesEveryone.replace("logs", "theirs") + "," + grantsTheAccount), Outcome.EXPLICIT_DENY),
        // "You cannot call AssumeRole by using AWS root account credentials; access is denied" (STS API Reference)
        Arguments.of("assuming a role", request("sts:AssumeRole", "arn:aws:iam::111122223333:role/Admin", ACCOUNT),
            resourcePolicy(PolicyKind.TRUST, "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"sts:AssumeRole\"}"),
            Outcome.IMPLICIT_DENY));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("requests")
  void theRootUserHasFullAccessInItsAccountWithinWhatBindsIt(String name, Request request, PolicySet policies, Outcome expected) {
    assertThat(request.isRootUser()).isTrue();
    assertThat(Evaluator.standard().explain(request, policies).outcome()).isEqualTo(expected);
    assertThat(Evaluator.standard().decide(request, policies).outcome()).isEqualTo(expected);
  }

  @Test
  void explanationsSayWhyRootIsAllowed() {
    Decision decision = Evaluator.standard().explain(request("cloudtrail:StopLogging", TRAIL, ACCOUNT), PolicySet.builder().build());
    assertThat(decision.explanation().reasons()).containsExactly("the account's root user has full access");
    assertThat(decision.deciding()).isEmpty();

    Decision lockedOut = Evaluator.standard().explain(request("s3:PutBucketPolicy", "arn:aws:s3:::logs", ACCOUNT),
        resourcePolicy(PolicyKind.RESOURCE, "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::logs\"}"));
    assertThat(lockedOut.explanation().reasons()).containsExactly("the account's root user has full access",
        "the bucket policy's Deny does not bind the bucket owner's root user for this action: only SCPs, RCPs and VPC endpoint "
            + "policies can block it (Amazon S3 API Reference, PutBucketPolicy)");

    Decision assumeRole = Evaluator.standard().explain(request("sts:AssumeRole", "arn:aws:iam::111122223333:role/Admin", ACCOUNT),
        PolicySet.builder().build());
    assertThat(assumeRole.explanation().reasons()).singleElement().asString()
        .startsWith("AWS refuses sts:AssumeRole* with the root user's credentials");
  }

  /** The root user can have no identity-based policy, boundary or session policy: a set that gives one is a mistake. */
  @Test
  void policiesOfItsOwnAreRefused() {
    Request request = request("s3:GetObject", "arn:aws:s3:::logs/a", ACCOUNT);
    Policy allow = policy(PolicyKind.IDENTITY, ALLOW_ALL);
    assertThatThrownBy(() -> Evaluator.standard().explain(request, PolicySet.ofIdentity(allow)))
        .isInstanceOf(IamUnitException.class)
        .hasMessageStartingWith("the request's principal arn:aws:iam::111122223333:root is the account's root user, which cannot have "
            + "identity-based policies");
    assertThatThrownBy(() -> Evaluator.standard().decide(request, PolicySet.builder().boundary(allow).build()))
        .hasMessageContaining("which cannot have a permissions boundary");
    assertThatThrownBy(() -> Evaluator.standard().decide(request, PolicySet.builder().session(allow).build()))
        .hasMessageContaining("which cannot have session policies");
  }

  /**
   * The root user's request context: aws:PrincipalType "Account", aws:userid the account id, no
   * aws:username (IAM User Guide, AWS global condition context keys); its policy set holds only the
   * organization's policies.
   */
  @Test
  void theRootCallerCarriesTheRootContextAndOnlyTheOrganizationsPolicies() {
    Policy scp = policy(PolicyKind.SERVICE_CONTROL, ALLOW_ALL + "," + DENY_STOP_LOGGING);
    Account account = Account.builder().id(ACCOUNT).organization(new Organization(List.of(List.of(scp)), List.of())).build();
    Caller root = Caller.root(account);

    assertThat(root.arn()).isEqualTo(ROOT);
    assertThat(root.principalArn()).isEqualTo(ROOT);
    RequestContext context = root.context(CredentialKind.ACCESS_KEYS, Instant.parse("2026-12-07T12:00:00Z"));
    assertThat(context.get("aws:PrincipalType")).map(e -> e.values()).contains(List.of("Account"));
    assertThat(context.get("aws:userid")).map(e -> e.values()).contains(List.of(ACCOUNT));
    assertThat(context.get("aws:PrincipalArn")).map(e -> e.values()).contains(List.of(ROOT));
    assertThat(context.get("aws:username")).isEmpty();
    assertThat(root.policies().policies()).containsExactly(scp);
    BoundRequest stop = root.request("cloudtrail:StopLogging", TRAIL, CredentialKind.ACCESS_KEYS, Instant.now(), Map.of());
    assertThat(Evaluator.standard().explain(stop).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    BoundRequest describe = root.request("cloudtrail:DescribeTrails", TRAIL, CredentialKind.ACCESS_KEYS, Instant.now(), Map.of());
    assertThat(Evaluator.standard().explain(describe).outcome()).isEqualTo(Outcome.ALLOWED);
  }

  /** Only {@code arn:PARTITION:iam::ACCOUNT:root} is the root user. */
  @Test
  void onlyTheRootArnIsTheRootUser() {
    assertThat(Request.of("arn:aws-cn:iam::111122223333:root", "s3:GetObject", "*", RequestContext.empty()).isRootUser()).isTrue();
    for (String other : List.of("arn:aws:iam::111122223333:user/root", "arn:aws:sts::111122223333:root", "arn:aws:iam::111122223333:role/root",
        "111122223333", "s3.amazonaws.com")) {
      assertThat(Request.of(other, "s3:GetObject", "*", RequestContext.empty()).isRootUser()).as(other).isFalse();
    }
  }
}
