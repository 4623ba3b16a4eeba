package dev.iamunit.iac.organization;

import static dev.iamunit.iac.organization.TerraformOrganizationTests.ORG;
import static dev.iamunit.iac.organization.TerraformOrganizationTests.PROD;
import static dev.iamunit.iac.organization.TerraformOrganizationTests.WORKLOAD;
import static dev.iamunit.iac.organization.TerraformOrganizationTests.admin;
import static dev.iamunit.iac.organization.TerraformOrganizationTests.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.model.Policy;
import dev.iamunit.testfiles.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: {@code aws_organizations_policy_attachment} names its target by reference or by its
 * literal id: "target_id - (Required) The unique identifier (ID) of the root, organizational unit,
 * or account number that you want to attach the policy to" (Terraform AWS provider,
 * aws_organizations_policy_attachment). An account's number given literally attaches the SCP to
 * that account's own level, and to no other account.
 */
class LiteralTargetTests {

  @TempDir
  Path dir;

  @Test
  void anScpAttachedToALiteralAccountNumberBindsThatAccountOnly() throws IOException {
    Path org = FileTrees.copy(ORG, dir.resolve("org"));
    Files.writeString(org.resolve("literal.tf"), """
        resource "aws_organizations_policy" "no_keys" {
          name    = "no-access-keys"
          content = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "NoAccessKeys", Effect = "Deny",
            Action = "iam:CreateAccessKey", Resource = "*" }] })
        }
        resource "aws_organizations_policy_attachment" "no_keys" {
          policy_id = aws_organizations_policy.no_keys.id
          target_id = "111111111111"
        }
        """);
    LoadedSources prod = load(PROD, org, WORKLOAD);
    LoadedSources dev = load("222222222222", org, WORKLOAD);

    assertThat(prod.report().unresolved()).isEmpty();
    assertThat(prod.account().organization().serviceControlPolicies().get(2)).extracting(Policy::name)
        .containsExactlyInAnyOrder("FullAWSAccess", "no-access-keys");
    Decision inProd = admin(prod.account(), "iam:CreateAccessKey", "*", "eu-west-1");
    assertThat(inProd.outcome()).as(DecisionText.explained(inProd)).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(inProd.deciding()).extracting(r -> r.statement().sid().orElseThrow()).containsExactly("NoAccessKeys");
    Decision inDev = admin(dev.account(), "iam:CreateAccessKey", "*", "eu-west-1");
    assertThat(inDev.outcome()).as(DecisionText.explained(inDev)).isEqualTo(Outcome.ALLOWED);
  }
}
