package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link IamTest#accountFolders()} by account name, on {@code src/test/terraform/account-folders}:
 * the organization (managed from 999999999999) names 111111111111 prod and denies StopLogging at
 * the root; prod's folder declares a deployer role and says nothing of its account.
 */
class AccountFolderExamples {

  static final String ORG = "src/test/terraform/account-folders/org";
  static final String PROD = "src/test/terraform/account-folders/prod";

  @Examples
  @IamTest(terraform = {ORG, PROD}, accountFolders = "prod=" + PROD, accountId = "999999999999")
  static class ByName {

    @Test
    @AsRole("deployer")
    @InAccount("111111111111")
    void theFolderNamedProdDeploysIntoProdsAccountUnderItsScps(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::artifacts/app.zip")).isAllowed().by("Operate");
      assertThat(scenario.request("cloudtrail:StopLogging").on("*")).isExplicitlyDenied().by("ProtectCloudTrail");
    }
  }

  @Examples
  @IamTest(terraform = {ORG, PROD}, accountFolders = "staging=" + PROD, accountId = "999999999999")
  static class UnknownName {

    @Test
    @AsRole("deployer")
    void anAccountTheOrganizationDoesNotName(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject")).isAllowed();
    }
  }

  /** Without accountId, the sources load into the management account the organization declares, as every tool loads them. */
  @Examples
  @IamTest(terraform = {ORG, PROD}, accountFolders = "prod=" + PROD)
  static class DeclaredHome {

    @Test
    void theHomeIsTheDeclaredManagementAccount(IamScenario scenario) {
      org.assertj.core.api.Assertions.assertThat(scenario.account().id()).isEqualTo("999999999999");
    }
  }

  /**
   * accountId given as 123456789012, the id the loaders use when none is given, is still given:
   * it wins over the management account the organization declares, as --account 123456789012 does.
   */
  @Examples
  @IamTest(terraform = ORG, accountId = "123456789012")
  static class GivenDefaultId {

    @Test
    void theGivenAccountIsTheHomeEvenWhenItIsTheDefaultId(IamScenario scenario) {
      org.assertj.core.api.Assertions.assertThat(scenario.account().id()).isEqualTo("123456789012");
    }
  }

  @Examples
  @IamTest(terraform = ORG, accountId = "prod")
  static class NotAnAccountId {

    @Test
    void anAccountIdThatIsNotOne(IamScenario scenario) {
      org.assertj.core.api.Assertions.assertThat(scenario.account().id()).isEqualTo("111111111111");
    }
  }
}
