package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.IamUnitException;
import dev.iamunit.eval.RoleAssumption.Assumed;
import dev.iamunit.eval.RoleAssumption.Refused;
import dev.iamunit.eval.RoleAssumption.Result;
import dev.iamunit.model.Account;
import dev.iamunit.model.Organization;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Assuming a role: the one rule (identity side, trust policy, SCPs, the call's context keys) and
 * the session it yields (session name, session and transitive tags, source identity), checked
 * against the AWS STS API Reference (AssumeRole) and the IAM User Guide pages each test cites.
 */
class RoleAssumptionTests {

  private static final String ACCOUNT = "111122223333";
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
  private static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
  private static final String BOB = "arn:aws:iam::" + ACCOUNT + ":user/bob";

  private static String role(String name) {
    return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
  }

  private static Policy policy(PolicyKind kind, String name, String statements) {
    return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", name + ".json", kind, name);
  }

  private static String trusting(String sid, String principal, String actions, String condition) {
    return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":" + actions
        + (condition.isEmpty() ? "" : ",\"Condition\":" + condition) + "}";
  }

  private static Role roleWith(String name, Map<String, String> tags, String trust, String identity) {
    List<Policy> inline = identity.isEmpty() ? List.of() : List.of(policy(PolicyKind.IDENTITY, name + "-permissions", identity));
    return new Role(name, "/", role(name), Optional.of(policy(PolicyKind.TRUST, name + "-trust", trust)), tags, inline, List.of(),
        Optional.empty(), SourceLocation.UNKNOWN);
  }

  private static User user(String name, String arn, String identity) {
    List<Policy> inline = identity.isEmpty() ? List.of() : List.of(policy(PolicyKind.IDENTITY, name, identity));
    return new User(name, "/", arn, Map.of(), List.of(), inline, List.of(), Optional.empty(), SourceLocation.UNKNOWN);
  }

  private static final String ALLOW_ASSUME_ANY = "{\"Sid\":\"AssumeAnyRole\",\"Effect\":\"Allow\","
      + "\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\",\"sts:SetSourceIdentity\"],\"Resource\":\"*\"}";
  private static final String ALLOW_STS = "{\"Sid\":\"UseSts\",\"Effect\":\"Allow\",\"Action\":\"sts:*\",\"Resource\":\"*\"}";

  private static final Account ACCOUNT_MODEL = Account.builder()
      .id(ACCOUNT)
      // alice may call AssumeRole, TagSession and SetSourceIdentity on any role; bob has no policy at all.
      .user(user("alice", ALICE, ALLOW_ASSUME_ANY))
      .user(user("bob", BOB, ""))
      .role(roleWith("names-alice", Map.of(), trusting("TrustAlice", ALICE, "\"sts:AssumeRole\"", ""), ""))
      .role(roleWith("names-bob", Map.of(), trusting("TrustBob", BOB, "\"sts:AssumeRole\"", ""), ""))
      .role(roleWith("trusts-account", Map.of(), trusting("TrustTheAccount", ROOT, "\"sts:AssumeRole\"", ""), ""))
      .role(roleWith("denies-alice", Map.of(), trusting("TrustTheAccount", ROOT, "\"sts:AssumeRole\"", "") + ","
          + "{\"Sid\":\"NotAlice\",\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + ALICE + "\"},\"Action\":\"sts:AssumeRole\"}", ""))
      .role(roleWith("vendor", Map.of(), trusting("VendorWithExternalId", ROOT, "\"sts:AssumeRole\"",
          "{\"StringEquals\":{\"sts:ExternalId\":\"x-123\"}}"), ""))
      .role(roleWith("named-sessions", Map.of(), trusting("OnlySessionsNamedForAlice", ROOT, "\"sts:AssumeRole\"",
          "{\"StringEquals\":{\"sts:RoleSessionName\":\"alice\"}}"), ""))
      .role(roleWith("no-tags", Map.of("team", "platform"), trusting("TrustTheAccount", ROOT, "\"sts:AssumeRole\"", ""), ""))
      .role(roleWith("tags", Map.of("team", "platform", "Cost", "1"), trusting("TrustTheAccount", ROOT, "[\"sts:AssumeRole\",\"sts:TagSession\"]",
          ""), ALLOW_STS))
      .role(roleWith("relay", Map.of(), trusting("TrustTheAccount", ROOT, "\"sts:AssumeRole\"", ""), ALLOW_STS))
      .role(roleWith("ops-only", Map.of(), trusting("OnlyOpsSessions", ROOT, "\"sts:AssumeRole\"",
          "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"ops\"}}"), ""))
      .role(roleWith("audited", Map.of(), trusting("AliceAsHerself", ROOT, "[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"]",
          "{\"StringEquals\":{\"sts:SourceIdentity\":\"alice\"}}"), ALLOW_STS))
      .role(roleWith("audited-next", Map.of(), trusting("KnownSourceIdentities", ROOT, "[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"]",
          "{\"StringEquals\":{\"aws:SourceIdentity\":\"alice\"}}"), ""))
      .role(roleWith("no-source-identity", Map.of(), trusting("TrustTheAccount", ROOT, "\"sts:AssumeRole\"", ""), ""))
      .build();

  private static Result assume(Caller caller, String roleArn, AssumeRoleParameters parameters) {
    return RoleAssumption.of(caller.account(), roleArn, parameters).by(caller, caller.defaultCredentials(), NOW, Map.of(),
        Evaluator.standard()::explain);
  }

  private static Result assume(Caller caller, String roleArn) {
    return assume(caller, roleArn, AssumeRoleParameters.sessionName("test"));
  }

  private static Caller session(Result result) {
    assertThat(result).isInstanceOf(Assumed.class);
    return ((Assumed) result).session();
  }

  private static RoleAssumption.Check refusal(Result result) {
    assertThat(result).isInstanceOf(Refused.class);
    return ((Refused) result).check().orElseThrow();
  }

  private static final Caller ALICE_CALLER = Caller.user(ACCOUNT_MODEL, "alice");
  private static final Caller BOB_CALLER = Caller.user(ACCOUNT_MODEL, "bob");

  @Nested
  class WhoMayAssume {

    /**
     * "To allow a user to assume a role in the same account, you can do either of the following:
     * Attach a policy to the user that allows the user to call AssumeRole (as long as the role's
     * trust policy trusts the account). Add the user as a principal directly in the role's trust
     * policy" (AWS STS API Reference, AssumeRole, Permissions). "When a resource-based policy
     * grants access to a principal in the same account, no additional identity-based policy is
     * required" (ibid.).
     */
    static Stream<Arguments> sameAccount() {
      return Stream.of(
          Arguments.of("trust names the user, no identity policy", BOB_CALLER, "names-bob", Outcome.ALLOWED),
          Arguments.of("trust names the user, identity policy too", ALICE_CALLER, "names-alice", Outcome.ALLOWED),
          Arguments.of("trust names the account, identity policy allows", ALICE_CALLER, "trusts-account", Outcome.ALLOWED),
          Arguments.of("trust names the account, no identity policy", BOB_CALLER, "trusts-account", Outcome.IMPLICIT_DENY),
          Arguments.of("identity policy allows, trust names someone else", ALICE_CALLER, "names-bob", Outcome.IMPLICIT_DENY));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("sameAccount")
    void inTheSameAccountEitherTheTrustPolicyNamesTheCallerOrBothSidesAllow(
        String situation, Caller caller, String roleName, Outcome expected) {
      Result result = assume(caller, role(roleName));

      Outcome outcome = result instanceof Refused refused ? refused.check().orElseThrow().decision().outcome() : Outcome.ALLOWED;
      assertThat(outcome).isEqualTo(expected);
    }

    /**
     * Through a trust policy that trusts the account, the call needs both sides, so both decide:
     * the caller's Allow and the trust policy's, which coverage then counts as exercised.
     */
    @Test
    void aTrustPolicyThatTrustsTheAccountDecidesTogetherWithTheCallersPolicy() {
      Result result = assume(ALICE_CALLER, role("trusts-account"));

      Decision decision = ((Assumed) result).checks().get(0).decision();
      assertThat(decision.deciding()).extracting(r -> r.statement().sid().orElseThrow())
          .containsExactly("TrustTheAccount", "AssumeAnyRole");
      assertThat(decision.explanation().reasons())
          .containsExactly("allowed by an identity-based policy and the role trust policy, which allows the account");
    }

    /** A refusal by the trust policy names its statement, in the words of the one renderer. */
    @Test
    void theTrustPolicysDenyIsTheDecidingStatement() {
      RoleAssumption.Check check = refusal(assume(ALICE_CALLER, role("denies-alice")));

      assertThat(check.decision().outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
      assertThat(check.decision().deciding()).extracting(r -> r.statement().sid().orElseThrow()).containsExactly("NotAlice");
      assertThat(check.decision().deciding()).extracting(StatementResult::policyType).containsExactly(PolicyType.RESOURCE);
      assertThat(check.request().request().action()).isEqualTo("sts:AssumeRole");
    }

    /** "An explicit deny in any of these policies overrides the allow" (Policy evaluation logic): the caller's side refuses. */
    @Test
    void anIdentitySideDenyRefusesEvenARoleWhoseTrustPolicyNamesTheCaller() {
      Account account = ACCOUNT_MODEL.toBuilder()
          .user(user("carol", "arn:aws:iam::" + ACCOUNT + ":user/carol",
              "{\"Sid\":\"NeverAssume\",\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}"))
          .role(roleWith("names-carol", Map.of(), trusting("TrustCarol", "arn:aws:iam::" + ACCOUNT + ":user/carol",
              "\"sts:AssumeRole\"", ""), ""))
          .build();

      RoleAssumption.Check check = refusal(assume(Caller.user(account, "carol"), role("names-carol")));

      assertThat(check.decision().outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
      assertThat(check.decision().deciding()).extracting(r -> r.statement().sid().orElseThrow()).containsExactly("NeverAssume");
      assertThat(check.decision().deciding()).extracting(StatementResult::policyType).containsExactly(PolicyType.IDENTITY);
    }

    /**
     * The caller's SCPs bind its AssumeRole call as any other request: "An SCP restricts
     * permissions for IAM users and roles in member accounts" (AWS Organizations User Guide,
     * Service control policies).
     */
    @Test
    void theCallersServiceControlPoliciesBindTheCall() {
      Policy fullAccess = policy(PolicyKind.SERVICE_CONTROL, "FullAWSAccess", "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");
      Policy noAssume = policy(PolicyKind.SERVICE_CONTROL, "NoAssume",
          "{\"Sid\":\"NoRoleHopping\",\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}");
      Account governed = ACCOUNT_MODEL.toBuilder()
          .organization(new Organization(List.of(List.of(fullAccess, noAssume)), List.of()))
          .build();

      RoleAssumption.Check check = refusal(assume(Caller.user(governed, "bob"), role("names-bob")));

      assertThat(check.decision().deciding()).extracting(StatementResult::policyType).containsExactly(PolicyType.SERVICE_CONTROL);
    }

    /** "You cannot call AssumeRole by using AWS root account credentials" (AWS STS API Reference, AssumeRole). */
    @Test
    void theRootUserCannotAssumeARole() {
      RoleAssumption.Check check = refusal(assume(Caller.root(ACCOUNT_MODEL), role("trusts-account")));

      assertThat(check.decision().outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(check.decision().explanation().reasons()).singleElement().asString().contains("root user's credentials");
    }
  }

  @Nested
  class TheCallsContext {

    /**
     * "sts:ExternalId ... Works with string operators" and is the value the caller passes; a trust
     * policy that requires it refuses a call without it or with another value (IAM User Guide,
     * Access to AWS accounts owned by third parties; AWS STS condition keys, sts:ExternalId).
     */
    @ParameterizedTest(name = "external id {0}: {1}")
    @MethodSource("externalIds")
    void anExternalIdTheTrustPolicyRequiresMustBeGiven(String given, Outcome expected) {
      AssumeRoleParameters parameters = AssumeRoleParameters.sessionName("test");
      if (!given.isEmpty()) {
        parameters = parameters.withExternalId(given);
      }

      Result result = assume(ALICE_CALLER, role("vendor"), parameters);

      assertThat(result instanceof Assumed ? Outcome.ALLOWED : refusal(result).decision().outcome()).isEqualTo(expected);
      if (result instanceof Refused refused) {
        assertThat(refused.check().orElseThrow().request().request().context().contains("sts:ExternalId")).isEqualTo(!given.isEmpty());
      }
    }

    static Stream<Arguments> externalIds() {
      return Stream.of(Arguments.of("x-123", Outcome.ALLOWED), Arguments.of("", Outcome.IMPLICIT_DENY), Arguments.of("x-999",
          Outcome.IMPLICIT_DENY));
    }

    /** "You can use the sts:RoleSessionName condition key in a role trust policy to require that your users provide a specific session name" (Monitor and control actions taken with assumed roles). */
    @Test
    void theSessionNameIsInTheCallAndInTheSession() {
      assertThat(refusal(assume(ALICE_CALLER, role("named-sessions"), AssumeRoleParameters.sessionName("bob"))).decision().outcome())
          .isEqualTo(Outcome.IMPLICIT_DENY);

      Caller session = session(assume(ALICE_CALLER, role("named-sessions"), AssumeRoleParameters.sessionName("alice")));

      assertThat(session.arn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/named-sessions/alice");
      assertThat(session.principalArn()).isEqualTo(role("named-sessions"));
      assertThat(session.context(CredentialKind.ASSUMED_ROLE, NOW).get("aws:RoleSessionName").orElseThrow().value()).isEqualTo("alice");
    }
  }

  @Nested
  class SessionTags {

    /**
     * "In addition to the action that matches the API operation, you must have the following
     * permissions-only action in your policy: sts:TagSession"; "If your policy includes the first
     * statement without the second statement, the user can't assume the role" (IAM User Guide,
     * Passing session tags in AWS STS, Permissions required to add session tags). Alice's own
     * policy allows sts:TagSession: the trust policy must too, as it "must explicitly allow access
     * for principals" (How AWS enforcement code logic evaluates requests).
     */
    @Test
    void sessionTagsNeedTagSessionInTheTrustPolicy() {
      AssumeRoleParameters tagged = AssumeRoleParameters.sessionName("test").withTag("team", "ops");

      assertThat(session(assume(ALICE_CALLER, role("no-tags")))).isNotNull();
      RoleAssumption.Check check = refusal(assume(ALICE_CALLER, role("no-tags"), tagged));

      assertThat(check.request().request().action()).isEqualTo("sts:TagSession");
      assertThat(check.decision().outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(check.decision().explanation().reasons()).anySatisfy(reason -> assertThat(reason).contains("role trust policy"));
    }

    /**
     * The call carries "aws:RequestTag" and "aws:TagKeys" (Permissions required to add session
     * tags); the session's tags are the role's with "New session tags override existing assumed
     * role ... tags with the same tag key, regardless of case" (Things to know about session tags).
     */
    @Test
    void sessionTagsAreInTheCallAndOverrideTheRolesTagsOfTheSameKey() {
      Result result = assume(ALICE_CALLER, role("tags"), AssumeRoleParameters.sessionName("test").withTag("Team", "ops").withTag("project", "apollo"));

      RequestContext call = ((Assumed) result).checks().get(0).request().request().context();
      assertThat(call.get("aws:RequestTag/Team").orElseThrow().value()).isEqualTo("ops");
      assertThat(call.get("aws:TagKeys").orElseThrow().values()).containsExactly("Team", "project");
      assertThat(((Assumed) result).checks()).extracting(c -> c.request().request().action()).containsExactly("sts:AssumeRole", "sts:TagSession");
      RequestContext later = session(result).context(CredentialKind.ASSUMED_ROLE, NOW);
      assertThat(later.get("aws:PrincipalTag/team").orElseThrow().value()).isEqualTo("ops");
      assertThat(later.get("aws:PrincipalTag/Cost").orElseThrow().value()).isEqualTo("1");
      assertThat(later.get("aws:PrincipalTag/project").orElseThrow().value()).isEqualTo("apollo");
      assertThat(later.get("aws:PrincipalTagKeys").orElseThrow().values()).containsExactlyInAnyOrder("Cost", "project", "Team");
    }

    /**
     * "When you pass session tags while assuming a role, you can set the keys as transitive. This
     * ensures that those session tags pass to subsequent sessions in a role chain"; the role's own
     * tags and non-transitive session tags do not (IAM User Guide, Passing session tags in AWS
     * STS, Chaining roles with session tags).
     */
    @Test
    void aTransitiveTagReachesTheSecondHopAndAnOtherTagDoesNot() {
      Caller first = session(assume(ALICE_CALLER, role("tags"),
          AssumeRoleParameters.sessionName("one").withTag("team", "ops").withTag("ticket", "42").withTransitiveTagKeys("team")));
      assertThat(first.transitiveTags()).containsExactly(Map.entry("team", "ops"));

      Caller second = session(assume(first, role("relay")));

      RequestContext later = second.context(CredentialKind.ASSUMED_ROLE, NOW);
      assertThat(later.get("aws:PrincipalTag/team").orElseThrow().value()).isEqualTo("ops");
      assertThat(later.contains("aws:PrincipalTag/ticket")).isFalse();
      assertThat(later.contains("aws:PrincipalTag/Cost")).isFalse();
      assertThat(second.transitiveTags()).containsExactly(Map.entry("team", "ops"));
      // So the second session may take a third hop that only sessions tagged team=ops may take...
      assertThat(assume(second, role("ops-only"))).isInstanceOf(Assumed.class);
      // ...and without the tag set transitive, it may not.
      Caller notTransitive = session(assume(session(assume(ALICE_CALLER, role("tags"),
          AssumeRoleParameters.sessionName("one").withTag("team", "ops"))), role("relay")));
      assertThat(notTransitive.context(CredentialKind.ASSUMED_ROLE, NOW).contains("aws:PrincipalTag/team")).isFalse();
      assertThat(refusal(assume(notTransitive, role("ops-only"))).decision().outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /** "If you try to pass the Heart = 3 session tag, the operation will fail" (Chaining roles with session tags). */
    @Test
    void aTransitiveTagCannotBePassedAgainLaterInTheChain() {
      Caller first = session(assume(ALICE_CALLER, role("tags"),
          AssumeRoleParameters.sessionName("one").withTag("team", "ops").withTransitiveTagKeys("team")));

      Result again = assume(first, role("tags"), AssumeRoleParameters.sessionName("two").withTag("TEAM", "dev"));

      assertThat(again).isInstanceOfSatisfying(Refused.class, refused -> {
        assertThat(refused.check()).isEmpty();
        assertThat(refused.reason()).startsWith("the session tag \"TEAM\" was set as transitive earlier in the role chain");
      });
    }
  }

  @Nested
  class SourceIdentity {

    /**
     * "To specify a source identity, principals (IAM users and roles) must have permissions to
     * sts:SetSourceIdentity"; "When an identity sets a source identity, the sts:SourceIdentity key
     * is present in the request. For subsequent actions taken during the role session, the
     * aws:SourceIdentity key is present in the request" (IAM User Guide, Monitor and control
     * actions taken with assumed roles).
     */
    @Test
    void aSourceIdentityIsCheckedInTheCallAndPresentInTheSessionsRequests() {
      Result result = assume(ALICE_CALLER, role("audited"), AssumeRoleParameters.sessionName("s1").withSourceIdentity("alice"));

      assertThat(((Assumed) result).checks()).extracting(c -> c.request().request().action())
          .containsExactly("sts:AssumeRole", "sts:SetSourceIdentity");
      assertThat(((Assumed) result).checks().get(1).request().request().context().get("sts:SourceIdentity").orElseThrow().value())
          .isEqualTo("alice");
      BoundRequest later = session(result).request("s3:GetObject", "arn:aws:s3:::bucket/key", CredentialKind.ASSUMED_ROLE, NOW, Map.of());
      assertThat(later.request().context().get("aws:SourceIdentity").orElseThrow().value()).isEqualTo("alice");
      // Another value does not meet the trust policy's condition.
      assertThat(refusal(assume(ALICE_CALLER, role("audited"), AssumeRoleParameters.sessionName("s1").withSourceIdentity("mallory")))
          .decision().outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void settingASourceIdentityNeedsSetSourceIdentityInTheTrustPolicy() {
      RoleAssumption.Check check = refusal(assume(ALICE_CALLER, role("no-source-identity"),
          AssumeRoleParameters.sessionName("s1").withSourceIdentity("alice")));

      assertThat(check.request().request().action()).isEqualTo("sts:SetSourceIdentity");
    }

    /**
     * "When the calling principal assumes the role, the source identity in the request persists
     * from the first assumed role session. Therefore, both the aws:SourceIdentity and
     * sts:SourceIdentity keys are present in the request context"; "If the user attempts to set a
     * source identity that is different ..., the assume role request will be denied" (Monitor and
     * control actions taken with assumed roles, Role chaining and cross-account requirements).
     */
    @Test
    void aSourceIdentityPersistsThroughTheChainAndCannotChange() {
      Caller first = session(assume(ALICE_CALLER, role("audited"), AssumeRoleParameters.sessionName("s1").withSourceIdentity("alice")));

      Result second = assume(first, role("audited-next"));

      RequestContext call = ((Assumed) second).checks().get(0).request().request().context();
      assertThat(call.get("aws:SourceIdentity").orElseThrow().value()).isEqualTo("alice");
      assertThat(call.get("sts:SourceIdentity").orElseThrow().value()).isEqualTo("alice");
      assertThat(((Assumed) second).checks()).extracting(c -> c.request().request().action())
          .containsExactly("sts:AssumeRole", "sts:SetSourceIdentity");
      assertThat(session(second).sourceIdentity()).contains("alice");
      assertThat(session(second).context(CredentialKind.ASSUMED_ROLE, NOW).get("aws:SourceIdentity").orElseThrow().value())
          .isEqualTo("alice");
      assertThat(assume(first, role("audited-next"), AssumeRoleParameters.sessionName("s1").withSourceIdentity("mallory")))
          .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reason()).contains("cannot be changed"));
    }
  }

  /**
   * Across accounts: "the request must be allowed by both the identity-based policy in the trusting
   * account and the resource-based policy in the trusted account" (IAM User Guide, Cross-account
   * policy evaluation logic). In {@link CrossAccountCallerTests}' organization, dev's role deploy
   * trusts prod's deployer, whose own policy allows sts:AssumeRole.
   */
  @Nested
  class AcrossAccounts {

    private Result assumeDeploy(String from) {
      Account home = CrossAccountCallerTests.ACCOUNTS.byId(from).orElseThrow();
      Caller deployer = Caller.roleSession(CrossAccountCallerTests.ACCOUNTS, home, "deployer", "ci");
      Account dev = CrossAccountCallerTests.ACCOUNTS.owning("arn:aws:iam::222222222222:role/deploy").orElseThrow();
      return RoleAssumption.of(dev, "arn:aws:iam::222222222222:role/deploy", AssumeRoleParameters.sessionName("hop"))
          .by(deployer, CredentialKind.ASSUMED_ROLE, NOW, Map.of(), Evaluator.standard()::explain);
    }

    @Test
    void theTrustedRoleOfAnotherAccountAssumesAndItsSessionIsInTheRolesAccount() {
      Caller session = session(assumeDeploy(CrossAccountCallerTests.PROD));

      assertThat(session.arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/deploy/hop");
      assertThat(session.account().id()).isEqualTo(CrossAccountCallerTests.DEV);
      assertThat(session.accounts()).isSameAs(CrossAccountCallerTests.ACCOUNTS);
    }

    @Test
    void aRoleTheTrustPolicyDoesNotNameIsRefusedEvenInTheRolesOwnAccount() {
      assertThat(refusal(assumeDeploy(CrossAccountCallerTests.DEV)).decision().outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(refusal(assumeDeploy(CrossAccountCallerTests.MANAGEMENT)).decision().outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }
  }

  @Nested
  class Mistakes {

    @Test
    void aRoleOfAnotherAccountIsNotInTheLoadedSources() {
      assertThatThrownBy(() -> RoleAssumption.of(ACCOUNT_MODEL, "arn:aws:iam::222222222222:role/deploy", AssumeRoleParameters.sessionName("s1")))
          .isInstanceOf(IamUnitException.class)
          .hasMessage("role arn:aws:iam::222222222222:role/deploy is in account 222222222222, which is not in the loaded sources "
              + "(they deploy to account 111122223333)");
    }

    @Test
    void anUnknownRoleSuggestsTheClosest() {
      assertThatThrownBy(() -> RoleAssumption.of(ACCOUNT_MODEL, role("vendr"), AssumeRoleParameters.sessionName("s1")))
          .isInstanceOf(IamUnitException.class)
          .hasMessage("unknown role " + role("vendr") + "; did you mean " + role("vendor") + "?");
      assertThatThrownBy(() -> RoleAssumption.of(ACCOUNT_MODEL, "arn:aws:iam::" + ACCOUNT + ":user/alice", AssumeRoleParameters.sessionName("s1")))
          .isInstanceOf(IamUnitException.class).hasMessageStartingWith("\"arn:aws:iam::" + ACCOUNT + ":user/alice\" is not the ARN of an IAM role");
    }

    /** The limits of the STS API (AWS STS API Reference, AssumeRole, Request Parameters). */
    @Test
    void parametersAwsWouldRejectAreMistakes() {
      assertThatThrownBy(() -> AssumeRoleParameters.sessionName("has space")).isInstanceOf(IamUnitException.class)
          .hasMessageContaining("RoleSessionName");
      assertThatThrownBy(() -> AssumeRoleParameters.sessionName("s1").withSourceIdentity("aws:me")).isInstanceOf(IamUnitException.class)
          .hasMessageContaining("not beginning with aws:");
      assertThatThrownBy(() -> AssumeRoleParameters.sessionName("s1").withTransitiveTagKeys("team")).isInstanceOf(IamUnitException.class)
          .hasMessageContaining("only session tags can be transitive");
    }
  }
}
