package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import org.junit.jupiter.api.Test;

/** Example tests of the checks over the complete request space: {@code mayOnly} and {@code allAreDenied}. */
final class MayOnlyExamples {

  private MayOnlyExamples() {}

  /** What seed 003's Force_MFA leaves a user who has not signed in with MFA (see MayOnlyExtensionTests). */
  static final String[] WITHOUT_MFA = {
      "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ResyncMFADevice", "iam:ListVirtualMFADevices",
      "iam:ListMFADevices", "iam:ListAccountAliases", "iam:ListUsers", "iam:ListSSHPublicKeys", "iam:ListAccessKeys",
      "iam:GetAccountSummary", "sts:GetCallerIdentity", "sts:GetSessionToken"};

  /** A snapshot of the catalog without iam:ListUsers, which MayOnlyExtensionTests writes first. */
  static final String OLD_CATALOG = "target/may-only/catalog-without-list-users.txt";
  /** A snapshot no test wrote yet: the assertion writes the bundled catalog to it. */
  static final String NEW_CATALOG = "target/may-only/new-catalog.txt";

  @Examples
  @IamTest(terraform = ForceMfaExamples.ACCOUNT)
  @AsUser("MFAUser")
  @WithoutMFA
  static class ForceMfa {

    @Test
    void mayOnlySetUpMfa(IamScenario scenario) {
      assertThat(scenario).asOfCatalog(NEW_CATALOG).mayOnly(WITHOUT_MFA);
    }

    @Test
    void forgetsListUsers(IamScenario scenario) {
      String[] without = java.util.Arrays.stream(WITHOUT_MFA).filter(a -> !a.equals("iam:ListUsers")).toArray(String[]::new);
      assertThat(scenario).mayOnly(without);
    }

    @Test
    void listUsersIsNewerThanTheTest(IamScenario scenario) {
      String[] without = java.util.Arrays.stream(WITHOUT_MFA).filter(a -> !a.equals("iam:ListUsers")).toArray(String[]::new);
      assertThat(scenario).asOfCatalog(OLD_CATALOG).mayOnly(without);
    }

    @Test
    void patternsCoverActions(IamScenario scenario) {
      assertThat(scenario).mayOnly("iam:*MFA*", "iam:List*", "iam:GetAccountSummary", "sts:Get*");
    }

    @Test
    void unknownPattern(IamScenario scenario) {
      assertThat(scenario).mayOnly("iam:Nothing*");
    }

    @Test
    void noEc2ActionIsAllowedAnywhere(IamScenario scenario) {
      assertThat(scenario.requests("ec2:*")).allAreDenied();
    }
  }

  @Examples
  @IamTest(terraform = "src/test/iam/source-ip-account")
  @AsUser("Analyst")
  static class SourceIp {

    /** Passed when only each action's default resource and context were asked. */
    @Test
    void s3IsAllowedFromTheOfficeOnly(IamScenario scenario) {
      assertThat(scenario.requests("s3:*")).allAreDenied();
    }

    @Test
    @WithContext(key = "aws:SourceIp", value = "192.0.2.1")
    void nothingFromOutsideTheOffice(IamScenario scenario) {
      assertThat(scenario.requests("s3:*")).allAreDenied();
      assertThat(scenario).mayOnly("sts:GetCallerIdentity", "sts:GetSessionToken");
    }

    @Test
    void theOfficeReadsAreTheOnlyAccess(IamScenario scenario) {
      assertThat(scenario).mayOnly("s3:GetObject", "sts:GetCallerIdentity", "sts:GetSessionToken");
    }
  }
}
