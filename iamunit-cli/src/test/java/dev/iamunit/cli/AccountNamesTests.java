package dev.iamunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Two accounts of an organization may be given one name (an account's name is a label; its id is
 * what AWS keeps unique). The CLI takes accounts by id only, so a name it is given is never
 * ambiguous; what it shows names each account with its id.
 */
class AccountNamesTests {

  /** Two accounts named sandbox under Sandboxes; Admin is assigned to 333333333333 only. */
  private static final String ORG = "../junit-extension/src/test/terraform/admin-permission-set";

  @Test
  void showNamesEachOfTwoAccountsOfOneNameWithItsId() {
    CliRun run = CliRun.of("show", "--account", "999999999999", ORG);

    assertThat(run.out())
        .containsPattern("\n      account sandbox \\(333333333333\\)  .*admin-permission-set/main.tf:\\d+:1\n")
        .containsPattern("\n      account sandbox \\(444444444444\\)  .*admin-permission-set/main.tf:\\d+:1\n");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void anAccountOptionTakesAnIdNotAName() {
    CliRun run = CliRun.of("show", "--account", "sandbox", ORG);

    assertThat(run.err()).isEqualTo("iamunit show: --account takes 12 digits, such as 123456789012, not \"sandbox\"\n");
    assertThat(run.exitCode()).isNotEqualTo(ExitCodes.OK);
  }
}
