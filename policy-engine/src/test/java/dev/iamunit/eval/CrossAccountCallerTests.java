package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.explain.DecisionText;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests across the accounts of an organization: the resource's policy is the one its own
 * account holds, the SCPs are those of the principal's account, the RCPs those of the resource's
 * account, and a request on another account's resource needs both sides.
 *
 * <p>The organization: root r-1 with management account 999999999999; prod 111111111111 and dev
 * 222222222222 under the root. prod's SCP denies {@code s3:DeleteObject}; prod's RCP denies
 * {@code s3:GetObject} on its resources; dev's RCP denies {@code s3:PutObject} on its resources.
 * In each of prod and dev a role {@code deployer} may do {@code s3:*} and assume roles; dev's
 * bucket {@code dev-data} grants prod's deployer {@code s3:*}; dev's role {@code deploy} trusts
 * prod's deployer.
 */
class CrossAccountCallerTests {

  static final String PROD = "111111111111";
  static final String DEV = "222222222222";
  static final String MANAGEMENT = "999999999999";
  static final SourceLocation AT = SourceLocation.of("org.tf", 1, 1);
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  static final Accounts ACCOUNTS = organization();

  private static Accounts organization() {
    Policy full = policy("FullAWSAccess", PolicyKind.SERVICE_CONTROL, "Allow", "*", "*", "");
    OrganizationTree tree = new OrganizationTree("r-1", Optional.of(MANAGEMENT), OrganizationTree.ScpRule.AWS_DEFAULT, true,
        List.of(),
        List.of(new OrganizationTree.Member(PROD, "prod", "r-1", AT), new OrganizationTree.Member(DEV, "dev", "r-1", AT)),
        List.of(control("no-delete", false, "s3:DeleteObject", PROD), control("prod-rcp", true, "s3:GetObject", PROD),
            control("dev-rcp", true, "s3:PutObject", DEV)),
        AT);
    Accounts.Builder accounts = Accounts.builder(MANAGEMENT, "aws", "us-east-1");
    for (String id : List.of(PROD, DEV, MANAGEMENT)) {
      accounts.account(id).role(role(id, "deployer", "codebuild", "s3:*\", \"sts:AssumeRole"))
          .resourcePolicy("arn:aws:s3:::" + name(id) + "-data",
              policy("bucket", PolicyKind.RESOURCE, "Allow", "s3:*", "arn:aws:s3:::" + name(id) + "-data/*",
                  "\"Principal\":{\"AWS\":\"arn:aws:iam::" + id + ":root\"},"));
    }
    accounts.account(DEV).resourcePolicy("arn:aws:s3:::dev-data", policy("bucket", PolicyKind.RESOURCE, "Allow", "s3:*",
        "arn:aws:s3:::dev-data/*", "\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:role/deployer\"},"));
    accounts.account(DEV).role(new Role("deploy", "/", "arn:aws:iam::222222222222:role/deploy",
        Optional.of(policy("trust", PolicyKind.TRUST, "Allow", "sts:AssumeRole", null,
            "\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:role/deployer\"},")),
        Map.of(), List.of(), List.of(), Optional.empty(), AT));
    return accounts.organization(tree, full).build();
  }

  private static Decision decide(String account, String action, String resource) {
    Account home = ACCOUNTS.byId(account).orElseThrow();
    BoundRequest request = Caller.roleSession(ACCOUNTS, home, "deployer", "test").request(action, resource, CredentialKind.ASSUMED_ROLE,
        NOW, Map.of());
    return Evaluator.standard().explain(request);
  }

  /**
   * "the request must be allowed by both the identity-based policy in the trusting account and the
   * resource-based policy in the trusted account" (IAM User Guide, Cross-account policy evaluation
   * logic): dev's bucket names prod's deployer, the management account's bucket grants only its own
   * account.
   */
  @ParameterizedTest(name = "{0}''s deployer: {1} on {2}: {3}")
  @CsvSource({
      "111111111111, s3:GetObjectVersion, arn:aws:s3:::dev-data/app.zip, ALLOWED",
      "111111111111, s3:GetObjectVersion, arn:aws:s3:::management-data/app.zip, IMPLICIT_DENY",
      "222222222222, s3:GetObjectVersion, arn:aws:s3:::management-data/app.zip, IMPLICIT_DENY",
      "111111111111, s3:GetObjectVersion, arn:aws:s3:::prod-data/app.zip, ALLOWED"})
  void aRequestOnAnotherAccountsResourceNeedsItsResourcePolicy(String account, String action, String resource, Outcome expected) {
    Decision decision = decide(account, action, resource);

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }

  /**
   * "Use an RCP when you need to restrict IAM principals that are external to your organization
   * accounts making requests to access resources within your organization's member accounts"
   * (AWS Organizations User Guide, Resource control policies (RCPs)): an RCP guards the resources
   * of the accounts it is attached above, whoever asks, and no others. dev's RCP denies PutObject
   * on dev's bucket even to prod's deployer; prod's RCP (GetObject) does not reach dev's bucket.
   * "RCPs don't affect resources in the management account" (same page).
   */
  @ParameterizedTest(name = "{0}''s deployer: {1} on {2}: {3}")
  @CsvSource({
      "111111111111, s3:PutObject, arn:aws:s3:::dev-data/app.zip, EXPLICIT_DENY",
      "222222222222, s3:PutObject, arn:aws:s3:::dev-data/app.zip, EXPLICIT_DENY",
      "111111111111, s3:GetObject, arn:aws:s3:::dev-data/app.zip, ALLOWED",
      "111111111111, s3:PutObject, arn:aws:s3:::prod-data/app.zip, ALLOWED",
      "111111111111, s3:GetObject, arn:aws:s3:::prod-data/app.zip, EXPLICIT_DENY",
      "999999999999, s3:GetObject, arn:aws:s3:::management-data/app.zip, ALLOWED"})
  void theRcpsThatApplyAreThoseOfTheResourcesAccount(String account, String action, String resource, Outcome expected) {
    Decision decision = decide(account, action, resource);

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }

