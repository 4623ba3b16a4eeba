package dev.iamunit.iac.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.iac.AccountFolderException;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: the accounts of a load. A Terraform resource created through {@code provider =
 * aws.prod} lives in that provider's account; references (attachments, inline policies,
 * memberships) are resolved in the referencing resource's account; a repository laid out as a
 * folder per account says the account through {@link LoadOptions#withAccountFolders}.
 */
class AccountPlacementTests {

  static final String HOME = "123456789012";
  static final String PROD = "111111111111";
  static final String DEV = "222222222222";

  /** A default provider, prod through an assumed role, dev through its one allowed account id. */
  static final String PROVIDERS = """
      provider "aws" { region = "eu-west-1" }
      provider "aws" {
        alias  = "prod"
        region = "eu-west-1"
        assume_role { role_arn = "arn:aws:iam::111111111111:role/terraform" }
      }
      provider "aws" {
        alias               = "dev"
        region              = "eu-west-1"
        allowed_account_ids = ["222222222222"]
      }
      """;

  @TempDir
  Path dir;

  private LoadedSources load(String tf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), PROVIDERS + tf);
    return SourceFormats.standard().load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir).withBundledAwsManagedPolicies());
  }

  private static String deployer(String provider, String action) {
    return """
        resource "aws_iam_role" "deployer_%1$s" {
          provider           = aws.%1$s
          name               = "deployer"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole",
            Principal = { Service = "codebuild.amazonaws.com" } }] })
        }
        resource "aws_iam_role_policy" "deployer_%1$s" {
          provider = aws.%1$s
          role     = aws_iam_role.deployer_%1$s.name
          policy   = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "%2$s", Resource = "*" }] })
        }
        """.formatted(provider, action);
  }

  @Test
  void whatAnAliasedProviderCreatesLivesInItsAccount() throws IOException {
    LoadedSources loaded = load(deployer("prod", "s3:PutObject") + """
        resource "aws_iam_user" "ci" { name = "ci" }
        resource "aws_s3_bucket_policy" "artifacts" {
          provider = aws.prod
          bucket   = "prod-artifacts"
          policy   = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject",
            Principal = { AWS = "arn:aws:iam::222222222222:root" }, Resource = "arn:aws:s3:::prod-artifacts/*" }] })
        }
        """);
    Accounts accounts = loaded.accounts();

    assertThat(loaded.report().problems()).isEmpty();
    assertThat(accounts.all()).extracting(Account::id).containsExactly(HOME, PROD);
    assertThat(accounts.home().users()).containsOnlyKeys("ci");
    assertThat(accounts.home().roles()).isEmpty();
    Account prod = accounts.byId(PROD).orElseThrow();
    assertThat(prod.role("deployer").orElseThrow().arn()).isEqualTo("arn:aws:iam::111111111111:role/deployer");
    assertThat(prod.role("deployer").orElseThrow().inlinePolicies()).singleElement()
        .satisfies(p -> assertThat(p.statements().get(0).action().values()).containsExactly("s3:PutObject"));
    // An S3 ARN names no account: the bucket is the account's whose provider sets its policy.
    assertThat(prod.resourcePolicy("arn:aws:s3:::prod-artifacts")).isPresent();
    assertThat(accounts.owning("arn:aws:s3:::prod-artifacts/build.zip")).contains(prod);
    assertThat(accounts.owning("arn:aws:iam::111111111111:role/deployer")).contains(prod);
    assertThat(loaded.account()).isSameAs(accounts.home());
  }

  /**
   * Issue 20's "duplicate names per account": IAM names are unique in an account, not across
   * accounts, so a role named deployer in prod and another in dev are two roles, each with the
   * policies written for it.
   */
  @Test
  void onePrincipalNameInTwoAccountsIsTwoPrincipals() throws IOException {
    LoadedSources loaded = load(deployer("prod", "s3:PutObject") + deployer("dev", "s3:*"));

    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.report().unresolved()).isEmpty();
    assertThat(actions(loaded.accounts().byId(PROD).orElseThrow())).containsExactly("s3:PutObject");
    assertThat(actions(loaded.accounts().byId(DEV).orElseThrow())).containsExactly("s3:*");
    assertThat(loaded.accounts().byId(DEV).orElseThrow().role("deployer").orElseThrow().arn())
        .isEqualTo("arn:aws:iam::222222222222:role/deployer");
  }

  @Test
  void oneNameTwiceInOneAccountIsStillAProblem() throws IOException {
    LoadedSources loaded = load(deployer("prod", "s3:PutObject") + """
        resource "aws_iam_role" "again" {
          provider           = aws.prod
          name               = "deployer"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole",
            Principal = { Service = "ec2.amazonaws.com" } }] })
        }
        """);

    assertThat(loaded.report().problems()).singleElement().satisfies(p -> {
      assertThat(p.location().fileAndLine()).isEqualTo("main.tf:23");
      assertThat(p.message()).startsWith("role \"deployer\" is declared twice: at main.tf:12");
    });
  }

  /** An attachment made through the dev provider looks for its role in dev, not in the account that happens to hold the name. */
  @Test
  void aReferenceIsResolvedInTheAccountOfTheResourceThatMakesIt() throws IOException {
    LoadedSources loaded = load(deployer("prod", "s3:PutObject") + """
        resource "aws_iam_role_policy_attachment" "dev_admin" {
          provider   = aws.dev
          role       = "deployer"
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);

    assertThat(loaded.accounts().byId(PROD).orElseThrow().role("deployer").orElseThrow().managedPolicyArns()).isEmpty();
    assertThat(loaded.report().unresolved()).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo("aws_iam_role_policy_attachment.dev_admin");
      assertThat(u.reason()).isEqualTo("refers to role \"deployer\", which the loaded sources do not declare in account 222222222222");
    });
  }

  /** "unknown account → Unresolved, as today": the resource stays in the default account, its ARN naming the unknown value. */
  @Test
  void aProviderWhoseAccountIsUnknownLeavesItsResourcesInTheDefaultAccount() throws IOException {
    LoadedSources loaded = load("""
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

    Account home = loaded.accounts().home();
    assertThat(loaded.accounts().all()).containsExactly(home);
    assertThat(Unresolved.readable(home.user("ci").orElseThrow().arn(), home.unresolved()))
        .isEqualTo("arn:aws:iam::<unresolved: var.shared_role>:user/ci");
  }

  /**
   * When the sources place everything in one account the options do not name (a default provider
   * with {@code allowed_account_ids}), that account is the home: a single-account repository stays
   * one account, whatever account id the test left at its default.
   */
  @Test
  void sourcesOfOneAccountMakeItTheHome() throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        provider "aws" { allowed_account_ids = ["444444444444"] }
        resource "aws_iam_user" "ci" { name = "ci" }
        """);
    LoadedSources loaded = SourceFormats.standard().load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir));

    assertThat(loaded.account().id()).isEqualTo("444444444444");
    assertThat(loaded.account().user("ci")).isPresent();
    assertThat(loaded.accounts().all()).hasSize(1);
  }

  /**
   * A repository with a folder per account and nothing in the code saying which account each
   * deploys to: the mapping places each folder's principals, and the same role name in both is two
   * roles; a CloudFormation stack mapped to dev lands there too.
   */
  @Test
  void foldersMappedToAccountsLoadIntoThem() throws IOException {
    for (String env : List.of("prod", "dev")) {
      Path folder = Files.createDirectories(dir.resolve("terraform/" + env));
      Files.writeString(folder.resolve("main.tf"), deployer(env, "s3:GetObject").replace("provider = aws." + env + "\n", "")
          .replace("provider           = aws." + env + "\n", "") + """
          data "aws_caller_identity" "me" {}
          resource "aws_iam_policy" "where" {
            name   = "where"
            policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject",
              Resource = "arn:aws:s3:::${data.aws_caller_identity.me.account_id}" }] })
          }
          """);
    }
    Path stacks = Files.createDirectories(dir.resolve("stacks/dev"));
    Files.writeString(stacks.resolve("ci.yaml"), """
        Resources:
          Ci:
            Type: AWS::IAM::User
            Properties:
              UserName: ci
        """);
    LoadOptions options = LoadOptions.defaults().withProjectRoot(dir)
        .withAccountFolders(Map.of(Path.of("terraform/prod"), PROD, Path.of("terraform/dev"), DEV, Path.of("stacks/dev"), DEV));
    LoadedSources loaded = SourceFormats.standard()
        .load(List.of(dir.resolve("terraform/prod"), dir.resolve("terraform/dev"), dir.resolve("stacks/dev")), options);

    assertThat(loaded.report().problems()).isEmpty();
    Account prod = loaded.accounts().byId(PROD).orElseThrow();
    Account dev = loaded.accounts().byId(DEV).orElseThrow();
    assertThat(prod.role("deployer").orElseThrow().arn()).isEqualTo("arn:aws:iam::111111111111:role/deployer");
    assertThat(dev.role("deployer").orElseThrow().arn()).isEqualTo("arn:aws:iam::222222222222:role/deployer");
    assertThat(dev.user("ci").orElseThrow().arn()).isEqualTo("arn:aws:iam::222222222222:user/ci");
    // The caller identity is the folder's account.
    assertThat(dev.managedPolicy("arn:aws:iam::222222222222:policy/where").orElseThrow().document().statements().get(0)
        .resource().orElseThrow().values()).containsExactly("arn:aws:s3:::222222222222");
    assertThat(loaded.accounts().home().roles()).isEmpty();
  }

  /**
   * Each account has the SCP levels of its own path: "SCPs don't affect users or roles in the
   * management account" (AWS Organizations User Guide, Service control policies (SCPs)), and prod
   * under Workloads gets the root's, the OU's and its own.
   */
  @Test
  void eachAccountOfTheOrganizationHasItsOwnLevels() {
    LoadOptions options = LoadOptions.defaults()
        .withAccountFolders(Map.of(TerraformOrganizationTests.ORG, "999999999999", TerraformOrganizationTests.WORKLOAD, PROD));
    LoadedSources loaded = SourceFormats.standard()
        .load(List.of(TerraformOrganizationTests.ORG, TerraformOrganizationTests.WORKLOAD), options.withAccountId("999999999999"));

    assertThat(loaded.report().unresolved()).isEmpty();
    Accounts accounts = loaded.accounts();
    assertThat(accounts.home().id()).isEqualTo("999999999999");
    assertThat(accounts.home().organization().serviceControlPolicies()).isEmpty();
    assertThat(accounts.named("prod").orElseThrow().role("admin")).isPresent();
    assertThat(accounts.named("prod").orElseThrow().organization().serviceControlPolicies())
        .extracting(level -> level.stream().map(Policy::name).toList())
        .containsExactly(List.of("FullAWSAccess", "protect-cloudtrail"), List.of("FullAWSAccess", "region-lock"), List.of("FullAWSAccess"));
    assertThat(accounts.named("sandbox").orElseThrow().organization().serviceControlPolicies()).hasSize(2);
    assertThat(accounts.all()).extracting(Account::id).containsExactlyInAnyOrder("999999999999", PROD, DEV, "333333333333");
  }

  private static List<String> actions(Account account) {
    return account.role("deployer").orElseThrow().inlinePolicies().stream()
        .flatMap(p -> p.statements().stream()).flatMap(s -> s.action().values().stream()).toList();
  }

  /**
   * An account folder may name its account as the organization names it: the folder of
   * {@code prod} loads into the id the organization gives prod, found through the organization the
   * same sources declare. A name the organization gives no account, or two, is refused naming the
   * folder, the name and the accounts there are: which account is meant cannot be told.
   */
  @Test
  void anAccountFolderMayNameItsAccountAsTheOrganizationNamesIt() throws IOException {
    Path org = Files.createDirectories(dir.resolve("org"));
    Files.writeString(org.resolve("main.tf"), """
        resource "aws_organizations_organization" "org" { feature_set = "ALL" }
        resource "aws_organizations_account" "prod" {
          name      = "prod"
          email     = "prod@example.com"
          parent_id = aws_organizations_organization.org.roots[0].id
        }
        import {
          to = aws_organizations_account.prod
          id = "111111111111"
        }
        resource "aws_organizations_account" "prod_eu" {
          name      = "shared"
          email     = "shared-us@example.com"
          parent_id = aws_organizations_organization.org.roots[0].id
        }
        import {
          to = aws_organizations_account.prod_eu
          id = "333333333333"
        }
        resource "aws_organizations_account" "prod_us" {
          name      = "shared"
          email     = "shared-eu@example.com"
          parent_id = aws_organizations_organization.org.roots[0].id
        }
        import {
          to = aws_organizations_account.prod_us
          id = "444444444444"
        }
        """);
    Path workload = Files.createDirectories(dir.resolve("workload"));
    Files.writeString(workload.resolve("main.tf"), """
        resource "aws_iam_user" "ci" { name = "ci" }
        """);
    LoadOptions options = LoadOptions.defaults().withProjectRoot(dir);

    LoadedSources loaded = SourceFormats.standard().load(List.of(org, workload), options.withAccountFolders(Map.of(workload, "prod")));
    assertThat(loaded.accounts().byId(PROD).orElseThrow().user("ci").orElseThrow().arn()).isEqualTo("arn:aws:iam::111111111111:user/ci");
    assertThat(loaded.accounts().home().users()).isEmpty();

    assertThatThrownBy(() -> SourceFormats.standard().load(List.of(org, workload), options.withAccountFolders(Map.of(workload, "shared"))))
        .isInstanceOfSatisfying(AccountFolderException.class, e -> {
          assertThat(e.folder()).isEqualTo(workload.toAbsolutePath().normalize());
          assertThat(e.name()).isEqualTo("shared");
        })
        .hasMessage("account folder workload is mapped to \"shared\", but the organization the sources declare has 2 accounts of that "
            + "name, shared (333333333333), shared (444444444444): map the folder to an account id, or to the name or path of one account of "
            + "the organization (Workloads/prod)");
    assertThatThrownBy(() -> SourceFormats.standard().load(List.of(workload), options.withAccountFolders(Map.of(workload, "prod"))))
        .isInstanceOf(AccountFolderException.class)
        .hasMessage("account folder workload is mapped to \"prod\", but the sources declare no organization whose accounts have names: "
            + "map the folder to an account id, or to the name or path of one account of the organization (Workloads/prod)");
  }
}
