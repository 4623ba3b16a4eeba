package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import dev.iamunit.model.Account;
import org.junit.jupiter.api.Test;

/** {@link AsPermissionSet} on prod (111111111111), where Developers is assigned and Auditors is not. */
class PermissionSetExamples {

  @Examples
  @IamTest(terraform = "src/test/terraform/identity-center", accountId = "111111111111")
  @AsPermissionSet(value = "Developers", session = "alice@example.com")
  static class Passing {

    @Test
    void developersReadTheAppsData(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::app-data/report.csv")).isAllowed().by("ReadAppData");
      assertThat(scenario.request("s3:PutObject").on("arn:aws:s3:::app-data/report.csv")).isImplicitlyDenied();
    }

    @Test
    void theScenarioIsASessionOfTheProvisionedRole(IamScenario scenario, Account account) {
      org.assertj.core.api.Assertions.assertThat(scenario.principal()).hasValueSatisfying(p -> {
        org.assertj.core.api.Assertions.assertThat(p.roleName()).contains(account.permissionSetRole("Developers").orElseThrow().name());
        org.assertj.core.api.Assertions.assertThat(p.sessionName()).contains("alice@example.com");
      });
    }

    /** The role trusts IAM Identity Center's SAML provider only, so alice's AssumeRole-anything policy does not reach it. */
    /** Auditors is assigned to dev only: with @InAccount the scenario is the role IAM Identity Center provisions there (it has no policies). */
    @Test
    @AsPermissionSet("Auditors")
    @InAccount("222222222222")
    void auditorsActInDevWhereTheyAreAssigned(IamScenario scenario) {
      org.assertj.core.api.Assertions.assertThat(scenario.principal()).hasValueSatisfying(p -> {
        org.assertj.core.api.Assertions.assertThat(p.roleName()).hasValueSatisfying(n -> org.assertj.core.api.Assertions.assertThat(n)
            .matches("AWSReservedSSO_Auditors_[0-9a-f]{16}"));
        org.assertj.core.api.Assertions.assertThat(p.account()).contains("222222222222");
      });
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::app-data/report.csv")).isImplicitlyDenied();
    }

    @Test
    @AsUser("alice")
    void noIamUserMayAssumeTheRole(IamScenario scenario, Account account) {
      assertThat(scenario.request("sts:AssumeRole").on(account.permissionSetRole("Developers").orElseThrow().arn())).isImplicitlyDenied();
    }
  }

  @Examples
  @IamTest(terraform = "src/test/terraform/identity-center", accountId = "111111111111")
  static class Failing {

    @Test
    @AsPermissionSet("Auditors")
    void auditorsAreNotAssignedToProd(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::app-data/report.csv")).isDenied();
    }

    @Test
    @AsPermissionSet("Admins")
    void noPermissionSetIsCalledAdmins(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::app-data/report.csv")).isDenied();
    }

    @Test
    @AsPermissionSet("Developers")
    @AsRole("deploy")
    void aPermissionSetAndARoleContradictEachOther(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::app-data/report.csv")).isAllowed();
    }
  }
}
