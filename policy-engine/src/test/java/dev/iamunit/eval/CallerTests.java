package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A caller makes a request and the policies that apply to it in one call, so that the two always
 * agree on the principal and the resource; it fills the principal's part of the context, tags
 * included, the same way for every consumer (the JUnit extension, the access diff).
 */
class CallerTests {

  private static final String ACCOUNT = "111122223333";
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final String BUCKET = "arn:aws:s3:::logs";
  private static final String DEPLOYER = "arn:aws:iam::" + ACCOUNT + ":role/Deployer";
  private static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
  private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  private static final String TEAM_POLICY = "arn:aws:iam::" + ACCOUNT + ":policy/Team";

  private static Policy policy(PolicyKind kind, String name, String statements) {
    return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", name + ".json", kind, name);
  }

  private static final Policy ALICE_INLINE = policy(PolicyKind.IDENTITY, "alice",
      "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"sts:AssumeRole\"],\"Resource\":\"*\"}");
  private static final Policy TEAM = policy(PolicyKind.IDENTITY, "team", "{\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}");
  private static final Policy AWS_READ_ONLY = policy(PolicyKind.IDENTITY, "ReadOnlyAccess",
      "{\"Effect\":\"Allow\",\"Action\":\"s3:List*\",\"Resource\":\"*\"}");
  private static final Policy BUCKET_POLICY = policy(PolicyKind.RESOURCE, "bucket",
      "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"" + BUCKET + "/*\"}");
  private static final Policy TRUST = policy(PolicyKind.TRUST, "trust",
      "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ALICE + "\"},\"Action\":\"sts:AssumeRole\"}");

  private static final Account ACCOUNT_MODEL = Account.builder()
      .id(ACCOUNT)
      .managedPolicy(new ManagedPolicy(TEAM_POLICY, "Team", "/", TEAM, false))
      .managedPolicy(new ManagedPolicy(READ_ONLY, "ReadOnlyAccess", "/", AWS_READ_ONLY, true))
      .group(new Group("devs", "/", "arn:aws:iam::" + ACCOUNT + ":group/devs", List.of(), List.of(TEAM_POLICY, READ_ONLY),
          SourceLocation.UNKNOWN))
      .user(new User("alice", "/", ALICE, Map.of("team", "ops", "Project", "apollo"), List.of("devs"), List.of(ALICE_INLINE),
          List.of(), Optional.empty(), SourceLocation.UNKNOWN))
      .role(new Role("Deployer", "/", DEPLOYER, Optional.of(TRUST), Map.of("team", "ops", "Project", "apollo"), List.of(),
          List.of(), Optional.empty(), SourceLocation.UNKNOWN))
      .resourcePolicy(BUCKET, BUCKET_POLICY)
      .build();

  static Stream<Arguments> resources() {
    return Stream.of(
        Arguments.of("a bucket", "s3:GetObject", BUCKET, Optional.of(BUCKET_POLICY)),
        // "a bucket policy ... to grant access permissions to your bucket and the objects in it"
        // (Amazon S3 User Guide, Bucket policies for Amazon S3).
        Arguments.of("an object of the bucket", "s3:GetObject", BUCKET + "/2026/01.gz", Optional.of(BUCKET_POLICY)),
        // "a role trust policy ... is a resource-based policy" (IAM User Guide, Roles terms and concepts).
        Arguments.of("a role", "sts:AssumeRole", DEPLOYER, Optional.of(TRUST)),
        // The STS actions on the role read its trust policy, IAM's own do not: "Trust policy - A
        // JSON policy document in which you define the principals that you trust to assume the
        // role" (IAM User Guide, Roles terms and concepts); ResourcePolicyOwner.readsTrustPolicy.
        Arguments.of("a role, tagging the session", "sts:TagSession", DEPLOYER, Optional.of(TRUST)),
        Arguments.of("a role, read through IAM", "iam:GetRole", DEPLOYER, Optional.empty()),
        Arguments.of("a role, passed to a service", "iam:PassRole", DEPLOYER, Optional.empty()),
        // A role of the same name in an account the sources do not hold: its trust policy is unknown, not this one.
        Arguments.of("a role of another account", "sts:AssumeRole", "arn:aws:iam::444455556666:role/Deployer", Optional.empty()),
        Arguments.of("a bucket without a policy", "s3:GetObject", "arn:aws:s3:::other", Optional.empty()),
        Arguments.of("an action without a resource type", "ec2:DescribeInstances", "*", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resources")
  void theRequestAndItsPoliciesComeFromOneCallAndAgreeOnPrincipalAndResource(
      String what, String action, String resource, Optional<Policy> resourcePolicy) {
    Caller alice = Caller.user(ACCOUNT_MODEL, "alice");

    BoundRequest bound = alice.request(action, resource, CredentialKind.ACCESS_KEYS, NOW, Map.of());

    assertThat(bound.request().principal()).isEqualTo(ALICE).isEqualTo(alice.arn());
    assertThat(bound.request().resource()).isEqualTo(resource);
    assertThat(bound.request().action()).isEqualTo(action);
    List<Policy> expected = new ArrayList<>();
    resourcePolicy.ifPresent(expected::add);
    expected.addAll(alice.policies().policies());
    assertThat(bound.policies().policies()).containsExactlyElementsOf(expected);
  }

  /** Alice may assume Deployer only with the role's trust policy, which the one call brings along. */
  @Test
  void assumingARoleIsDecidedWithTheRolesTrustPolicy() {
    Caller alice = Caller.user(ACCOUNT_MODEL, "alice");
    BoundRequest assume = alice.request("sts:AssumeRole", DEPLOYER, CredentialKind.ACCESS_KEYS, NOW, Map.of());

    Decision decision = Evaluator.standard().explain(assume);

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.deciding()).extracting(StatementResult::policyType).contains(PolicyType.RESOURCE);
    assertThat(Evaluator.standard().decide(assume).outcome()).isEqualTo(Outcome.ALLOWED);
    // Paired by hand with the caller's own policies, the same request misses the trust policy,
    // which "must explicitly allow access for principals" (How AWS enforcement code logic
    // evaluates requests): the mistake one call rules out.
    assertThat(Evaluator.standard().decide(assume.request(), alice.policies()).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  /**
   * A trust policy decides who may assume the role, not who may read or change it: "The IAM
   * service supports only one type of resource-based policy called a role trust policy ... Trust
   * policies define which principal entities ... can assume the role" (IAM User Guide,
   * Identity-based policies and resource-based policies). Even a trust policy whose Allow names
   * every action (IAM refuses to store it: "AssumeRole policy may only specify STS AssumeRole
   * actions") grants Alice no iam:GetRole, while a trust policy's Deny of sts:AssumeRole still
   * refuses her the role her identity-based policy lets her assume.
   */
  @Test
  void aTrustPolicyDecidesAssumingTheRoleAndNothingElse() {
    String open = "arn:aws:iam::" + ACCOUNT + ":role/Open";
    String closed = "arn:aws:iam::" + ACCOUNT + ":role/Closed";
    Policy openTrust = policy(PolicyKind.TRUST, "open", "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ALICE + "\"},\"Action\":\"*\"}");
    Policy closedTrust = policy(PolicyKind.TRUST, "closed", "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ALICE + "\"},"
        + "\"Action\":\"sts:AssumeRole\"},{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}");
    Account account = ACCOUNT_MODEL.toBuilder()
        .role(new Role("Open", "/", open, Optional.of(openTrust), Map.of(), List.of(), List.of(), Optional.empty(), SourceLocation.UNKNOWN))
        .role(new Role("Closed", "/", closed, Optional.of(closedTrust), Map.of(), List.of(), List.of(), Optional.empty(),
            SourceLocation.UNKNOWN))
        .build();
    Caller alice = Caller.user(account, "alice");

    assertThat(decide(alice, "iam:GetRole", open)).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(decide(alice, "iam:UpdateAssumeRolePolicy", open)).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(decide(alice, "sts:AssumeRole", open)).isEqualTo(Outcome.ALLOWED);
    assertThat(decide(alice, "sts:AssumeRole", closed)).isEqualTo(Outcome.EXPLICIT_DENY);
  }

  private static Outcome decide(Caller caller, String action, String resource) {
    return Evaluator.standard().decide(caller.request(action, resource, CredentialKind.ACCESS_KEYS, NOW, Map.of())).outcome();
  }

  @Test
  void aResourcesPolicySetIsCompiledOncePerCaller() {
    Caller alice = Caller.user(ACCOUNT_MODEL, "alice");

    PolicySet first = alice.request("s3:GetObject", BUCKET + "/a", CredentialKind.ACCESS_KEYS, NOW, Map.of()).policies();
    PolicySet again = alice.request("s3:PutObject", BUCKET + "/a", CredentialKind.CONSOLE_WITH_MFA, NOW, Map.of()).policies();
    PolicySet none = alice.request("s3:GetObject", "arn:aws:s3:::other/a", CredentialKind.ACCESS_KEYS, NOW, Map.of()).policies();

    assertThat(again).isSameAs(first);
    assertThat(none).isSameAs(alice.policies());
  }

  static Stream<Arguments> taggedPrincipals() {
    return Stream.of(
        Arguments.of("user", Caller.user(ACCOUNT_MODEL, "alice")),
        Arguments.of("role session", Caller.roleSession(ACCOUNT_MODEL, "Deployer", "ci")));
  }

  /**
   * "This key is included in the request context if the principal is using an IAM user with
   * attached tags. It is included for a principal using an IAM role with attached tags or session
   * tags" (IAM User Guide, AWS global condition context keys, aws:PrincipalTag/tag-key and
   * aws:PrincipalTagKeys); aws:PrincipalTagKeys is multivalued ("Value type – Multivalued").
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("taggedPrincipals")
  void aTaggedUserOrRoleHasItsTagsAndTheirKeysInTheContext(String kind, Caller caller) {
    RequestContext context = caller.request("s3:GetObject", "*", caller.defaultCredentials(), NOW, Map.of()).request().context();

    assertThat(context.get("aws:PrincipalTag/team")).map(RequestContext.Entry::values).contains(List.of("ops"));
    assertThat(context.get("aws:PrincipalTag/Project")).map(RequestContext.Entry::values).contains(List.of("apollo"));
    assertThat(context.get("aws:PrincipalTagKeys")).hasValueSatisfying(keys -> {
      assertThat(keys.multivalued()).isTrue();
      assertThat(keys.values()).containsExactly("Project", "team");
    });
  }

  /**
   * Tags given for a test join the principal's own; one with the key of an own tag, in any case,
   * replaces it: "session tags override a role tag with the same key", and "Department and
   * department are not saved as separate tags" (STS API Reference, AssumeRole, Tags).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("taggedPrincipals")
  void moreTagsJoinTheKeysAndReplaceATagOfTheSameKey(String kind, Caller caller) {
    Caller tagged = caller.withPrincipalTags(Map.of("Team", "dev", "cost-center", "42"));

    RequestContext context = tagged.context(CredentialKind.ACCESS_KEYS, NOW);
    assertThat(context.get("aws:PrincipalTag/team")).map(RequestContext.Entry::values).contains(List.of("dev"));
    assertThat(context.get("aws:PrincipalTag/cost-center")).map(RequestContext.Entry::values).contains(List.of("42"));
    assertThat(context.get("aws:PrincipalTagKeys")).map(RequestContext.Entry::values)
        .contains(List.of("cost-center", "Project", "Team"));
    assertThat(caller.context(CredentialKind.ACCESS_KEYS, NOW).get("aws:PrincipalTag/team"))
        .map(RequestContext.Entry::values).as("the caller itself").contains(List.of("ops"));
    assertThat(tagged.policies()).isSameAs(caller.policies());
  }

  @Test
  void aPrincipalWithoutTagsHasNoTagKeysUntilATestGivesItOne() {
    Caller root = Caller.root(ACCOUNT_MODEL);

    assertThat(root.context(CredentialKind.ACCESS_KEYS, NOW).contains("aws:PrincipalTagKeys")).isFalse();
    assertThat(root.withPrincipalTags(Map.of("team", "ops")).context(CredentialKind.ACCESS_KEYS, NOW).get("aws:PrincipalTagKeys"))
        .hasValueSatisfying(keys -> assertThat(keys.multivalued()).isTrue())
        .map(RequestContext.Entry::values).contains(List.of("team"));
  }

  @Test
  void aUsersPoliciesAreItsOwnItsGroupsAndItsBoundaryAndTheRepositoryWroteAllButTheAwsManagedOnes() {
    User alice = ACCOUNT_MODEL.user("alice").orElseThrow();

    PrincipalPolicies policies = PrincipalPolicies.of(ACCOUNT_MODEL, alice);

    assertThat(policies.policies()).extracting(PrincipalPolicies.Held::document).containsExactly(ALICE_INLINE, TEAM, AWS_READ_ONLY);
    assertThat(policies.customerWritten()).containsExactly(ALICE_INLINE, TEAM);
    assertThat(policies.missing()).isEmpty();
    assertThat(Caller.user(ACCOUNT_MODEL, "alice").policies().policies()).containsExactly(ALICE_INLINE, TEAM, AWS_READ_ONLY);
  }

  @Test
  void aReferenceTheTemplatesDoNotDeclareIsKeptWithItsPlaceAndFailsTheCaller() {
    SourceLocation declared = SourceLocation.of("iam.tf", 12, 1);
    Account account = ACCOUNT_MODEL.toBuilder()
        .user(new User("bob", "/", "arn:aws:iam::" + ACCOUNT + ":user/bob", Map.of(), List.of("admins"), List.of(),
            List.of(), Optional.of("arn:aws:iam::" + ACCOUNT + ":policy/Boundary"), declared))
        .build();

    PrincipalPolicies policies = PrincipalPolicies.of(account, account.user("bob").orElseThrow());

    assertThat(policies.missing()).extracting(PrincipalPolicies.Missing::message).containsExactly(
        "user bob is a member of group \"admins\", which the loaded templates do not declare; add the group to the sources of the test",
        "the permissions boundary of user bob has managed policy arn:aws:iam::" + ACCOUNT + ":policy/Boundary attached, which is "
            + "neither declared in the loaded templates nor an AWS managed policy IAMUnit knows; add the template that declares it "
            + "to the test's sources");
    assertThat(policies.missing()).extracting(PrincipalPolicies.Missing::location).containsOnly(declared);
    assertThatThrownBy(() -> Caller.user(account, "bob"))
        .isInstanceOf(IamUnitException.class)
        .hasMessage("iam.tf:12:1: " + policies.missing().get(0).message());
  }

  /**
   * "aws:ViaAWSService ... Availability – This key is always included in the request context for
   * most services", and "The following services do not currently support aws:ViaAWSService:
   * Amazon EC2, AWS Glue, AWS Lake Formation, AWS OpsWorks" (IAM User Guide, AWS global condition
   * context keys): the caller sets it, and a request can leave it out, even where the extra context
   * gives it, so that a Null condition on it can be asked (the services that leave it out:
   * KeyAvailabilityTests).
   */
  @Test
  void aRequestLeavesOutTheKeysItIsToldAreAbsent() {
    Caller alice = Caller.user(ACCOUNT_MODEL, "alice");

    RequestContext usual = alice.request("s3:ListAllMyBuckets", "*", CredentialKind.ACCESS_KEYS, NOW, Map.of()).request().context();
    RequestContext without = alice.request("s3:ListAllMyBuckets", "*", CredentialKind.ACCESS_KEYS, NOW,
        Map.of("aws:ViaAWSService", List.of("true"), "aws:SourceIp", List.of("10.0.0.1")), java.util.Set.of("aws:viaawsservice"))
        .request().context();

    assertThat(usual.get("aws:ViaAWSService")).map(RequestContext.Entry::value).contains("false");
    assertThat(without.contains("aws:ViaAWSService")).isFalse();
    assertThat(without.get("aws:SourceIp")).map(RequestContext.Entry::value).contains("10.0.0.1");
    assertThat(without.get("aws:PrincipalArn")).isEqualTo(usual.get("aws:PrincipalArn"));
  }

  /**
   * "arn:aws:iam::aws:policy/IAMReadOnlyAccess is an AWS managed policy", and "a single AWS managed
   * policy can be attached to principal entities in different AWS accounts" (IAM User Guide,
   * Managed policies and inline policies, AWS managed policies): reading one is decided by the
   * reader's own policies, not as a request on another account's resource, which needs a grant of
   * that account; a policy of another account still does. "You cannot change the permissions
   * defined in AWS managed policies" (the same section).
   */
  @ParameterizedTest(name = "{0} on {1}: {2}")
  @org.junit.jupiter.params.provider.CsvSource({
      "iam:GetPolicyVersion, arn:aws:iam::aws:policy/ReadOnlyAccess, ALLOWED",
      "iam:GetPolicy, arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole, ALLOWED",
      "iam:GetPolicyVersion, arn:aws:iam::111122223333:policy/Team, ALLOWED",
      "iam:GetPolicyVersion, arn:aws:iam::444455556666:policy/Team, IMPLICIT_DENY",
      "iam:CreatePolicyVersion, arn:aws:iam::aws:policy/ReadOnlyAccess, IMPLICIT_DENY"})
  void anAwsManagedPolicyIsDecidedByTheCallersOwnPolicies(String action, String resource, Outcome expected) {
    Account account = Account.builder()
        .id(ACCOUNT)
        .user(new User("reader", "/", "arn:aws:iam::" + ACCOUNT + ":user/reader", Map.of(), List.of(),
            List.of(policy(PolicyKind.IDENTITY, "reader", "{\"Effect\":\"Allow\",\"Action\":\"iam:*Policy*\",\"Resource\":\"*\"}")),
            List.of(), Optional.empty(), SourceLocation.UNKNOWN))
        .build();

    BoundRequest bound = Caller.user(account, "reader").request(action, resource, CredentialKind.ACCESS_KEYS, NOW, Map.of());

    assertThat(Evaluator.standard().explain(bound).outcome()).as("%s", Evaluator.standard().explain(bound)).isEqualTo(expected);
  }

  /**
   * {@code sts:SetContext} on a role is a trust action: the role's trust policy must allow it, as
   * it must {@code sts:AssumeRole}. AWS's setups for trusted identity propagation write it in the
   * trust policy beside {@code sts:AssumeRole}: "Trust policy must allow the AWS Assurance service
   * principal to sts:AssumeRole and sts:SetContext" (AWS Assurance API Reference,
   * IdentityStoreConfig, identityCenterRole), and the IAM User Guide's trust policy for Account
   * Access Manager roles lists {@code "Action": ["sts:AssumeRole", "sts:SetContext"]} (Prepare IAM
   * roles). The Service Authorization Reference gives the action the resource types {@code role}
   * and {@code self-session}; on the caller's own session ({@code arn:aws:sts::ACCOUNT:self}) there
   * is no trust policy: "you must use an identity-based policy to grant the IAM principal the
   * sts:SetContext permission for the resource that represents their own console session" (IAM
   * User Guide, Granting permissions to use identity-enhanced console sessions).
   */
  @ParameterizedTest(name = "{0} on {1}: {2}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      sts:SetContext | role/Propagating  | ALLOWED
      sts:SetContext | role/AssumeOnly   | IMPLICIT_DENY
      sts:AssumeRole | role/AssumeOnly   | ALLOWED
      sts:SetContext | self              | ALLOWED
      """)
  void theTrustPolicyMustAllowSetContextOnTheRoleAndNotOnTheCallersOwnSession(String action, String resource, Outcome expected) {
    String bob = "arn:aws:iam::" + ACCOUNT + ":user/bob";
    Policy identity = policy(PolicyKind.IDENTITY, "bob", "{\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRole\",\"sts:SetContext\"],\"Resource\":\"*\"}");
    Policy propagating = policy(PolicyKind.TRUST, "propagating", "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + bob + "\"},"
        + "\"Action\":[\"sts:AssumeRole\",\"sts:SetContext\"]}");
    Policy assumeOnly = policy(PolicyKind.TRUST, "assume-only", "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + bob + "\"},"
        + "\"Action\":\"sts:AssumeRole\"}");
    Account account = Account.builder().id(ACCOUNT)
        .user(new User("bob", "/", bob, Map.of(), List.of(), List.of(identity), List.of(), Optional.empty(), SourceLocation.UNKNOWN))
        .role(new Role("Propagating", "/", "arn:aws:iam::" + ACCOUNT + ":role/Propagating", Optional.of(propagating), Map.of(), List.of(),
            List.of(), Optional.empty(), SourceLocation.UNKNOWN))
        .role(new Role("AssumeOnly", "/", "arn:aws:iam::" + ACCOUNT + ":role/AssumeOnly", Optional.of(assumeOnly), Map.of(), List.of(),
            List.of(), Optional.empty(), SourceLocation.UNKNOWN))
        .build();
    String arn = resource.equals("self") ? "arn:aws:sts::" + ACCOUNT + ":self" : "arn:aws:iam::" + ACCOUNT + ":" + resource;

    Decision decision = Evaluator.standard().explain(Caller.user(account, "bob").request(action, arn, CredentialKind.ACCESS_KEYS, NOW, Map.of()));

    assertThat(decision.outcome()).as("%s", decision.explanation()).isEqualTo(expected);
  }

  /** The trust actions are the catalog's STS actions on a role, read once for the evaluator, the request space and the diff. */
  @Test
  void theTrustActionsAreTheCatalogsStsActionsOnARole() {
    assertThat(ResourcePolicyOwner.trustActions()).containsExactly("sts:AssumeRole", "sts:AssumeRoleWithSAML",
        "sts:AssumeRoleWithWebIdentity", "sts:SetContext", "sts:SetSourceIdentity", "sts:TagSession");
  }
}
