package dev.iamunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExplainCommandTests {

  private static final String POLICIES = "src/test/resources/policies/";

  /**
   * "The BlockMostAccessUnlessSignedInWithMFA statement ... deny[s] access to all but a few
   * actions ... if the user is not signed-in with MFA" (IAM User Guide, tutorial: self-manage MFA).
   */
  @Test
  void explainsAnExplicitDenyWithTheStatementsAndConditionValues() {
    CliRun run = CliRun.of("explain",
        "--policy", POLICIES + "ec2_full.json", "--policy", POLICIES + "force_mfa.json",
        "--principal", "arn:aws:iam::123456789012:user/MFAUser",
        "--action", "ec2:RunInstances",
        "--context", "aws:MultiFactorAuthPresent=false");

    assertThat(run.out()).isEqualTo("""
        Request: ec2:RunInstances on * by arn:aws:iam::123456789012:user/MFAUser
        Context: {aws:MultiFactorAuthPresent="false"}
        Decision: explicitly denied by statement BlockMostAccessUnlessSignedInWithMFA (src/test/resources/policies/force_mfa.json:30)
        Explanation:
          Deciding statements:
            Deny BlockMostAccessUnlessSignedInWithMFA (force_mfa.json, src/test/resources/policies/force_mfa.json:30) \
        in the identity-based policy
              BoolIfExists aws:MultiFactorAuthPresent "false" (request: "false") → met
          Also applied:
            Allow AllowEc2 (ec2_full.json, src/test/resources/policies/ec2_full.json:4) in the identity-based policy
          Evaluation: an explicit Deny applies, which overrides any Allow
          Request context: aws:MultiFactorAuthPresent = "false"
        """);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void exitsZeroWhenAllowed() {
    CliRun run = CliRun.of("explain",
        "--policy", POLICIES + "ec2_full.json", "--policy", POLICIES + "force_mfa.json",
        "--action", "ec2:RunInstances", "--context", "aws:MultiFactorAuthPresent=true");

    assertThat(run.out()).contains("Decision: allowed by statement AllowEc2 (src/test/resources/policies/ec2_full.json:4)\n"
        + "Explanation:\n  Deciding statements:\n").contains("\n  Evaluation: allowed by an identity-based policy\n");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  /**
   * "When you enable SCPs, AWS Organizations attaches an AWS managed SCP policy named FullAWSAccess
   * which allows all services and actions" (AWS Organizations User Guide, SCP evaluation): an
   * {@code --scp} level holds it beside the file, so a region lock denies only other regions.
   */
  @Test
  void anScpLevelHoldsFullAwsAccessBesideADenyList() {
    CliRun inRegion = CliRun.of("explain", "--policy", POLICIES + "ec2_full.json", "--scp", POLICIES + "scp_region_lock.json",
        "--action", "ec2:RunInstances", "--context", "aws:RequestedRegion=eu-west-1");
    assertThat(inRegion.out()).contains("Decision: allowed by statement AllowEc2");
    assertThat(inRegion.exitCode()).isEqualTo(ExitCodes.OK);

    CliRun outside = CliRun.of("explain", "--policy", POLICIES + "ec2_full.json", "--scp", POLICIES + "scp_region_lock.json",
        "--action", "ec2:RunInstances", "--context", "aws:RequestedRegion=us-east-1");
    assertThat(outside.out()).contains("Decision: explicitly denied by statement DenyAllOutsideEU");
    assertThat(outside.exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }

  /** An allow list restricts only where FullAWSAccess is detached: explain says so, or takes --without-full-aws-access. */
  @Test
  void anScpAllowListNeedsToBeToldWhetherFullAwsAccessIsDetached() {
    CliRun unknown = CliRun.of("explain", "--policy", POLICIES + "ec2_full.json", "--scp", POLICIES + "scp_allow_list.json",
        "--action", "ec2:RunInstances");
    assertThat(unknown.exitCode()).as(unknown.out() + unknown.err()).isEqualTo(ExitCodes.OK); // the allow list allows it

    CliRun iam = CliRun.of("explain", "--policy", POLICIES + "allow_all.json", "--scp", POLICIES + "scp_allow_list.json",
        "--action", "iam:CreateUser");
    assertThat(iam.err()).contains("scp_allow_list.json:4").contains("an allow list").contains("--without-full-aws-access");
    assertThat(iam.exitCode()).isEqualTo(ExitCodes.INPUT);

    CliRun detached = CliRun.of("explain", "--policy", POLICIES + "allow_all.json", "--scp", POLICIES + "scp_allow_list.json",
        "--without-full-aws-access", "--action", "iam:CreateUser");
    assertThat(detached.out()).contains("no service control policy at organization level 0 allows the request");
    assertThat(detached.exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }

  /** With --source, the principal is the templates' user: its group's Force_MFA, and no MFA key with access keys. */
  @Test
  void explainsARequestOfAUserOfLoadedTemplates() {
    CliRun run = CliRun.of("explain", "--source", "../example-repo/terraform", "--user", "MFAUser",
        "--credentials", "ACCESS_KEYS", "--action", "ec2:RunInstances");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("Request: ec2:RunInstances on * by arn:aws:iam::123456789012:user/MFAUser\n")
        .contains("\nDecision: explicitly denied by statement BlockMostAccessUnlessSignedInWithMFA ("
            // A file outside the working directory is named by its absolute path, as show names it.
            + Path.of("../example-repo/terraform/modules/force-mfa-group/main.tf").toAbsolutePath().normalize()
            + ":88)\nExplanation:\n  Deciding statements:\n")
        .contains("\n      BoolIfExists aws:MultiFactorAuthPresent \"false\" (request: absent) → met\n")
        .endsWith("\n  Request context: aws:MultiFactorAuthPresent absent\n");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }

  /**
   * A requested Region of another partition than the principal's is an input error, by the check
   * @InRegion goes through: "You cannot use IAM credentials from one partition to interact with
   * resources in a different partition" (AWS Fault Isolation Boundaries, Partitions).
   */
  @Test
  void aRequestedRegionOfAnotherPartitionThanThePrincipalsIsAnInputError() {
    CliRun loaded = CliRun.of("explain", "--source", "../example-repo/terraform", "--user", "MFAUser", "--action", "ec2:RunInstances",
        "--context", "aws:RequestedRegion=cn-north-1");
    assertThat(loaded.err()).isEqualTo("iamunit explain: --context aws:RequestedRegion=cn-north-1: region cn-north-1 is in partition "
        + "aws-cn, but account 123456789012 is in partition aws, and IAM credentials of one partition cannot reach Regions of another "
        + "(AWS Fault Isolation Boundaries, Partitions): request a Region of partition aws, such as us-east-1, or load the account into a "
        + "Region of partition aws-cn (@IamTest region, --region, its provider's or stack's Region)\n");
    assertThat(loaded.exitCode()).isEqualTo(ExitCodes.INPUT);
    CliRun given = CliRun.of("explain", "--policy", POLICIES + "ec2_full.json", "--principal", "arn:aws-us-gov:iam::123456789012:user/a",
        "--action", "ec2:RunInstances", "--context", "aws:RequestedRegion=us-east-1");
    assertThat(given.err()).startsWith("iamunit explain: --context aws:RequestedRegion=us-east-1: region us-east-1 is in partition aws, "
        + "but principal arn:aws-us-gov:iam::123456789012:user/a is in partition aws-us-gov");
    assertThat(CliRun.of("explain", "--policy", POLICIES + "ec2_full.json", "--action", "ec2:RunInstances",
        "--context", "aws:RequestedRegion=eu-west-1").exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void aPrincipalOfTheTemplatesNeedsSourcesAndOnlyThem() {
    assertThat(CliRun.of("explain", "--user", "MFAUser", "--action", "ec2:RunInstances").err()).isEqualTo("iamunit explain: --user, "
        + "--role, --in-account and --credentials name a principal of the accounts --source loads; give --source\n");
    assertThat(CliRun.of("explain", "--in-account", "prod", "--action", "ec2:RunInstances").err()).isEqualTo("iamunit explain: --user, "
        + "--role, --in-account and --credentials name a principal of the accounts --source loads; give --source\n");
    assertThat(CliRun.of("explain", "--source", "../example-repo/terraform", "--action", "ec2:RunInstances").err())
        .isEqualTo("iamunit explain: with --source, name the principal who asks with --user NAME or --role NAME (one of them)\n");
    CliRun mixed = CliRun.of("explain", "--source", "../example-repo/terraform", "--user", "MFAUser",
        "--policy", POLICIES + "ec2_full.json", "--action", "ec2:RunInstances");
    assertThat(mixed.err()).startsWith("iamunit explain: with --source the principal and its policies come from the templates");
    assertThat(mixed.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(CliRun.of("explain", "--source", "../example-repo/terraform", "--user", "MFAUsr", "--action", "ec2:RunInstances")
        .err()).contains("did you mean \"MFAUser\"");
  }

  @Test
  void suggestsTheActionMeantByATypo() {
    CliRun run = CliRun.of("explain", "--policy", POLICIES + "ec2_full.json", "--action", "ec2:RunInstance");

    assertThat(run.err()).isEqualTo("iamunit explain: unknown action \"ec2:RunInstance\"; did you mean ec2:RunInstances?\n");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anInvalidPolicyIsAnInputErrorWithFileAndLine() {
    CliRun run = CliRun.of("explain", "--policy", POLICIES + "invalid_effect.json", "--action", "ec2:RunInstances");

    assertThat(run.err()).isEqualTo("iamunit explain: src/test/resources/policies/invalid_effect.json:4:15: "
        + "Effect must be \"Allow\" or \"Deny\" (case-sensitive), not \"allow\"\n");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
  }

  @Test
  void aContextWithoutEqualsIsAnInputError() {
    CliRun run = CliRun.of("explain", "--action", "ec2:RunInstances", "--context", "aws:MultiFactorAuthPresent");

    assertThat(run.err()).startsWith("iamunit explain: --context takes KEY=VALUE");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
  }

  @Test
  void repeatedContextKeysAreMultivalued() {
    CliRun run = CliRun.of("explain", "--action", "ec2:RunInstances", "--context", "aws:TagKeys=a", "--context", "aws:TagKeys=b");

    assertThat(run.out()).contains("Context: {aws:TagKeys=[a, b]}\n");
  }

  /**
   * Issue 24: a role created through an aliased provider lives in that provider's account; explain
   * finds it there and decides with that account's policies, and a name two other accounts declare
   * must be told apart.
   */
  @Test
  void explainsARoleOfAnotherAccountOfTheTemplates(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        provider "aws" { region = "eu-west-1" }
        provider "aws" {
          alias = "prod"
          assume_role { role_arn = "arn:aws:iam::111111111111:role/terraform" }
        }
        provider "aws" {
          alias = "dev"
          assume_role { role_arn = "arn:aws:iam::222222222222:role/terraform" }
        }
        resource "aws_iam_role" "deployer" {
          provider           = aws.prod
          name               = "deployer"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole",
            Principal = { AWS = "arn:aws:iam::111111111111:root" } }] })
          inline_policy {
            name   = "deploy"
            policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "Deploy", Effect = "Allow",
              Action = "s3:PutObject", Resource = "*" }] })
          }
        }
        resource "aws_iam_role" "auditor_prod" {
          provider           = aws.prod
          name               = "auditor"
          assume_role_policy = aws_iam_role.deployer.assume_role_policy
        }
        resource "aws_iam_role" "auditor_dev" {
          provider           = aws.dev
          name               = "auditor"
          assume_role_policy = aws_iam_role.deployer.assume_role_policy
        }
        """);

    CliRun run = CliRun.of("explain", "--source", dir.toString(), "--role", "deployer", "--action", "s3:PutObject");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("Request: s3:PutObject on * by arn:aws:sts::111111111111:assumed-role/deployer/iamunit")
        .contains("\nDecision: allowed by statement Deploy (");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);

    CliRun ambiguous = CliRun.of("explain", "--source", dir.toString(), "--role", "auditor", "--action", "s3:PutObject");
    assertThat(ambiguous.err()).isEqualTo("iamunit explain: role auditor is declared in 2 accounts, "
        + "111111111111, 222222222222: give the one you mean with --in-account NAME|ID\n");
    assertThat(ambiguous.exitCode()).isEqualTo(ExitCodes.INPUT);

    // The advice works: --in-account chooses the principal's account, and the sources load as before.
    CliRun chosen = CliRun.of("explain", "--source", dir.toString(), "--role", "auditor", "--in-account", "222222222222",
        "--action", "s3:PutObject");
    assertThat(chosen.err()).isEmpty();
    assertThat(chosen.out()).startsWith("Request: s3:PutObject on * by arn:aws:sts::222222222222:assumed-role/auditor/iamunit")
        .contains("\nSources: home account 123456789012 (the default: ");
    assertThat(chosen.exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }

  /**
   * Issue 24: --in-account names the principal's account as @InAccount does, through the same
   * lookup (Accounts.requireNamed): the organization's name for it, its path from the root, or its
   * id; --account, the account the sources load into, is not changed by it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"prod", "Workloads/prod", "Root/Workloads/prod", "111111111111"})
  void inAccountNamesThePrincipalsAccountAsInAccountDoes(String account, @TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), ORGANIZATION);

    CliRun run = CliRun.of("explain", "--source", dir.toString(), "--role", "deployer", "--in-account", account, "--action", "s3:PutObject");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("Request: s3:PutObject on * by arn:aws:sts::111111111111:assumed-role/deployer/iamunit")
        .contains("\nSources: home account 999999999999 (declared: the management account of the organization")
        .contains("\nDecision: allowed by statement ProdDeploys (");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void inAccountFailsClearlyOnAnAccountItCannotUse(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), ORGANIZATION);

    CliRun unknown = CliRun.of("explain", "--source", dir.toString(), "--role", "deployer", "--in-account", "staging", "--action", "s3:PutObject");
    assertThat(unknown.err()).isEqualTo("iamunit explain: --in-account staging: \"staging\" names no account of the loaded sources; they "
        + "load 999999999999, prod (111111111111), dev (222222222222): give one of their names, paths from the root or ids\n");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INPUT);

    CliRun undeclared = CliRun.of("explain", "--source", dir.toString(), "--role", "deployer", "--in-account", "dev", "--action", "s3:PutObject");
    assertThat(undeclared.err()).isEqualTo("iamunit explain: in account dev (222222222222) (--in-account dev): unknown role \"deployer\"; "
        + "the loaded templates declare no roles\n");
    assertThat(undeclared.exitCode()).isEqualTo(ExitCodes.INPUT);
  }

  /** An organization managed from 999999999999: Workloads holds prod (a deployer role) and dev (none). */
  private static final String ORGANIZATION = """
      provider "aws" { allowed_account_ids = ["999999999999"] }
      provider "aws" {
        alias = "prod"
        assume_role { role_arn = "arn:aws:iam::111111111111:role/OrganizationAccountAccessRole" }
      }
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
      resource "aws_organizations_account" "dev" {
        name      = "dev"
        email     = "dev@example.com"
        parent_id = aws_organizations_organizational_unit.workloads.id
      }
      import {
        to = aws_organizations_account.dev
        id = "222222222222"
      }
      resource "aws_iam_role" "deployer" {
        provider           = aws.prod
        name               = "deployer"
        assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole",
          Principal = { AWS = "arn:aws:iam::111111111111:root" } }] })
        inline_policy {
          name   = "deploy"
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "ProdDeploys", Effect = "Allow",
            Action = "s3:PutObject", Resource = "*" }] })
        }
      }
      """;
}
