package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The AWS provider configuration decides the region, account and partition resources and data
 * sources see. The region values were checked with Terraform 1.11 and the AWS provider 5.100
 * ({@code terraform plan}: {@code data.aws_region} gives the provider's region, or the region its
 * {@code name} selects; an aliased provider's for a block with {@code provider = aws.alias}).
 */
class ProviderTests {

  private static final String FAKE_CREDENTIALS = """
        access_key                  = "AKIAFAKE"
        secret_key                  = "fake"
        skip_credentials_validation = true
        skip_requesting_account_id  = true
        skip_metadata_api_check     = true
      """;

  @TempDir
  Path dir;

  private LoadReport load(String tf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    return TerraformLoader.report(dir, LoadOptions.defaults().withProjectRoot(dir));
  }

  /** The policy {@code aws_iam_policy.show} lists {@code local.shown} as its resources, one statement each. */
  private static final String SHOW = """
      resource "aws_iam_policy" "show" {
        name   = "show"
        policy = jsonencode({
          Version   = "2012-10-17"
          Statement = [for s in local.shown : { Effect = "Allow", Action = "s3:GetObject", Resource = s }]
        })
      }
      """;

  private static List<Statement> shown(LoadReport report, String address) {
    assertThat(report.problems()).isEmpty();
    return report.policies().stream().filter(p -> p.address().equals(address)).findFirst().orElseThrow().policy().statements();
  }

  private static List<String> resources(LoadReport report, String address) {
    return shown(report, address).stream().map(s -> s.resource().orElseThrow().values().get(0)).toList();
  }

  @Test
  void providerRegionReachesDataSourcesAndArns() throws IOException {
    LoadReport report = load("""
        provider "aws" {
          region = "eu-west-1"
        """ + FAKE_CREDENTIALS + """
        }
        data "aws_region" "current" {}
        data "aws_caller_identity" "current" {}
        data "aws_partition" "current" {}
        resource "aws_sqs_queue" "q" { name = "q" }
        locals {
          shown = [
            "arn:${data.aws_partition.current.partition}:states:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:stateMachine:x",
            "arn:aws:events:${data.aws_region.current.id}:${data.aws_caller_identity.current.account_id}:rule/x",
            aws_sqs_queue.q.arn,
          ]
        }
        """ + SHOW);
    assertThat(report.unresolved()).isEmpty();
    assertThat(resources(report, "aws_iam_policy.show")).containsExactly(
        "arn:aws:states:eu-west-1:123456789012:stateMachine:x",
        "arn:aws:events:eu-west-1:123456789012:rule/x",
        "arn:aws:sqs:eu-west-1:123456789012:q");
  }

  @Test
  void serviceNameWithTheProviderRegion() throws IOException {
    LoadReport report = load("""
        provider "aws" { region = "eu-west-1" }
        data "aws_region" "current" {}
        resource "aws_iam_role" "sfn" {
          name = "sfn"
          assume_role_policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "states.${data.aws_region.current.name}.amazonaws.com" } }]
          })
        }
        """);
    Statement trust = report.policies().stream().filter(p -> p.address().equals("aws_iam_role.sfn")).findFirst().orElseThrow()
        .policy().statements().get(0);
    assertThat(trust.principal().orElseThrow().byType()).containsEntry("Service", List.of("states.eu-west-1.amazonaws.com"));
  }

  @Test
  void regionDataSourceWithANameIsThatRegion() throws IOException {
    // terraform plan: data.aws_region.named.name = "ap-south-1" whatever the provider's region.
    LoadReport report = load("""
        provider "aws" { region = "eu-west-1" }
        data "aws_region" "named" { name = "eu-central-1" }
        locals { shown = ["arn:aws:events:${data.aws_region.named.name}:123456789012:rule/x"] }
        """ + SHOW);
    assertThat(resources(report, "aws_iam_policy.show")).containsExactly("arn:aws:events:eu-central-1:123456789012:rule/x");
  }

  @Test
  void aliasedProviderGivesItsRegionAndTheAccountOfTheRoleItAssumes() throws IOException {
    LoadReport report = load("""
        provider "aws" { region = "eu-west-1" }
        provider "aws" {
          alias  = "audit"
          region = "eu-central-1"
          assume_role { role_arn = "arn:aws:iam::999999999999:role/x" }
        }
        provider "aws" {
          alias  = "web"
          assume_role_with_web_identity { role_arn = "arn:aws:iam::888888888888:role/ci" }
        }
        data "aws_caller_identity" "default" {}
        data "aws_caller_identity" "audit" { provider = aws.audit }
        data "aws_caller_identity" "web" { provider = aws.web }
        resource "aws_sns_topic" "audit" {
          provider = aws.audit
          name     = "audit"
        }
        locals {
          shown = [
            "arn:aws:s3:::${data.aws_caller_identity.default.account_id}",
            "arn:aws:s3:::${data.aws_caller_identity.audit.account_id}",
            "arn:aws:s3:::${data.aws_caller_identity.web.account_id}",
            aws_sns_topic.audit.arn,
          ]
        }
        """ + SHOW);
    assertThat(report.unresolved()).isEmpty();
    assertThat(resources(report, "aws_iam_policy.show")).containsExactly(
        "arn:aws:s3:::123456789012", "arn:aws:s3:::999999999999", "arn:aws:s3:::888888888888",
        "arn:aws:sns:eu-central-1:999999999999:audit");
  }

  @Test
  void modulesInheritTheDefaultProviderOrTheOnesTheirCallerPasses() throws IOException {
    Files.createDirectories(dir.resolve("child"));
    Files.writeString(dir.resolve("child/main.tf"), """
        data "aws_region" "current" {}
        locals { shown = ["arn:aws:events:${data.aws_region.current.name}:123456789012:rule/x"] }
        """ + SHOW.replace("name   = \"show\"", "name   = \"show-${data.aws_region.current.name}\""));
    LoadReport report = load("""
        provider "aws" { region = "eu-west-1" }
        provider "aws" {
          alias  = "fra"
          region = "eu-central-1"
        }
        module "inherits" { source = "./child" }
        module "passed" {
          source    = "./child"
          providers = { aws = aws.fra }
        }
        """);
    assertThat(resources(report, "module.inherits.aws_iam_policy.show")).containsExactly("arn:aws:events:eu-west-1:123456789012:rule/x");
    assertThat(resources(report, "module.passed.aws_iam_policy.show")).containsExactly("arn:aws:events:eu-central-1:123456789012:rule/x");
  }

  @Test
  void regionFromAnUnsetVariableIsUnresolvedNotTheDefault() throws IOException {
    LoadReport report = load("""
        variable "region" { type = string }
        provider "aws" { region = var.region }
        data "aws_region" "current" {}
        locals { shown = ["arn:aws:events:${data.aws_region.current.name}:123456789012:rule/x"] }
        """ + SHOW);
    Statement statement = shown(report, "aws_iam_policy.show").get(0);
    assertThat(statement.resource().orElseThrow().values().get(0)).doesNotContain("us-east-1");
    Unresolved region = statement.unresolved().get(0);
    assertThat(region.expression()).isEqualTo("var.region");
    assertThat(region.location().fileAndLine()).isEqualTo("main.tf:2");
    assertThat(region.reason()).isEqualTo("variable \"region\" has no default and was given no value");
    assertThat(report.unresolved()).contains(region);
  }

  @Test
  void partitionFollowsTheRegion() throws IOException {
    LoadReport report = load("""
        provider "aws" { region = "cn-north-1" }
        data "aws_partition" "current" {}
        data "aws_caller_identity" "current" {}
        locals { shown = ["arn:${data.aws_partition.current.partition}:s3:::${data.aws_partition.current.dns_suffix}"] }
        """ + SHOW);
    assertThat(resources(report, "aws_iam_policy.show")).containsExactly("arn:aws-cn:s3:::amazonaws.com.cn");
  }

  @Test
  void theOnlyAllowedAccountIsTheAccountAndNamesThePrincipals() throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        provider "aws" {
          region              = "eu-west-1"
          allowed_account_ids = ["222222222222"]
        }
        data "aws_caller_identity" "current" {}
        resource "aws_iam_user" "u" { name = "u" }
        locals { shown = ["arn:aws:s3:::${data.aws_caller_identity.current.account_id}"] }
        """ + SHOW);
    Account.Builder builder = Account.builder();
    LoadReport report = TerraformLoader.loadInto(dir, LoadOptions.defaults().withProjectRoot(dir), builder);
    assertThat(resources(report, "aws_iam_policy.show")).containsExactly("arn:aws:s3:::222222222222");
    Account account = builder.build();
    assertThat(account.id()).isEqualTo("222222222222");
    assertThat(account.region()).isEqualTo("eu-west-1");
    assertThat(account.user("u").orElseThrow().arn()).isEqualTo("arn:aws:iam::222222222222:user/u");
  }

  @Test
  void severalAllowedAccountsWithoutTheLoadedOneAreUnresolved() throws IOException {
    LoadReport report = load("""
        provider "aws" {
          allowed_account_ids = ["222222222222", "333333333333"]
        }
        data "aws_caller_identity" "current" {}
        locals { shown = ["arn:aws:s3:::${data.aws_caller_identity.current.account_id}"] }
        """ + SHOW);
    Unresolved account = shown(report, "aws_iam_policy.show").get(0).unresolved().get(0);
    assertThat(account.expression()).isEqualTo("provider aws account");
    assertThat(account.location().fileAndLine()).isEqualTo("main.tf:2");
    assertThat(account.reason()).isEqualTo("provider aws may use any of the accounts [222222222222, 333333333333] and the loaded"
        + " account 123456789012 is not one of them; give the account the test runs as (@IamTest accountId, the CLI's --account, the Maven plugin's <accountId>)");
  }

  @Test
  void assumedRoleOutsideTheAllowedAccountsIsAProblem() throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        provider "aws" {
          allowed_account_ids = ["222222222222"]
          assume_role { role_arn = "arn:aws:iam::999999999999:role/x" }
        }
        """);
    LoadReport report = TerraformLoader.report(dir, LoadOptions.defaults().withProjectRoot(dir));
    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.location().fileAndLine()).isEqualTo("main.tf:1");
      assertThat(p.message()).isEqualTo("provider aws assumes a role in account 999999999999, which its allowed_account_ids"
          + " [222222222222] do not allow; Terraform refuses to plan with it");
    });
  }

  @Test
  void undeclaredProviderAliasIsUnresolved() throws IOException {
    LoadReport report = load("""
        data "aws_region" "x" { provider = aws.nowhere }
        locals { shown = ["arn:aws:events:${data.aws_region.x.name}:123456789012:rule/x"] }
        """ + SHOW);
    Unresolved region = shown(report, "aws_iam_policy.show").get(0).unresolved().get(0);
    assertThat(region.expression()).isEqualTo("aws.nowhere region");
    assertThat(region.location().fileAndLine()).isEqualTo("main.tf:1");
    assertThat(region.reason()).isEqualTo("uses provider configuration aws.nowhere, which no provider block declares;"
        + " Terraform refuses to plan without it");
  }

  @Test
  void withoutAProviderBlockTheLoadOptionsDecide() throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        data "aws_region" "current" {}
        data "aws_caller_identity" "current" {}
        locals { shown = ["arn:aws:events:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:rule/x"] }
        """ + SHOW);
    LoadReport report = TerraformLoader.report(dir, LoadOptions.defaults().withProjectRoot(dir).withRegion("sa-east-1")
        .withAccountId("444444444444"));
    assertThat(resources(report, "aws_iam_policy.show")).containsExactly("arn:aws:events:sa-east-1:444444444444:rule/x");
  }

  private Account account(String tf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    Account.Builder builder = Account.builder();
    LoadReport report = TerraformLoader.loadInto(dir, LoadOptions.defaults().withProjectRoot(dir), builder);
    assertThat(report.problems()).isEmpty();
    return builder.build();
  }

  /** Every account the configuration deploys into, through the one loading path. */
  private Accounts accounts(String tf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    LoadedSources loaded = SourceFormats.standard().load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir));
    assertThat(loaded.report().problems()).isEmpty();
    return loaded.accounts();
  }

  @Test
  void resourcesOnAnAliasedProviderAreInItsAccountAndRegion() throws IOException {
    Files.createDirectories(dir.resolve("child"));
    Files.writeString(dir.resolve("child/main.tf"), """
        resource "aws_iam_role" "deployer" {
          name               = "deployer"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole",
            Principal = { Service = "codebuild.amazonaws.com" } }] })
        }
        """);
    Accounts accounts = accounts("""
        provider "aws" { region = "eu-west-1" }
        provider "aws" {
          alias  = "shared"
          region = "us-west-2"
          assume_role { role_arn = "arn:aws:iam::999999999999:role/terraform" }
        }
        resource "aws_iam_user" "ci" {
          provider = aws.shared
          name     = "ci"
        }
        resource "aws_iam_policy" "deploy" {
          provider = aws.shared
          name     = "deploy"
          policy   = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
        }
        resource "aws_iam_user_policy_attachment" "deploy" {
          provider   = aws.shared
          user       = aws_iam_user.ci.name
          policy_arn = aws_iam_policy.deploy.arn
        }
        resource "aws_lambda_permission" "invoke" {
          provider      = aws.shared
          function_name = "worker"
          principal     = "events.amazonaws.com"
          action        = "lambda:InvokeFunction"
        }
        resource "aws_kms_key" "shared" { provider = aws.shared }
        module "shared" {
          source    = "./child"
          providers = { aws = aws.shared }
        }
        """);
    // What the alias creates is in the alias's account, the only one the sources place anything in.
    assertThat(accounts.all()).extracting(Account::id).containsExactly("999999999999");
    Account account = accounts.home();
    assertThat(account.region()).isEqualTo("us-west-2");
    assertThat(account.user("ci").orElseThrow().arn()).isEqualTo("arn:aws:iam::999999999999:user/ci");
    assertThat(account.managedPolicy("arn:aws:iam::999999999999:policy/deploy")).isPresent();
    assertThat(account.user("ci").orElseThrow().managedPolicyArns()).containsExactly("arn:aws:iam::999999999999:policy/deploy");
    assertThat(account.role("deployer").orElseThrow().arn()).isEqualTo("arn:aws:iam::999999999999:role/deployer");
    assertThat(account.resourcePolicy("arn:aws:lambda:us-west-2:999999999999:function:worker")).isPresent();
    // AWS KMS's default key policy trusts "the AWS account that owns the KMS key" (AWS KMS Developer Guide, "Default key policy").
    assertThat(account.resourcePolicies()).hasEntrySatisfying(
        account.resourcePolicies().keySet().stream().filter(k -> k.startsWith("arn:aws:kms:")).findFirst().orElseThrow(),
        policy -> assertThat(policy.statements().get(0).principal().orElseThrow().byType().get("AWS"))
            .containsExactly("arn:aws:iam::999999999999:root"));
    assertThat(account.resourcePolicies().keySet()).anySatisfy(k -> assertThat(k).startsWith("arn:aws:kms:us-west-2:999999999999:key/"));
    assertThat(account.unresolved()).singleElement().satisfies(u -> assertThat(u.expression()).isEqualTo("aws_kms_key.shared.key_id"));
  }

  /**
   * An account takes the region of the provider that creates its resources: the default aws:RequestedRegion
   * of its principals' requests, and the region of its default resources. An account whose resources
   * two providers of two regions create keeps the load's region: the model holds one per account.
   */
  @Test
  void eachAccountHasTheRegionOfTheProviderThatCreatesItsResources() throws IOException {
    Accounts accounts = accounts("""
        provider "aws" { region = "eu-west-1" }
        provider "aws" {
          alias  = "prod"
          region = "eu-central-1"
          assume_role { role_arn = "arn:aws:iam::111111111111:role/terraform" }
        }
        provider "aws" {
          alias  = "dev_us"
          region = "us-west-2"
          assume_role { role_arn = "arn:aws:iam::222222222222:role/terraform" }
        }
        provider "aws" {
          alias  = "dev_eu"
          region = "eu-west-3"
          assume_role { role_arn = "arn:aws:iam::222222222222:role/terraform" }
        }
        resource "aws_iam_user" "here" { name = "here" }
        resource "aws_iam_user" "prod" {
          provider = aws.prod
          name     = "ops"
        }
        resource "aws_iam_user" "dev_us" {
          provider = aws.dev_us
          name     = "us"
        }
        resource "aws_iam_user" "dev_eu" {
          provider = aws.dev_eu
          name     = "eu"
        }
        """);

    assertThat(accounts.byId(Account.DEFAULT_ID).orElseThrow().region()).isEqualTo("eu-west-1");
    assertThat(accounts.byId("111111111111").orElseThrow().region()).isEqualTo("eu-central-1");
    assertThat(accounts.byId("222222222222").orElseThrow().region()).isEqualTo(Account.DEFAULT_REGION);
  }

  /**
   * The single-account path ({@code TerraformLoader.loadInto} an {@code Account.Builder}) holds the
   * default provider's account only: what an aliased provider creates in another account is not
   * merged into it, where a test would find a principal in the wrong account, but reported there,
   * with the place of its first declaration.
   */
  @Test
  void aLoadOfOneAccountHoldsOnlyThatAccountAndReportsWhatGoesElsewhere() throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        provider "aws" { region = "eu-west-1" }
        provider "aws" {
          alias  = "shared"
          assume_role { role_arn = "arn:aws:iam::999999999999:role/terraform" }
        }
        resource "aws_iam_user" "here" { name = "here" }
        resource "aws_iam_user" "ci" {
          provider = aws.shared
          name     = "ci"
        }
        """);
    Account.Builder builder = Account.builder();
    LoadReport report = TerraformLoader.loadInto(dir, LoadOptions.defaults().withProjectRoot(dir), builder);
    Account account = builder.build();

    assertThat(account.id()).isEqualTo(Account.DEFAULT_ID);
    assertThat(account.users()).containsOnlyKeys("here");
    assertThat(report.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo("account 999999999999");
      assertThat(u.location().toString()).endsWith("main.tf:7:1 (aws_iam_user.ci)");
      assertThat(u.reason()).startsWith("declares what goes in account 999999999999 (this and what follows there), which a load of account "
          + Account.DEFAULT_ID + " alone does not hold");
    });
  }

  /** A resource policy set by name is at the ARN of the aliased provider's partition, region and account, not the load's. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      aws_backup_vault_policy                     | backup_vault_name = "vault"           | arn:aws-cn:backup:cn-north-1:999999999999:backup-vault:vault
      aws_codeartifact_domain_permissions_policy  | domain = "tools"                      | arn:aws-cn:codeartifact:cn-north-1:999999999999:domain/tools
      aws_codeartifact_domain_permissions_policy  | domain = "tools"; domain_owner = "777777777777" | arn:aws-cn:codeartifact:cn-north-1:777777777777:domain/tools
      aws_glue_resource_policy                    | #                                     | arn:aws-cn:glue:cn-north-1:999999999999:catalog
      aws_ecr_repository_policy                   | repository = "app"                    | arn:aws-cn:ecr:cn-north-1:999999999999:repository/app
      aws_ecrpublic_repository_policy             | repository_name = "app"               | arn:aws-cn:ecr-public::999999999999:repository/app
      """)
  void namedResourcePoliciesOfAnAliasedProviderAreInItsPartitionRegionAndAccount(String type, String arguments, String arn)
      throws IOException {
    String policy = type.startsWith("aws_ecr") ? "{ Effect = \"Allow\", Principal = \"*\", Action = \"ecr:*\" }"
        : "{ Effect = \"Allow\", Principal = \"*\", Action = \"*\", Resource = \"*\" }";
    String argument = type.startsWith("aws_codeartifact") ? "policy_document" : "policy";
    Accounts accounts = accounts("""
        provider "aws" { region = "eu-west-1" }
        provider "aws" {
          alias  = "china"
          region = "cn-north-1"
          assume_role { role_arn = "arn:aws-cn:iam::999999999999:role/terraform" }
        }
        resource "%s" "x" {
          provider = aws.china
          %s
          %s = jsonencode({ Version = "2012-10-17", Statement = [%s] })
        }
        """.formatted(type, arguments.replace("; ", "\n  "), argument, policy));

    assertThat(accounts.all()).flatMap(a -> a.resourcePolicies().keySet()).containsExactly(arn);
    assertThat(accounts.all()).flatMap(Account::unresolved).isEmpty();
  }

  @Test
  void anAliasWhoseAccountIsUnknownGivesUnresolvedArnsNotTheDefault() throws IOException {
    Account account = account("""
        variable "shared_role" { type = string }
        provider "aws" {
          alias = "shared"
          assume_role { role_arn = var.shared_role }
        }
        resource "aws_iam_user" "ci" {
          provider = aws.shared
          name     = "ci"
        }
        """);
    String arn = account.user("ci").orElseThrow().arn();
    assertThat(arn).doesNotContain("123456789012").startsWith("arn:aws:iam::").endsWith(":user/ci");
    assertThat(Unresolved.readable(arn, account.unresolved())).isEqualTo("arn:aws:iam::<unresolved: var.shared_role>:user/ci");
    assertThat(account.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.location().fileAndLine()).isEqualTo("main.tf:4");
      assertThat(u.reason()).isEqualTo("variable \"shared_role\" has no default and was given no value");
    });
  }
}