  /**
   * "Use an SCP when you need to limit permissions of IAM principals within your organization's
   * member accounts" (same page): prod's SCP binds prod's deployer wherever the resource is, and
   * not dev's deployer on the same bucket.
   */
  @ParameterizedTest(name = "{0}''s deployer: s3:DeleteObject on dev-data: {1}")
  @CsvSource({"111111111111, EXPLICIT_DENY", "222222222222, ALLOWED"})
  void theScpsThatApplyAreThoseOfThePrincipalsAccount(String account, Outcome expected) {
    Decision decision = decide(account, "s3:DeleteObject", "arn:aws:s3:::dev-data/app.zip");

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }

  /** The trust policy of a role is the one of the role in the account its ARN names, not a role of the same name elsewhere. */
  @ParameterizedTest(name = "{0}''s deployer assumes {1}: {2}")
  @CsvSource({
      "111111111111, arn:aws:iam::222222222222:role/deploy, ALLOWED",
      "222222222222, arn:aws:iam::222222222222:role/deploy, IMPLICIT_DENY",
      "111111111111, arn:aws:iam::999999999999:role/deploy, IMPLICIT_DENY"})
  void aRoleOfAnotherAccountIsAssumedThroughItsOwnTrustPolicy(String account, String roleArn, Outcome expected) {
    Decision decision = decide(account, "sts:AssumeRole", roleArn);

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }

  /**
   * A principal's context names its own account ("aws:PrincipalAccount ... the account to which
   * the requesting principal belongs", IAM User Guide, AWS global condition context keys), and the
   * request names the resource's account, so that the evaluator asks for both sides.
   */
  @Test
  void theRequestNamesThePrincipalsAccountAndTheResourcesAccount() {
    Caller caller = Caller.roleSession(ACCOUNTS, ACCOUNTS.named("prod").orElseThrow(), "deployer", "test");
    Request onDev = caller.request("s3:GetObject", "arn:aws:s3:::dev-data/app.zip", CredentialKind.ASSUMED_ROLE, NOW, Map.of()).request();
    Request onProd = caller.request("s3:GetObject", "arn:aws:s3:::prod-data/app.zip", CredentialKind.ASSUMED_ROLE, NOW, Map.of()).request();

    assertThat(onDev.context().get("aws:PrincipalAccount").orElseThrow().value()).isEqualTo(PROD);
    assertThat(onDev.principal()).isEqualTo("arn:aws:sts::111111111111:assumed-role/deployer/test");
    assertThat(onDev.resourceAccount()).contains(DEV);
    assertThat(onDev.isCrossAccount()).isTrue();
    assertThat(onProd.resourceAccount()).contains(PROD);
    assertThat(onProd.isCrossAccount()).isFalse();
  }

  /** A resource of an account the sources do not load: its policy and its RCPs are not known, so only the identity side is there. */
  @Test
  void aResourceOfAnUnloadedAccountHasNoKnownPolicy() {
    Decision decision = decide(PROD, "sqs:SendMessage", "arn:aws:sqs:us-east-1:444444444444:queue");

    assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(DecisionText.explained(decision)).contains("no resource-based policy of account 444444444444 allows the request");
  }

  private static String name(String id) {
    return id.equals(PROD) ? "prod" : id.equals(DEV) ? "dev" : "management";
  }

  private static Role role(String account, String name, String service, String actions) {
    return new Role(name, "/", "arn:aws:iam::" + account + ":role/" + name,
        Optional.of(policy("trust", PolicyKind.TRUST, "Allow", "sts:AssumeRole", null,
            "\"Principal\":{\"Service\":\"" + service + ".amazonaws.com\"},")),
        Map.of(), List.of(policy(name, PolicyKind.IDENTITY, "Allow", actions, "*", "")), List.of(), Optional.empty(), AT);
  }

  private static OrganizationTree.ControlPolicy control(String name, boolean rcp, String action, String target) {
    Policy policy = rcp
        ? policy(name, PolicyKind.RESOURCE_CONTROL, "Deny", action, "*", "\"Principal\":\"*\",")
        : policy(name, PolicyKind.SERVICE_CONTROL, "Deny", action, "*", "");
    return new OrganizationTree.ControlPolicy(name, rcp, policy, List.of(new OrganizationTree.Target(target, AT)));
  }

  private static Policy policy(String name, PolicyKind kind, String effect, String actions, String resource, String principal) {
    return PolicyParser.parse("""
        {"Version":"2012-10-17","Statement":[{%s"Effect":"%s","Action":["%s"]%s}]}""".formatted(
            principal, effect, actions, resource == null ? "" : ",\"Resource\":\"" + resource + "\""), "org.tf", kind, name);
  }
}
