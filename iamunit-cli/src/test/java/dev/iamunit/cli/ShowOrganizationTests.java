package dev.iamunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 24: {@code show} prints the organization tree, the policies at each level and the FullAWSAccess rule applied. */
class ShowOrganizationTests {

  private static final String ORG = "../iac-loaders/src/test/resources/organization/terraform/org";

  @Test
  void printsTheTreeWithThePoliciesAtEachLevelAndTheRule() {
    CliRun run = CliRun.of("show", "--account", "111111111111", ORG);

    assertThat(run.out())
        .contains("organization  ")
        .contains("  SCPs: FullAWSAccess is attached by AWS to the root, every OU and every account")
        .contains("  RCPs: enabled; RCPFullAWSAccess is attached by AWS everywhere and cannot be detached\n")
        .containsPattern("\n  root .*: SCP protect-cloudtrail, RCP deny-insecure-transport\n")
        .containsPattern("\n    OU Workloads \\(.*\\)  .*org/main.tf:7:1: SCP region-lock\n")
        .containsPattern("\n      account prod \\(111111111111\\)  .*org/main.tf:12:1\n")
        .containsPattern("\n    account sandbox \\(333333333333\\)  .*org/main.tf:34:1\n")
        // prod's levels: root, Workloads, prod, each with AWS's FullAWSAccess.
        .contains("SCP (level 1) region-lock  ")
        .contains("SCP (level 2) FullAWSAccess  ")
        .doesNotContain("management account");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void writesTheTreeInJson() {
    CliRun run = CliRun.of("show", "--json", "--account", "999999999999", ORG);

    assertThat(run.out())
        .contains("\"scpRule\" : \"AWS_DEFAULT\"")
        .contains("\"managementAccountId\" : \"999999999999\"")
        .contains("\"name\" : \"Workloads\"")
        .contains("\"name\" : \"region-lock\"");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  /** Issue 24: the principals of each account, beside the tree; the same role name in two accounts is two roles. */
  @Test
  void printsThePrincipalsOfEachAccount() {
    CliRun run = CliRun.of("show", "--account", "999999999999", "../junit-extension/src/test/terraform/organization");

    assertThat(run.out())
        .containsPattern("\naccount prod \\(111111111111\\)\nrole deployer \\(arn:aws:iam::111111111111:role/deployer\\)  .*main.tf:1\\d\\d:1\n")
        .containsPattern("\naccount dev \\(222222222222\\)\nrole deployer \\(arn:aws:iam::222222222222:role/deployer\\)  .*main.tf:1\\d\\d:1\n")
        .contains("resource policy of arn:aws:s3:::dev-artifacts ")
        .contains("account sandbox (333333333333)\n");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);

    CliRun json = CliRun.of("show", "--json", "--account", "999999999999", "../junit-extension/src/test/terraform/organization");
    assertThat(json.out())
        .contains("\"otherAccounts\" : [")
        .containsPattern("\"accountId\" : \"111111111111\",\\s+\"name\" : \"prod\"")
        .contains("\"arn\" : \"arn:aws:iam::222222222222:role/deployer\"");
  }

  /** SCPs attached to a target the sources do not declare: one level, and the FullAWSAccess rule it was built by. */
  @Test
  void saysWhichRuleAppliesToScpsNoTreePlaces() {
    String source = "src/test/resources/templates/scp-attached";
    CliRun run = CliRun.of("show", source);

    assertThat(run.out())
        .contains("SCPs placed in no organization tree the sources declare: FullAWSAccess is attached by AWS to the root, every OU "
            + "and every account")
        .contains("SCP (level 0) FullAWSAccess  ")
        .contains("SCP (level 0) deny-cloudtrail-stop  ");
    assertThat(CliRun.of("show", "--json", source).out()).contains("\"scpRule\" : \"AWS_DEFAULT\"");
  }
}
