package dev.iamunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Issue 24: {@code @IamTest(accountFolders)} takes an account's name, resolved through the organization the sources declare. */
class AccountFolderExtensionTests {

  @Test
  void aFolderMappedToAnAccountsNameDeploysIntoThatAccount() {
    EngineExecutionResults results = TestKit.run(AccountFolderExamples.ByName.class);

    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void aNameTheOrganizationDoesNotGiveFailsNamingTheAnnotationsEntry() {
    EngineExecutionResults results = TestKit.run(AccountFolderExamples.UnknownName.class);

    assertThat(TestKit.failureMessage(results, "anAccountTheOrganizationDoesNotName(IamScenario)")).isEqualTo(
        "IAMUnit could not load the sources of this test: @IamTest(accountFolders = \"staging=src/test/terraform/account-folders/prod\"): "
            + "account folder src/test/terraform/account-folders/prod is mapped to \"staging\", but the organization the sources declare "
            + "has no account of that name; its accounts are prod (111111111111): map the folder to an account id, or to the name or "
            + "path of one account of the organization (Workloads/prod)");
  }

  /** Issue 24: the extension chooses the home account by the rule the CLI and the Maven plugin apply (HomeAccount). */
  @Test
  void withoutAccountIdTheSourcesLoadIntoTheManagementAccountTheyDeclare() {
    EngineExecutionResults results = TestKit.run(AccountFolderExamples.DeclaredHome.class);

    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  /**
   * Issue 24: {@code accountId = "123456789012"} written in a test is given, and wins over the
   * declared management account; only leaving accountId out lets the sources choose.
   */
  @Test
  void anAccountIdGivenAsTheDefaultIdIsStillGiven() {
    EngineExecutionResults results = TestKit.run(AccountFolderExamples.GivenDefaultId.class);

    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  /** An accountId that is not twelve digits fails the tests naming the class, rather than loading into an account no ARN can name. */
  @Test
  void anAccountIdThatIsNotTwelveDigitsFailsNamingTheAnnotation() {
    EngineExecutionResults results = TestKit.run(AccountFolderExamples.NotAnAccountId.class);

    assertThat(TestKit.failureMessage(results, "anAccountIdThatIsNotOne(IamScenario)")).isEqualTo(
        "@IamTest on dev.iamunit.junit.AccountFolderExamples$NotAnAccountId has accountId \"prod\", which is not an account id: give "
            + "twelve digits, such as \"111111111111\", or leave accountId out for the account the sources declare");
  }
}
