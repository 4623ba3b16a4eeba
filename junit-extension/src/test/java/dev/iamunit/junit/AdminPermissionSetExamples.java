package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link AsPermissionSet} over the accounts of an organizational unit, on {@code
 * src/test/terraform/admin-permission-set}: Admin (AdministratorAccess) is assigned to prod and dev
 * (Workloads, under a protect-CloudTrail SCP) and to the first of the two accounts named sandbox
 * (333333333333), not to the second (444444444444), nor to the management account the sources load
 * as (999999999999).
 */
class AdminPermissionSetExamples {

  static final String SOURCES = "src/test/terraform/admin-permission-set";

  @Examples
  @IamTest(terraform = SOURCES, accountId = "999999999999", region = "eu-west-1")
  @AsPermissionSet("Admin")
  static class Passing {

    /**
     * "Even if a user is granted full administrator permissions with the AdministratorAccess IAM
     * policy, any action that isn't explicitly allowed by the SCPs is restricted" (AWS Organizations
     * User Guide, Service control policies (SCPs)); an SCP's Deny is never overridden.
     */
    @Test
    void evenAnAdministratorCannotStopCloudTrailInAnyWorkloadAccount(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging")).inEveryAccountOf("Workloads").isExplicitlyDenied();
    }

    /**
     * "IAM Identity Center creates a role with a name that begins with AWSReservedSSO_" in each
     * account the permission set is assigned to (IAM Identity Center User Guide, Referencing
     * permission sets in resource policies, Amazon EKS, and AWS KMS): the request in each account is
     * made as that account's role.
     */
    @Test
    void inEachAccountTheSessionIsOfTheRoleProvisionedThere(IamScenario scenario) {
      List<IamRequest> requests = scenario.request("cloudtrail:StopLogging").inEveryAccountOf("Workloads");

      org.assertj.core.api.Assertions.assertThat(requests).extracting(r -> r.evaluations().get(0).request().principal())
          .satisfiesExactly(
              arn -> org.assertj.core.api.Assertions.assertThat(arn)
                  .matches("arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Admin_[0-9a-f]{16}/iamunit"),
              arn -> org.assertj.core.api.Assertions.assertThat(arn)
                  .matches("arn:aws:sts::222222222222:assumed-role/AWSReservedSSO_Admin_[0-9a-f]{16}/iamunit"));
      org.assertj.core.api.Assertions.assertThat(requests).extracting(r -> r.evaluations().get(0).principal().roleName().orElseThrow())
          .doesNotHaveDuplicates();
    }

    /** Without @InAccount the scenario is the permission set's, whose role the management account does not have. */
    @Test
    void theScenarioIsThePermissionSetUntilAnAccountIsNamed(IamScenario scenario) {
      org.assertj.core.api.Assertions.assertThat(scenario.principal()).contains(IamPrincipal.permissionSet("Admin", "iamunit"));
    }

    /** Two accounts are named sandbox: the id says which. */
    @Test
    @InAccount("333333333333")
    void inTheTeamSandboxTheAdministratorMayStopCloudTrail(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging")).isAllowed();
    }
  }

  @Examples
  @IamTest(terraform = SOURCES, accountId = "999999999999", region = "eu-west-1")
  @AsPermissionSet("Admin")
  static class Failing {

    @Test
    void anAdministratorIsExpectedToBeDeniedInEverySandbox(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging").on("*")).inEveryAccountOf("Sandboxes").isExplicitlyDenied();
    }

    @Test
    void aRequestInNoAccountIsMadeInTheLoadedOne(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging")).isExplicitlyDenied();
    }

    @Test
    @InAccount("sandbox")
    void aNameTwoAccountsShareNamesNeither(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging")).isAllowed();
    }

    @Test
    @AsRootUser
    @InAccount("sandbox")
    void aNameTwoAccountsShareNamesNeitherForTheRootUser(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging")).isAllowed();
    }
  }
}
