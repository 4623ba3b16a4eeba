package dev.iamunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Issue 24: tests that read like the organizational question, through the Jupiter engine. */
class OrganizationExtensionTests {

  @Test
  void organizationExamplesPass() {
    EngineExecutionResults results = TestKit.run(OrganizationExamples.Passing.class);

    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(9).succeeded(9));
  }

  @Test
  void aFailureOverAccountsListsEachAccountWhereItDoesNotHold() {
    EngineExecutionResults results = TestKit.run(OrganizationExamples.Failing.class);

    assertThat(TestKit.failureMessage(results, "rootIsExpectedToStopCloudTrailInEveryWorkloadAccount(IamScenario)")).isEqualTo("""
        Expecting cloudtrail:StopLogging on * as the account's root user to be allowed in every account of Workloads, but 2 of 2 \
        were not:
          cloudtrail:StopLogging on * as the root user of account prod (long-term access keys): explicitly denied by statement \
        ProtectCloudTrail (src/test/terraform/organization/main.tf:68)
          cloudtrail:StopLogging on * as the root user of account dev (long-term access keys): explicitly denied by statement \
        ProtectCloudTrail (src/test/terraform/organization/main.tf:68)""");
  }

  /**
   * A resource the test does not name is each account's own default (a trail ARN names its
   * account): the header names the request without one, as no single account's resource is what
   * every account decided; each account's line names its own.
   */
  @Test
  void aFailureOverAccountsNamesNoOneAccountsDefaultResourceInItsHeader() {
    EngineExecutionResults results = TestKit.run(OrganizationExamples.Failing.class);

    assertThat(TestKit.failureMessage(results, "rootIsExpectedToStopEachAccountsTrail(IamScenario)")).isEqualTo("""
        Expecting cloudtrail:StopLogging as the account's root user to be allowed in every account of Workloads, but 2 of 2 were not:
          cloudtrail:StopLogging on arn:aws:cloudtrail:eu-west-1:111111111111:trail/${TrailName} as the root user of account prod \
        (long-term access keys): explicitly denied by statement ProtectCloudTrail (src/test/terraform/organization/main.tf:68)
          cloudtrail:StopLogging on arn:aws:cloudtrail:eu-west-1:222222222222:trail/${TrailName} as the root user of account dev \
        (long-term access keys): explicitly denied by statement ProtectCloudTrail (src/test/terraform/organization/main.tf:68)""");
  }

  /** An account of the unit where the principal does not exist is a line of the failure, not a crash nor a skip. */
  @Test
  void aFailureOverAccountsListsAnAccountWithoutThePrincipal() {
    EngineExecutionResults results = TestKit.run(OrganizationExamples.Failing.class);

    assertThat(TestKit.failureMessage(results, "theDeployerIsExpectedInEveryAccountOfTheOrganization(IamScenario)")).isEqualTo("""
        Expecting cloudtrail:StopLogging on * as deployer/iamunit to be allowed in every account of Root, but 3 of 3 were not:
          cloudtrail:StopLogging on * as deployer/iamunit in account prod (assumed-role session): explicitly denied by statement \
        ProtectCloudTrail (src/test/terraform/organization/main.tf:68)
          cloudtrail:StopLogging on * as deployer/iamunit in account dev (assumed-role session): explicitly denied by statement \
        ProtectCloudTrail (src/test/terraform/organization/main.tf:68)
          cloudtrail:StopLogging on * as deployer/iamunit in account sandbox: cannot be made there: account sandbox (333333333333) \
        declares no role deployer""");
  }

  @Test
  void aPrincipalNameSeveralAccountsDeclareAsksForInAccount() {
    EngineExecutionResults results = TestKit.run(OrganizationExamples.Failing.class);

    assertThat(TestKit.failureMessage(results, "aNameTwoAccountsDeclareNeedsInAccount(IamScenario)")).isEqualTo(
        "role \"deployer\" is declared in 2 accounts, prod (111111111111), dev (222222222222): name the one the test means with @InAccount");
    assertThat(TestKit.failureMessage(results, "anAccountTheSourcesDoNotLoad(IamScenario)")).isEqualTo(
        "@InAccount(\"staging\"): \"staging\" names no account of the loaded sources; they load 999999999999, prod (111111111111), "
            + "dev (222222222222), sandbox (333333333333): give one of their names, paths from the root or ids");
    assertThat(TestKit.failureMessage(results, "aUnitTheOrganizationDoesNotDeclare(IamScenario)"))
        .isEqualTo("the loaded sources declare no organizational unit \"Sandboxes\"; they declare the organizational units Root/Workloads "
            + "and the Root: give a unit's name, its path from the root or its id");
    assertThat(TestKit.failureMessage(results, "aPathWhereTheAccountIsNot(IamScenario)")).isEqualTo(
        "@InAccount(\"Workloads/sandbox\"): \"Workloads/sandbox\" names no account of the loaded sources; they load 999999999999, "
            + "prod (111111111111), dev (222222222222), sandbox (333333333333): give one of their names, paths from the root or ids");
  }
}
