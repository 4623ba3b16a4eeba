package dev.iamunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /**
   * An allow list: "If you want to replace the default FullAWSAccess policy with an SCP that limits
   * the permissions that can be delegated, you must attach the replacement SCP before you can
   * remove the default SCP" (AWS Organizations API Reference, DetachPolicy). A configuration that
   * attaches p-FullAWSAccess itself manages its attachments, and {@code show} says that this rule,
   * not AWS's default, built the levels: FullAWSAccess where it is attached, the allow list alone
   * at the OU it replaces it on.
   */
  @Test
  void saysTheConfigurationManagesFullAwsAccessWhenItAttachesItItself(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        resource "aws_organizations_organization" "org" {
          feature_set          = "ALL"
          enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
        }
        resource "aws_organizations_organizational_unit" "workloads" {
          name      = "Workloads"
          parent_id = aws_organizations_organization.org.roots[0].id
        }
        resource "aws_organizations_account" "prod" {
          name      = "prod"
          email     = "prod@example.com"
          parent_id = aws_organizations_organizational_unit.workloads.id
        }
        import {
          to = aws_organizations_account.prod
          id = "111111111111"
        }
        resource "aws_organizations_policy_attachment" "full_root" {
          policy_id = "p-FullAWSAccess"
          target_id = aws_organizations_organization.org.roots[0].id
        }
        resource "aws_organizations_policy_attachment" "full_prod" {
          policy_id = "p-FullAWSAccess"
          target_id = aws_organizations_account.prod.id
        }
        resource "aws_organizations_policy" "allow_s3" {
          name    = "allow-s3"
          content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
        }
        resource "aws_organizations_policy_attachment" "allow_s3" {
          policy_id = aws_organizations_policy.allow_s3.id
          target_id = aws_organizations_organizational_unit.workloads.id
        }
        """);
    CliRun run = CliRun.of("show", "--account", "111111111111", dir.toString());

    assertThat(run.out())
        .contains("  SCPs: the configuration manages FullAWSAccess attachments: only the attachments it declares apply\n")
        .contains("  RCPs: not enabled: no RCP applies\n")
        .containsPattern("\n  root .*: SCP FullAWSAccess\n")
        .containsPattern("\n    OU Workloads \\(.*\\)  .*main.tf:5:1: SCP allow-s3\n")
        .containsPattern("\n      account prod \\(111111111111\\)  .*main.tf:9:1: SCP FullAWSAccess\n")
        .contains("SCP (level 0) FullAWSAccess  ", "SCP (level 1) allow-s3  ", "SCP (level 2) FullAWSAccess  ")
        .doesNotContain("SCP (level 1) FullAWSAccess");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(CliRun.of("show", "--json", "--account", "111111111111", dir.toString()).out()).contains("\"scpRule\" : \"MANAGED\"");
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
