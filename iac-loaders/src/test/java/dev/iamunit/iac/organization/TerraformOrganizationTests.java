package dev.iamunit.iac.organization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.Policy;
import dev.iamunit.testfiles.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 24, first slice: the organization tree from Terraform. {@code organization/terraform/org}
 * declares a root (protect-CloudTrail SCP and an RCP), a Workloads OU (region-lock SCP) with prod
 * (111111111111) and dev (222222222222), and sandbox (333333333333) under the root;
 * {@code workload} an administrator role the test places in one of them by its account id.
 */
class TerraformOrganizationTests {

  static final Path ORG = Path.of("src/test/resources/organization/terraform/org");
  static final Path WORKLOAD = Path.of("src/test/resources/organization/terraform/workload");
  static final String PROD = "111111111111";
  static final String SANDBOX = "333333333333";
  static final String MANAGEMENT = "999999999999";

  @TempDir
  Path dir;

  static LoadedSources load(String accountId, Path... sources) {
    return SourceFormats.standard().load(List.of(sources), LoadOptions.defaults().withAccountId(accountId));
  }

  static Decision admin(Account account, String action, String resource, String region) {
    Caller caller = Caller.roleSession(account, "admin", "test");
    return Evaluator.standard().explain(caller.request(action, resource, CredentialKind.ASSUMED_ROLE, Instant.parse("2026-01-01T00:00:00Z"),
        Map.of("aws:RequestedRegion", List.of(region))));
  }

  @Test
  void theTreeIsTheRootTheWorkloadsOuAndItsAccounts() {
    OrganizationTree tree = load(PROD, ORG, WORKLOAD).account().organization().tree().orElseThrow();

    assertThat(tree.units()).singleElement().satisfies(u -> {
      assertThat(u.name()).isEqualTo("Workloads");
      assertThat(u.parentId()).isEqualTo(tree.rootId());
    });
    assertThat(tree.accounts()).extracting(OrganizationTree.Member::name, OrganizationTree.Member::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("prod", PROD),
            org.assertj.core.groups.Tuple.tuple("dev", "222222222222"),
            org.assertj.core.groups.Tuple.tuple("sandbox", SANDBOX));
    // sandbox gives no parent_id: "Defaults to the Organization default Root ID" (AWS provider, aws_organizations_account).
    assertThat(tree.account(SANDBOX).orElseThrow().parentId()).isEqualTo(tree.rootId());
    assertThat(tree.path(PROD)).contains(List.of(tree.rootId(), tree.units().get(0).id(), PROD));
    assertThat(tree.scpRule()).isEqualTo(OrganizationTree.ScpRule.AWS_DEFAULT);
    assertThat(tree.rcpsEnabled()).isTrue();
  }

  @Test
  void prodsLevelsAreRootOuAndAccountEachWithFullAwsAccessByDefault() {
    Account prod = load(PROD, ORG, WORKLOAD).account();

    List<List<Policy>> scps = prod.organization().serviceControlPolicies();
    assertThat(scps).hasSize(3);
    assertThat(scps.get(0)).extracting(Policy::name).containsExactly("FullAWSAccess", "protect-cloudtrail");
    assertThat(scps.get(1)).extracting(Policy::name).containsExactly("FullAWSAccess", "region-lock");
    assertThat(scps.get(2)).extracting(Policy::name).containsExactly("FullAWSAccess");
    assertThat(prod.organization().resourceControlPolicies()).extracting(level -> level.stream().map(Policy::name).toList())
        .containsExactly(List.of("deny-insecure-transport"), List.of(), List.of());
  }

  /** The question the issue starts from: can an administrator in a workload account stop CloudTrail? */
  @ParameterizedTest(name = "{0} {1} in {2}: {3}")
  @CsvSource({
      "111111111111, cloudtrail:StopLogging, eu-west-1, EXPLICIT_DENY",  // root SCP
      "111111111111, s3:GetObject,           us-east-1, EXPLICIT_DENY",  // the Workloads OU's region lock
      "111111111111, s3:GetObject,           eu-west-1, ALLOWED",
      "111111111111, iam:CreateUser,         us-east-1, ALLOWED",        // NotAction: IAM is global
      "333333333333, s3:GetObject,           us-east-1, ALLOWED",        // sandbox is not under Workloads
      "333333333333, cloudtrail:StopLogging, us-east-1, EXPLICIT_DENY",  // but under the root
      "999999999999, cloudtrail:StopLogging, us-east-1, ALLOWED",        // the management account
  })
  void anAdministratorsDecisionsFollowItsAccountsPlaceInTheTree(String accountId, String action, String region, Outcome expected) {
    LoadedSources loaded = load(accountId, ORG, WORKLOAD);
    Decision decision = admin(loaded.account(), action, "*", region);

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
    assertThat(loaded.report().unresolved()).as("placed, nothing left unresolved").isEmpty();
  }

