package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link InAccount} and the assertion over the accounts of an organizational unit, on
 * {@code src/test/terraform/organization}: a deployer role in prod and in dev, the root's
 * protect-CloudTrail SCP, the Workloads OU's region lock.
 */
class OrganizationExamples {

  static final String SOURCES = "src/test/terraform/organization";

  @Examples
  @IamTest(terraform = SOURCES, accountId = "999999999999", region = "eu-west-1")
  static class Passing {

    /** The question of issue 24: can anyone in a workload account stop CloudTrail, even as root? */
    @Test
    @AsRootUser
    void notEvenRootStopsCloudTrailInAnyWorkloadAccount(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging")).inEveryAccountOf("Workloads").isExplicitlyDenied();
    }

    /** "SCPs don't affect users or roles in the management account" (AWS Organizations User Guide, Service control policies (SCPs)). */
    @Test
    @AsRootUser
    void theManagementAccountsRootIsNotBoundBySCPs(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging")).isAllowed();
    }

    @Test
    @AsRole("deployer")
    @InAccount("prod")
    void prodsDeployerMayWriteDevsArtifactsBucketItsPolicyNamesIt(IamScenario scenario) {
      assertThat(scenario.request("s3:PutObject").on("arn:aws:s3:::dev-artifacts/app.zip")).isAllowed().by("ProdDeployerWrites");
      assertThat(scenario.request("cloudtrail:StopLogging")).isExplicitlyDenied().by("ProtectCloudTrail");
    }

    @Test
    @AsRole("deployer")
    @InAccount("222222222222")
    void devsDeployerIsAnotherRoleOfTheSameName(IamScenario scenario) {
      assertThat(scenario.request("s3:PutObject").on("arn:aws:s3:::dev-artifacts/app.zip")).isImplicitlyDenied();
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::dev-artifacts/app.zip")).isAllowed().by("Read");
    }

    /** A path names the account by its units from the root down, then its own name. */
    @Test
    @AsRole("deployer")
    @InAccount("Workloads/prod")
    void anAccountNamedByItsPath(IamScenario scenario) {
      assertThat(scenario.request("s3:PutObject").on("arn:aws:s3:::dev-artifacts/app.zip")).isAllowed().by("ProdDeployerWrites");
    }

    @Test
    @AsRootUser
    void aUnitNamedByItsPathFromTheRoot(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging")).inEveryAccountOf("Root/Workloads").isExplicitlyDenied();
    }

    @Test
    @AsRole("deployer")
    void theRegionLockHoldsInEveryWorkloadAccount(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::dev-artifacts/app.zip").withContext("aws:RequestedRegion", "us-east-1"))
          .inEveryAccountOf("Workloads").isExplicitlyDenied();
    }

    @AsRole("deployer")
    @InAccount("dev")
    @Nested
    class InDev {

      @Test
      void theClassesAccountApplies(IamScenario scenario) {
        assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::dev-artifacts/app.zip")).isAllowed();
      }

      @Test
      @InAccount("prod")
      void theMethodsAccountIsCloser(IamScenario scenario) {
        assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::dev-artifacts/app.zip")).isImplicitlyDenied();
      }
    }
  }

  @Examples
  @IamTest(terraform = SOURCES, accountId = "999999999999", region = "eu-west-1")
  static class Failing {

    @Test
    @AsRootUser
    void rootIsExpectedToStopCloudTrailInEveryWorkloadAccount(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging").on("*")).inEveryAccountOf("Workloads").isAllowed();
    }

    @Test
    @AsRootUser
    void rootIsExpectedToStopEachAccountsTrail(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging")).inEveryAccountOf("Workloads").isAllowed();
    }

    @Test
    @AsRole("deployer")
    void aNameTwoAccountsDeclareNeedsInAccount(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject")).isAllowed();
    }

    @Test
    @AsRole("deployer")
    @InAccount("staging")
    void anAccountTheSourcesDoNotLoad(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject")).isAllowed();
    }

    /** Sandbox declares no deployer role: its line says so, among the accounts that decided. */
    @Test
    @AsRole("deployer")
    void theDeployerIsExpectedInEveryAccountOfTheOrganization(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging").on("*")).inEveryAccountOf("Root").isAllowed();
    }

    /** sandbox is directly under the root: Workloads/sandbox names no account. */
    @Test
    @AsRootUser
    @InAccount("Workloads/sandbox")
    void aPathWhereTheAccountIsNot(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging")).isDenied();
    }

    @Test
    @AsRootUser
    void aUnitTheOrganizationDoesNotDeclare(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging")).inEveryAccountOf("Sandboxes").isDenied();
    }
  }
}
