package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import dev.iamunit.eval.AssumeRoleParameters;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Example tests of {@link IamScenario#assume}; {@link RoleAssumptionExtensionTests} runs them. */
final class RoleChainExamples {

  static final String ACCOUNT = "src/test/iam/role-chain-account";
  static final String DEPLOY = "arn:aws:iam::123456789012:role/deploy";
  static final String OPS = "arn:aws:iam::123456789012:role/ops";
  static final String AUDIT = "arn:aws:iam::123456789012:role/audit";
  static final String VENDOR = "arn:aws:iam::123456789012:role/vendor";
  static final String LOCKED = "arn:aws:iam::123456789012:role/locked";
  static final String LOGS = "arn:aws:s3:::logs/2026/12/07.gz";

  private RoleChainExamples() {}

  @Examples
  @IamTest(terraform = ACCOUNT)
  @AsUser("developer")
  static class Passing {

    @Test
    void theScenarioActsAsTheRoleSession(IamScenario scenario) {
      IamScenario deploy = scenario.assume(DEPLOY);

      org.assertj.core.api.Assertions.assertThat(deploy.principal()).contains(IamPrincipal.role("deploy", "iamunit"));
      assertThat(deploy.request("s3:GetObject").on("arn:aws:s3:::artifacts/app.zip")).isAllowed().by("ReadArtifacts");
      // The scenario it came from is unchanged: the developer may not read the artifacts.
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::artifacts/app.zip")).isImplicitlyDenied();
    }

    @Test
    void aTransitiveTagReachesTheSecondHop(IamScenario scenario) {
      IamScenario ops = scenario
          .assume(DEPLOY, AssumeRoleParameters.sessionName("ci").withTag("team", "ops").withTransitiveTagKeys("team"))
          .assume(OPS);

      assertThat(ops.request("s3:GetObject").on(LOGS)).isAllowed().by("OpsReadLogs");
    }

    @Test
    void aSessionTagThatIsNotTransitiveDoesNot(IamScenario scenario) {
      IamScenario ops = scenario.assume(DEPLOY, AssumeRoleParameters.sessionName("ci").withTag("team", "ops")).assume(OPS);

      assertThat(ops.request("s3:GetObject").on(LOGS)).isImplicitlyDenied();
    }

    @Test
    void theSourceIdentityIsInTheFinalRequest(IamScenario scenario) {
      IamScenario audit = scenario.assume(DEPLOY, AssumeRoleParameters.sessionName("ci").withSourceIdentity("developer")).assume(AUDIT);

      var request = audit.request("s3:GetObject").on(LOGS);
      org.assertj.core.api.Assertions.assertThat(request.evaluations().get(0).request().context().get("aws:SourceIdentity"))
          .map(entry -> entry.value()).isEqualTo(Optional.of("developer"));
      assertThat(request).isAllowed().by("PeopleReadLogs");
      // Without a source identity the chain reaches the role, but not the logs.
      assertThat(scenario.assume(DEPLOY).assume(AUDIT).request("s3:GetObject").on(LOGS)).isImplicitlyDenied();
    }

    @Test
    void anExternalIdTheTrustPolicyRequiresIsGiven(IamScenario scenario) {
      IamScenario vendor = scenario.assume(VENDOR, AssumeRoleParameters.sessionName("acme").withExternalId("x-123"));

      org.assertj.core.api.Assertions.assertThat(vendor.principal()).contains(IamPrincipal.role("vendor", "acme"));
    }
  }

  @Examples
  @IamTest(terraform = ACCOUNT)
  @AsUser("developer")
  static class Refused {

    @Test
    void theTrustPolicyRefuses(IamScenario scenario) {
      scenario.assume(LOCKED);
    }

    @Test
    @AsUser("intern")
    void theIdentitySideRefuses(IamScenario scenario) {
      scenario.assume(DEPLOY);
    }

    @Test
    void theExternalIdIsMissing(IamScenario scenario) {
      scenario.assume(VENDOR);
    }

    @Test
    void sessionTagsWithoutTagSession(IamScenario scenario) {
      scenario.assume(VENDOR, AssumeRoleParameters.sessionName("acme").withExternalId("x-123").withTag("team", "ops"));
    }

    @Test
    void theSecondHopIsRefused(IamScenario scenario) {
      scenario.assume(DEPLOY).assume(VENDOR);
    }

    @Test
    void aTransitiveTagPassedAgain(IamScenario scenario) {
      scenario.assume(DEPLOY, AssumeRoleParameters.sessionName("ci").withTag("team", "ops").withTransitiveTagKeys("team"))
          .assume(DEPLOY, AssumeRoleParameters.sessionName("again").withTag("team", "dev"));
    }

    @Test
    void aRoleOfAnotherAccount(IamScenario scenario) {
      scenario.assume("arn:aws:iam::222222222222:role/deploy");
    }
  }

  @Examples
  @IamTest(terraform = ACCOUNT)
  static class WithoutPrincipal {

    @Test
    void noPrincipal(IamScenario scenario) {
      scenario.assume(DEPLOY);
    }
  }
}
