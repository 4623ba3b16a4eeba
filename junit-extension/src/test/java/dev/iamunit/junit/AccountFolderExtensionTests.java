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
            + "has no account of that name; its accounts are prod (111111111111): map the folder to an account id, or to the name of "
            + "one account of the organization");
  }

  /** Issue 24: the extension chooses the home account by the rule the CLI and the Maven plugin apply (HomeAccount). */
  @Test
  void withoutAccountIdTheSourcesLoadIntoTheManagementAccountTheyDeclare() {
    EngineExecutionResults results = TestKit.run(AccountFolderExamples.DeclaredHome.class);

    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }
}
