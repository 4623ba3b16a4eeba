package dev.iamunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 24: {@code show} lists the permission sets, their assignments and the role each provisions in the loaded account. */
class ShowIdentityCenterTests {

  private static final String SOURCES = "../iac-loaders/src/test/resources/identity-center/terraform";

  @Test
  void listsEachPermissionSetWithItsAssignments() {
    CliRun run = CliRun.of("show", "--account", "111111111111", SOURCES);

    assertThat(run.out())
        .containsPattern("\npermission set Developers  .*terraform/main.tf:19:1\n")
        .contains("  attached: arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess\n")
        .contains("  customer managed: /teams/deploy-functions\n")
        .contains("  permissions boundary: /developer-boundary\n")
        .containsPattern("\n  assigned to GROUP <unresolved: data.aws_identitystore_group.developers.group_id> in account 111111111111: "
            + "role AWSReservedSSO_Developers_[0-9a-f]{16}  .*main.tf:92:1\n")
        // dev (222222222222) lacks the customer managed policies, so AWS refuses to provision Developers there.
        .containsPattern("\n  assigned to GROUP .* in account 222222222222: no role \\(see the problems\\)  .*main.tf:101:1\n")
        // Auditors (AWS managed only) is provisioned in dev, which show lists as another account.
        .containsPattern("\n  assigned to USER .* in account 222222222222: role AWSReservedSSO_Auditors_[0-9a-f]{16}  .*main.tf:121:1\n")
        .contains("\naccount 222222222222")
        .containsPattern("\nrole AWSReservedSSO_Developers_[0-9a-f]{16} \\(arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/"
            + "AWSReservedSSO_Developers_[0-9a-f]{16}\\)");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void writesThemInJson() {
    CliRun run = CliRun.of("show", "--json", "--account", "222222222222", SOURCES);

    assertThat(run.out())
        .contains("\"permissionSets\" : [ {")
        .contains("\"customerManagedPolicies\" : [ \"/teams/deploy-functions\" ]")
        .contains("\"principalType\" : \"USER\"")
        .containsPattern("\"role\" : \"arn:aws:iam::222222222222:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Auditors_[0-9a-f]{16}\"");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }
}
