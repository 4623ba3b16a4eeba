package dev.iamunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.coverage.CoverageAnalysis;
import dev.iamunit.coverage.StatementCoverage;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@link IamScenario#assume}, run through the Jupiter engine on {@link RoleChainExamples}: a chain
 * the policies allow acts as its last session; a refusal fails the test with the statement or rule
 * that refused it, in the words of the one renderer, naming the hop.
 */
class RoleAssumptionExtensionTests {

  @Test
  void allowedChainsActAsTheirLastSession() {
    EngineExecutionResults results = TestKit.run(RoleChainExamples.Passing.class);

    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(5));
  }

  /** Each hop's decisions are recorded like any request's, so a trust policy's statements count as covered. */
  @Test
  void theHopsDecisionsCoverTheTrustPolicies(@TempDir Path directory) {
    TestKit.run(RoleChainExamples.Passing.class, Map.of("iamunit.coverage.directory", directory.toString()));

    CoverageAnalysis analysis = CoverageAnalysis.read(directory);
    assertThat(analysis.statementsWithSid("VendorWithExternalId")).singleElement().extracting(StatementCoverage::covered).isEqualTo(true);
    assertThat(analysis.statementsWithSid("AssumeRolesWithTagsAndSourceIdentity")).singleElement()
        .extracting(StatementCoverage::covered).isEqualTo(true);
    // No passing example tries the locked role.
    assertThat(analysis.statementsWithSid("NoDevelopers")).singleElement().extracting(StatementCoverage::covered).isEqualTo(false);
  }

  @Test
  void aRefusalNamesTheStatementTheHopAndTheRequest() {
    Map<String, Throwable> failures = TestKit.failures(TestKit.run(RoleChainExamples.Refused.class));
    SoftAssertions softly = new SoftAssertions();

    assertThat(failures).hasSize(7);
    assertThat(failures.values()).allSatisfy(failure -> assertThat(failure.getStackTrace()).isEmpty());
    // The trust policy's Deny, by Sid and file:line, then the explanation, as assertion messages say it.
    assertThat(failures.get("theTrustPolicyRefuses(IamScenario)")).hasMessage("""
        scenario.assume("arn:aws:iam::123456789012:role/locked"), hop 1 of the role chain developer → locked: user developer \
        cannot assume role locked, so the scenario cannot happen; sts:AssumeRole on arn:aws:iam::123456789012:role/locked as \
        developer (long-term access keys) was explicitly denied by statement NoDevelopers (src/test/iam/role-chain-account/main.tf:151)
        Explanation:
          Deciding statements:
            Deny NoDevelopers (aws_iam_role.locked.assume_role_policy, src/test/iam/role-chain-account/main.tf:151) in the \
        resource-based policy
          Also applied:
            Allow TrustTheAccount (aws_iam_role.locked.assume_role_policy, src/test/iam/role-chain-account/main.tf:145) in the \
        resource-based policy
            Allow AssumeRolesWithTagsAndSourceIdentity (assume-roles, src/test/iam/role-chain-account/main.tf:19) in the \
        identity-based policy
          Evaluation: an explicit Deny applies, which overrides any Allow""");
    softly.assertThat(failures.get("theIdentitySideRefuses(IamScenario)").getMessage()).startsWith("""
        scenario.assume("arn:aws:iam::123456789012:role/deploy"), hop 1 of the role chain intern → deploy: user intern cannot \
        assume role deploy, so the scenario cannot happen; sts:AssumeRole on arn:aws:iam::123456789012:role/deploy as intern \
        (long-term access keys) was implicitly denied: the resource-based policy grants to the account, but no identity-based \
        policy allows the request""");
    softly.assertThat(failures.get("theExternalIdIsMissing(IamScenario)")).hasMessage("""
        scenario.assume("arn:aws:iam::123456789012:role/vendor"), hop 1 of the role chain developer → vendor: user developer \
        cannot assume role vendor, so the scenario cannot happen; sts:AssumeRole on arn:aws:iam::123456789012:role/vendor as \
        developer (long-term access keys) was implicitly denied: the role trust policy does not allow the principal, and it must
        Explanation:
          Also applied:
            Allow AssumeRolesWithTagsAndSourceIdentity (assume-roles, src/test/iam/role-chain-account/main.tf:19) in the \
        identity-based policy
          Near misses:
            Allow VendorWithExternalId (aws_iam_role.vendor.assume_role_policy, src/test/iam/role-chain-account/main.tf:130) in \
        the resource-based policy: a condition was not met
              StringEquals sts:ExternalId "x-123" (request: absent) → not met
          Evaluation: the role trust policy does not allow the principal, and it must
          Request context: sts:ExternalId absent""");
    softly.assertThat(failures.get("sessionTagsWithoutTagSession(IamScenario)").getMessage())
        .contains("sts:TagSession on arn:aws:iam::123456789012:role/vendor as developer (long-term access keys) was implicitly denied")
        .contains("the role trust policy does not allow the principal, and it must");
    softly.assertThat(failures.get("theSecondHopIsRefused(IamScenario)").getMessage()).startsWith("""
        scenario.assume("arn:aws:iam::123456789012:role/vendor"), hop 2 of the role chain developer → deploy/iamunit → vendor: \
        role session deploy/iamunit cannot assume role vendor, so the scenario cannot happen; sts:AssumeRole on \
        arn:aws:iam::123456789012:role/vendor as deploy/iamunit (assumed-role session) was implicitly denied""");
    softly.assertThat(failures.get("aTransitiveTagPassedAgain(IamScenario)").getMessage()).isEqualTo("""
        scenario.assume("arn:aws:iam::123456789012:role/deploy"), hop 2 of the role chain developer → deploy/ci → deploy: \
        role session deploy/ci cannot assume role deploy, so the scenario cannot happen: the session tag "team" was set as \
        transitive earlier in the role chain, and a session may not pass it again: "If you try to pass the Heart = 3 session \
        tag, the operation will fail" (IAM User Guide, Passing session tags in AWS STS, Chaining roles with session tags)""");
    softly.assertThat(failures.get("aRoleOfAnotherAccount(IamScenario)").getMessage()).isEqualTo("""
        scenario.assume("arn:aws:iam::222222222222:role/deploy"), hop 1 of the role chain developer → deploy: role \
        arn:aws:iam::222222222222:role/deploy is in account 222222222222, which is not in the loaded sources (they deploy to \
        account 123456789012)""");
    softly.assertAll();
  }

  @Test
  void aScenarioWithoutPrincipalCannotAssume() {
    String message = TestKit.failureMessage(TestKit.run(RoleChainExamples.WithoutPrincipal.class), "noPrincipal(IamScenario)");

    assertThat(message).isEqualTo("scenario.assume(\"arn:aws:iam::123456789012:role/deploy\") has no principal to assume the "
        + "role: annotate the test or its class with @AsUser or @AsRole, or call .as(IamPrincipal.user(\"name\")) first");
  }
}