  /**
   * "SCPs don't affect users or roles in the management account" (AWS Organizations User Guide,
   * Service control policies (SCPs)); "The account whose user is calling the CreateOrganization
   * operation automatically becomes the management account" (API Reference, CreateOrganization):
   * the account whose sources create the organization, when the test does not place it among the
   * members.
   */
  @Test
  void theManagementAccountIsNotRestricted() {
    Account management = load(MANAGEMENT, ORG, WORKLOAD).account();

    assertThat(management.organization().tree().orElseThrow().managementAccountId()).contains(MANAGEMENT);
    assertThat(management.organization().serviceControlPolicies()).isEmpty();
    assertThat(management.organization().resourceControlPolicies()).isEmpty();
  }

  /**
   * An allow list: "If you want to replace the default FullAWSAccess policy with an SCP that limits
   * the permissions that can be delegated, you must attach the replacement SCP before you can
   * remove the default SCP. This is the authorization strategy of an 'allow list'" (AWS
   * Organizations API Reference, DetachPolicy). A configuration that attaches p-FullAWSAccess
   * itself manages its attachments: where it does not attach it, only the declared SCPs allow.
   */
  @Test
  void anAllowListManagesFullAwsAccessAttachmentsItself() throws IOException {
    Path org = FileTrees.copy(ORG, dir.resolve("org"));
    Files.writeString(org.resolve("allow-list.tf"), """
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
    LoadedSources loaded = load(PROD, org, WORKLOAD);
    OrganizationTree tree = loaded.account().organization().tree().orElseThrow();

    assertThat(tree.scpRule()).isEqualTo(OrganizationTree.ScpRule.MANAGED);
    assertThat(loaded.account().organization().serviceControlPolicies().get(1)).extracting(Policy::name)
        .containsExactlyInAnyOrder("region-lock", "allow-s3");
    assertThat(admin(loaded.account(), "s3:GetObject", "*", "eu-west-1").outcome()).isEqualTo(Outcome.ALLOWED);
    Decision sqs = admin(loaded.account(), "sqs:SendMessage", "*", "eu-west-1");
    assertThat(sqs.outcome()).as(DecisionText.explained(sqs)).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(DecisionText.explained(sqs)).contains("organization level 1");
  }

  @Test
  void anAttachmentToATargetOutsideTheTreeIsUnresolvedWithItsLine() throws IOException {
    Path org = FileTrees.copy(ORG, dir.resolve("org"));
    Files.writeString(org.resolve("elsewhere.tf"), """
        resource "aws_organizations_policy_attachment" "elsewhere" {
          policy_id = aws_organizations_policy.region_lock.id
          target_id = "ou-abcd-12345678"
        }
        """);
    LoadedSources loaded = load(PROD, org, WORKLOAD);

    assertThat(loaded.report().unresolved()).singleElement().satisfies(u -> {
      assertThat(u.location().file()).endsWith("elsewhere.tf");
      assertThat(u.location().line()).isEqualTo(1);
      assertThat(u.reason()).contains("region-lock", "ou-abcd-12345678", "neither the root, an OU nor an account");
    });
  }

  @Test
  void anAccountTheTreeDoesNotHoldIsReportedWhenTheSourcesDoNotCreateTheOrganization() throws IOException {
    Path org = FileTrees.copy(ORG, dir.resolve("org"));
    String main = Files.readString(org.resolve("main.tf"));
    // The organization exists already: its root is read, not created.
    Files.writeString(org.resolve("main.tf"), main
        .replace("resource \"aws_organizations_organization\" \"org\"", "data \"aws_organizations_organization\" \"org\"")
        .replace("aws_organizations_organization.org", "data.aws_organizations_organization.org"));
    LoadedSources loaded = load("444444444444", org, WORKLOAD);

    assertThat(loaded.account().organization().serviceControlPolicies()).isEmpty();
    assertThat(loaded.report().unresolved()).anySatisfy(u -> assertThat(u.reason())
        .contains("444444444444 is not an account of the organization", "prod " + PROD));
    // The root is told from the parents: the one parent that is not an OU.
    Account prod = load(PROD, org, WORKLOAD).account();
    assertThat(prod.organization().serviceControlPolicies()).hasSize(3);
    assertThat(prod.organization().tree().map(OrganizationTree::managementAccountId)).contains(Optional.empty());
  }

  /** "SCPs don't affect service-linked roles" (AWS Organizations User Guide, Service control policies (SCPs)). */
  @Test
  void aServiceLinkedRoleIsNotRestrictedBySCPs() throws IOException {
    Path workload = dir.resolve("slr");
    Files.createDirectories(workload);
    Files.writeString(workload.resolve("main.tf"), Files.readString(WORKLOAD.resolve("main.tf"))
        .replace("name = \"admin\"", "name = \"admin\"\n  path = \"/aws-service-role/example.amazonaws.com/\""));
    Account prod = load(PROD, ORG, workload).account();

    assertThat(admin(prod, "cloudtrail:StopLogging", "*", "eu-west-1").outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(admin(load(PROD, ORG, WORKLOAD).account(), "cloudtrail:StopLogging", "*", "eu-west-1").outcome())
        .isEqualTo(Outcome.EXPLICIT_DENY);
  }
}
