package dev.iamunit.iac.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.UnresolvedValueException;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 20: SCPs the sources attach to a root, OU or account they do not declare (no organization
 * tree to place them in). "To permit an AWS service API at the member account level, you must
 * permit that API at every level between the member account and the root ... When you enable SCPs,
 * AWS Organizations attaches an AWS managed SCP policy named FullAWSAccess which allows all
 * services and actions" (AWS Organizations User Guide, SCP evaluation, How SCPs work with Allow).
 * So an unplaced deny list (a region lock) denies only what it names; an unplaced allow list
 * restricts only where FullAWSAccess was detached, which the sources cannot tell: decisions it
 * makes stand, the others fail naming the SCP and what to declare.
 */
class UnplacedScpTests {

  /** The same account in both formats: an administrator role and one SCP attached to an OU the sources do not declare. */
  enum Format {
    TERRAFORM("main.tf", """
        resource "aws_iam_role" "admin" {
          name               = "admin"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow",
            Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })
        }
        resource "aws_iam_role_policy" "admin" {
          role   = aws_iam_role.admin.name
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
        }
        resource "aws_organizations_policy" "scp" {
          name    = "the-scp"
          content = <<-EOT
        %s
        EOT
        }
        resource "aws_organizations_policy_attachment" "workloads" {
          policy_id = aws_organizations_policy.scp.id
          target_id = "ou-abcd-11111111"
        }
        """),
    CLOUDFORMATION("template.json", """
        {"Resources": {
          "Admin": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "admin",
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
            "Policies": [{"PolicyName": "admin", "PolicyDocument": {"Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]}},
          "Scp": {"Type": "AWS::Organizations::Policy", "Properties": {"Name": "the-scp",
            "Type": "SERVICE_CONTROL_POLICY", "TargetIds": ["ou-abcd-11111111"],
            "Content": %s}}
        }}
        """);

    final String file;
    final String template;

    Format(String file, String template) {
      this.file = file;
      this.template = template;
    }
  }

  /** AWS's example "Deny access to AWS based on the requested AWS Region" (SCP examples), shortened. */
  static final String REGION_LOCK = """
      {"Version": "2012-10-17", "Statement": [{"Sid": "DenyAllOutsideEU", "Effect": "Deny",
        "NotAction": ["iam:*", "organizations:*", "sts:*"], "Resource": "*",
        "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}}]}""";

  /** An allow list: only S3 and EC2. */
  static final String ALLOW_LIST = """
      {"Version": "2012-10-17", "Statement": [{"Sid": "OnlyS3AndEc2", "Effect": "Allow",
        "Action": ["s3:*", "ec2:*"], "Resource": "*"}]}""";

  @TempDir
  Path dir;

  LoadedSources load(Format format, String scp) throws IOException {
    Files.writeString(dir.resolve(format.file), format.template.formatted(scp));
    return TerraformOrganizationTests.load("111111111111", dir);
  }

  @ParameterizedTest(name = "{0}: {1} in {2} is {3}")
  @CsvSource({
      "TERRAFORM,      s3:GetObject,       eu-west-1, ALLOWED",        // the lock names other regions only
      "TERRAFORM,      dynamodb:GetItem,   eu-west-1, ALLOWED",
      "TERRAFORM,      s3:GetObject,       us-east-1, EXPLICIT_DENY",  // outside the allowed region
      "TERRAFORM,      iam:CreateUser,     us-east-1, ALLOWED",        // NotAction: IAM is global
      "CLOUDFORMATION, s3:GetObject,       eu-west-1, ALLOWED",
      "CLOUDFORMATION, dynamodb:GetItem,   eu-west-1, ALLOWED",
      "CLOUDFORMATION, s3:GetObject,       us-east-1, EXPLICIT_DENY",
      "CLOUDFORMATION, iam:CreateUser,     us-east-1, ALLOWED",
  })
  void anUnplacedRegionLockDeniesOnlyOtherRegions(Format format, String action, String region, Outcome expected) throws IOException {
    LoadedSources loaded = load(format, REGION_LOCK);
    Decision decision = TerraformOrganizationTests.admin(loaded.account(), action, "*", region);

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
    assertThat(loaded.report().unresolved()).as("a deny list needs no placing").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void theLevelHoldsFullAwsAccessByAwssDefaultRule(Format format) throws IOException {
    LoadedSources loaded = load(format, REGION_LOCK);

    assertThat(loaded.account().organization().tree()).isEmpty();
    assertThat(loaded.account().organization().scpRule()).isEqualTo(OrganizationTree.ScpRule.AWS_DEFAULT);
    assertThat(loaded.account().organization().serviceControlPolicies()).singleElement()
        .satisfies(level -> assertThat(level).extracting(Policy::name).containsExactly("FullAWSAccess", "the-scp"));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void anUnplacedAllowListDecidesWhatItAllowsAndFailsTheRestNamingItsLine(Format format) throws IOException {
    LoadedSources loaded = load(format, ALLOW_LIST);

    Decision s3 = TerraformOrganizationTests.admin(loaded.account(), "s3:GetObject", "*", "eu-west-1");
    assertThat(s3.outcome()).as("allowed whether FullAWSAccess is there or not").isEqualTo(Outcome.ALLOWED);

    Unresolved unplaced = loaded.report().unresolved().stream().filter(u -> u.expression().equals("SCP the-scp")).findFirst().orElseThrow();
    assertThat(unplaced.location().file()).endsWith(format.file);
    assertThat(unplaced.location().line()).as("the Allow statement's line").isPositive();
    assertThat(unplaced.reason()).contains("an allow list").contains("declare the organization tree");
    assertThatThrownBy(() -> TerraformOrganizationTests.admin(loaded.account(), "dynamodb:GetItem", "*", "eu-west-1"))
        .as("allowed with FullAWSAccess, denied without: not silently 'allow everything'")
        .isInstanceOfSatisfying(UnresolvedValueException.class, e -> assertThat(e.values()).containsExactly(unplaced));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void anUnplacedScpThatAllowsEverythingNeedsNoFullAwsAccessAndNoReport(Format format) throws IOException {
    LoadedSources loaded = load(format, """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""");

    assertThat(loaded.account().organization().serviceControlPolicies()).singleElement()
        .satisfies(level -> assertThat(level).extracting(Policy::name).containsExactly("the-scp"));
    assertThat(loaded.report().unresolved()).isEmpty();
    assertThat(TerraformOrganizationTests.admin(loaded.account(), "dynamodb:GetItem", "*", "eu-west-1").outcome()).isEqualTo(Outcome.ALLOWED);
  }

  /** Sources that attach FullAWSAccess themselves (to a target they do not declare) manage it: the rule shown says so. */
  @org.junit.jupiter.api.Test
  void terraformThatAttachesFullAwsAccessItselfManagesIt() throws IOException {
    Files.writeString(dir.resolve("full.tf"), """
        resource "aws_organizations_policy_attachment" "full" {
          policy_id = "p-FullAWSAccess"
          target_id = "ou-abcd-11111111"
        }
        """);
    LoadedSources loaded = load(Format.TERRAFORM, REGION_LOCK);

    assertThat(loaded.account().organization().scpRule()).isEqualTo(OrganizationTree.ScpRule.MANAGED);
    assertThat(TerraformOrganizationTests.admin(loaded.account(), "dynamodb:GetItem", "*", "eu-west-1").outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(TerraformOrganizationTests.admin(loaded.account(), "dynamodb:GetItem", "*", "us-west-2").outcome())
        .isEqualTo(Outcome.EXPLICIT_DENY);
  }
}
