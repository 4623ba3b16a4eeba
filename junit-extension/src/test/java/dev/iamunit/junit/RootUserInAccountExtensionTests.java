package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Issue 24: {@code @AsRootUser} with {@code @InAccount} is the root user of that member account,
 * bound by the SCPs of that account's own path: "SCPs affect all users and roles in attached
 * accounts, including the root user" and "SCPs don't affect users or roles in the management
 * account" (AWS Organizations User Guide, Service control policies (SCPs)). On
 * {@code src/test/terraform/organization}: ProtectCloudTrail at the root, RegionLock on Workloads
 * (prod 111111111111, dev 222222222222), sandbox (333333333333) under the root only.
 */
class RootUserInAccountExtensionTests {

  @Test
  void theRootUserOfTheNamedAccountIsBoundByItsPathOnly() {
    EngineExecutionResults results = TestKit.run(RootUsers.Passing.class);

    org.assertj.core.api.Assertions.assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
  }

  @Test
  void aFailureNamesTheRootUserOfTheAccountAndTheScpThatDenied() {
    EngineExecutionResults results = TestKit.run(RootUsers.Failing.class);

    org.assertj.core.api.Assertions.assertThat(TestKit.failureMessage(results, "prodsRootIsExpectedToStopCloudTrail(IamScenario)"))
        .contains("as the root user of account prod", "explicitly denied by statement ProtectCloudTrail "
            + "(src/test/terraform/organization/main.tf:68)");
  }

  static final class RootUsers {

    private RootUsers() {}

    @Examples
    @IamTest(terraform = OrganizationExamples.SOURCES, accountId = "999999999999", region = "eu-west-1")
    @AsRootUser
    static class Passing {

      @Test
      @InAccount("prod")
      void prodsRootUserCannotStopCloudTrailNorLeaveEuWest1(IamScenario scenario) {
        assertThat(scenario.request("cloudtrail:StopLogging")).isExplicitlyDenied().by("ProtectCloudTrail");
        assertThat(scenario.request("ec2:RunInstances").withContext("aws:RequestedRegion", "us-east-1"))
            .isExplicitlyDenied().by("RegionLock");
        assertThat(scenario.request("ec2:RunInstances")).isAllowed();
      }

      /** Sandbox is under the root only: the root's SCP binds it, Workloads' region lock does not. */
      @Test
      @InAccount("333333333333")
      void sandboxsRootUserIsOutsideTheRegionLock(IamScenario scenario) {
        assertThat(scenario.request("cloudtrail:StopLogging")).isExplicitlyDenied().by("ProtectCloudTrail");
        assertThat(scenario.request("ec2:RunInstances").withContext("aws:RequestedRegion", "us-east-1")).isAllowed();
      }

      /** Without @InAccount the root user is the loaded account's: the management account, which no SCP binds. */
      @Test
      void theManagementAccountsRootUserIsNotBound(IamScenario scenario) {
        assertThat(scenario.request("cloudtrail:StopLogging")).isAllowed();
      }

      @InAccount("dev")
      @Nested
      class InDev {

        @Test
        void theClassesAccountIsTheRootUsersAccount(IamScenario scenario) {
          assertThat(scenario.request("ec2:RunInstances").withContext("aws:RequestedRegion", "us-east-1"))
              .isExplicitlyDenied().by("RegionLock");
        }
      }
    }

    @Examples
    @IamTest(terraform = OrganizationExamples.SOURCES, accountId = "999999999999", region = "eu-west-1")
    static class Failing {

      @Test
      @AsRootUser
      @InAccount("prod")
      void prodsRootIsExpectedToStopCloudTrail(IamScenario scenario) {
        assertThat(scenario.request("cloudtrail:StopLogging")).isAllowed();
      }
    }
  }
}
