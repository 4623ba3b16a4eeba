package dev.iamunit.iac.terraform;

import dev.iamunit.iac.LoadReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Effect;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every Terraform source and plan of the shared corpus loads (MANIFEST.tsv says what each holds).
 * The counts pin what the loader finds today: statements loaded, values left unresolved, and
 * problems Terraform or AWS would reject; a change in them is a change in behaviour to review.
 *
 * <p>The three {@code examples__complete} files call their module with {@code source = "../.."},
 * which in the flattened corpus leaves the project root: each such call is unresolved, not read.
 */
class CorpusTests {

  static final Path CORPUS = Path.of(System.getProperty("iamunit.shared", "../../shared"), "corpus").toAbsolutePath().normalize();

  static LoadOptions options() {
    return LoadOptions.defaults().withProjectRoot(CORPUS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Crown-Commercial-Service__digitalmarketplace-aws__terraform__accounts__backups__access.tf | 7 | 1 | 0
      Crown-Commercial-Service__digitalmarketplace-aws__terraform__modules__iam-common__admin.tf | 1 | 1 | 0
      Crown-Commercial-Service__digitalmarketplace-aws__terraform__modules__iam-common__common_policies.tf | 5 | 4 | 0
      Crown-Commercial-Service__digitalmarketplace-aws__terraform__modules__switch-roles__developers.tf | 1 | 3 | 0
      aws-ia__terraform-aws-control_tower_account_factory__modules__aft-feature-options | 8 | 51 | 0
      aws-ia__terraform-aws-control_tower_account_factory__modules__aft-iam-roles | 5 | 32 | 3
      aws-ia__terraform-aws-vpc_endpoints__main_generated.tf.json | 0 | 852 | 0
      aws-samples__aws-scps-with-terraform | 7 | 12 | 0
      bridgecrewio__checkov__tf-checks-data__example_GithubActionsOIDCTrustPolicy__main.tf | 0 | 0 | 0
      bridgecrewio__checkov__tf-checks__example_IAMAdminPolicyDocument__iam.tf | 9 | 4 | 1
      bridgecrewio__checkov__tf-checks__example_IAMRoleAllowAssumeFromAccount__main.tf | 8 | 0 | 5
      bridgecrewio__checkov__tf-checks__example_KMSKeyWildcardPrincipal__pass.tf | 4 | 5 | 2
      bridgecrewio__checkov__tf-checks__example_S3AllowsAnyPrincipal__main.tf | 20 | 27 | 1
      bridgecrewio__checkov__tf-checks__example_SNSTopicPolicyAnyPrincipal__main.tf | 1 | 23 | 0
      bridgecrewio__checkov__tf-checks__example_SQSQueuePolicyAnyPrincipal__main.tf | 10 | 30 | 0
      bridgecrewio__checkov__tf-graph-checks__IAMPolicyNotAllowFullIAMAccess__main.tf | 12 | 16 | 5
      bridgecrewio__checkov__tf-graph-checks__IAMUsersAreMembersAtLeastOneGroup__main.tf | 0 | 0 | 1
      bridgecrewio__checkov__tf-runner__duplicate_violations__modules__main.tf | 0 | 1 | 1
      bridgecrewio__checkov__tf-runner__example__example.tf | 10 | 41 | 3
      bridgecrewio__checkov__tf-runner__plan_with_iam_data_block__main.tf | 1 | 0 | 0
      bridgecrewio__checkov__tf-runner__plan_with_iam_policies__main.tf | 5 | 1 | 0
      bridgecrewio__terragoat__terraform__aws__db-app.tf | 2 | 3 | 0
      bridgecrewio__terragoat__terraform__aws__eks.tf | 1 | 3 | 0
      bridgecrewio__terragoat__terraform__aws__es.tf | 1 | 1 | 0
      bridgecrewio__terragoat__terraform__aws__iam.tf | 1 | 2 | 0
      bridgecrewio__terragoat__terraform__aws__lambda.tf | 1 | 1 | 0
      cloudposse__terraform-aws-service-control-policies | 0 | 24 | 0
      clumio-code__terraform-clumio-aws-template | 10 | 27 | 0
      fpco__terraform-aws-foundation__modules__cross-account-role__main.tf | 1 | 1 | 0
      fpco__terraform-aws-foundation__modules__setup-meta-infrastructure | 14 | 16 | 0
      hashicorp__learn-terraform-iam-policy__main.tf | 2 | 2 | 0
      terraform-aws-modules__terraform-aws-eks__modules__fargate-profile__main.tf | 0 | 60 | 0
      terraform-aws-modules__terraform-aws-eks__modules__karpenter__policy.tf | 0 | 0 | 0
      terraform-aws-modules__terraform-aws-iam__examples__iam-group__main.tf | 1 | 4 | 0
      terraform-aws-modules__terraform-aws-iam__examples__iam-policy__main.tf | 0 | 3 | 0
      terraform-aws-modules__terraform-aws-iam__examples__iam-role__main.tf | 1 | 7 | 0
      terraform-aws-modules__terraform-aws-iam__modules__iam-assumable-role-with-saml__main.tf | 1 | 25 | 0
      terraform-aws-modules__terraform-aws-iam__modules__iam-assumable-role__main.tf | 0 | 73 | 0
      terraform-aws-modules__terraform-aws-iam__modules__iam-assumable-roles__main.tf | 0 | 63 | 0
      terraform-aws-modules__terraform-aws-iam__modules__iam-github-oidc-role__main.tf | 0 | 22 | 0
      terraform-aws-modules__terraform-aws-iam__modules__iam-group-with-assumable-roles-policy__main.tf | 1 | 15 | 0
      terraform-aws-modules__terraform-aws-iam__modules__iam-group-with-policies__policies.tf | 0 | 0 | 0
      terraform-aws-modules__terraform-aws-iam__modules__iam-group__main.tf | 0 | 50 | 0
      terraform-aws-modules__terraform-aws-iam__modules__iam-policy__main.tf | 0 | 9 | 0
      terraform-aws-modules__terraform-aws-iam__modules__iam-read-only-policy__main.tf | 0 | 11 | 0
      terraform-aws-modules__terraform-aws-iam__modules__iam-role-for-service-accounts__policies.tf | 0 | 11 | 0
      terraform-aws-modules__terraform-aws-iam__modules__iam-role__main.tf | 0 | 42 | 0
      terraform-aws-modules__terraform-aws-iam__modules__iam-user__main.tf | 0 | 51 | 0
      terraform-aws-modules__terraform-aws-kms__examples__complete__main.tf | 1 | 10 | 0
      terraform-aws-modules__terraform-aws-kms__main.tf | 0 | 45 | 0
      terraform-aws-modules__terraform-aws-lambda__examples__complete__main.tf | 0 | 15 | 0
      terraform-aws-modules__terraform-aws-lambda__iam.tf | 0 | 127 | 0
      terraform-aws-modules__terraform-aws-s3-bucket__examples__complete__main.tf | 2 | 8 | 0
      terraform-aws-modules__terraform-aws-s3-bucket__examples__s3-replication__iam.tf | 1 | 3 | 0
      terraform-aws-modules__terraform-aws-s3-bucket__main.tf | 0 | 149 | 0
      terraform-aws-modules__terraform-aws-s3-bucket__modules__notification__main.tf | 1 | 31 | 0
      terraform-aws-modules__terraform-aws-sns__main.tf | 0 | 33 | 0
      """)
  void loadsTerraformSources(String name, int statements, int unresolved, int problems) {
    LoadReport report = TerraformLoader.report(CORPUS.resolve("terraform").resolve(name), options());

    assertThat(report.statementCount()).as("statements").isEqualTo(statements);
    assertThat(report.unresolved()).as("unresolved").hasSize(unresolved)
        .allSatisfy(u -> assertThat(u.location().file()).startsWith("terraform/"));
    assertThat(report.problems()).as("problems").hasSize(problems);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      bridgecrewio__checkov__tf-checks-data__example_GithubActionsOIDCTrustPolicy__tfplan.json | 4 | 8 | 0
      bridgecrewio__checkov__tf-runner__plan__tfplan.json | 6 | 7 | 0
      bridgecrewio__checkov__tf-runner__plan_with_iam_data_block__tfplan.json | 0 | 2 | 0
      bridgecrewio__checkov__tf-runner__plan_with_iam_policies__tfplan.json | 5 | 2 | 0
      terraform-compliance__cli__functional__actions_for_each_and_modules__plan.out.json | 2 | 0 | 1
      terraform-compliance__cli__functional__test_issue-115__plan.out.json | 1 | 0 | 0
      terraform-compliance__cli__functional__test_issue-174__plan.out.json | 2 | 2 | 1
      terraform-compliance__cli__functional__test_issue-307__plan.out.json | 1 | 2 | 0
      terraform-compliance__cli__functional__test_issue_522__plan.out.json | 2 | 1 | 0
      terraform-compliance__cli__functional__test_non_created_module_resource_parameter__plan.out.json | 2 | 3 | 0
      """)
  void loadsPlans(String name, int statements, int unresolved, int problems) {
    LoadReport report = TerraformPlanLoader.report(CORPUS.resolve("tfplan").resolve(name), options());

    assertThat(report.statementCount()).as("statements").isEqualTo(statements);
    assertThat(report.unresolved()).as("unresolved").hasSize(unresolved);
    assertThat(report.problems()).as("problems").hasSize(problems);
  }

  /** A checkov fixture writes a block inside an object constructor, which Terraform rejects too. */
  @Test
  void rejectsBlockInsideObjectWithFileAndLine() {
    assertThatThrownBy(() -> TerraformLoader.report(
            CORPUS.resolve("terraform/bridgecrewio__checkov__tf-checks-data__example_StarActionPolicyDocument__main.tf"), options()))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("example_StarActionPolicyDocument__main.tf:34:16")
        .hasMessageContaining("syntax error");
  }

  // ---------------------------------------------------------------- hand-checked policies

  private static Policy only(LoadReport report, String address) {
    return report.policies().stream().filter(p -> p.address().equals(address)).findFirst().orElseThrow().policy();
  }

  /** terraform-compliance issue-115: one aws_iam_policy, Allow ec2:Describe on *. */
  @Test
  void issue115PlanPolicy() {
    Account account = TerraformPlanLoader.load(CORPUS.resolve("tfplan/terraform-compliance__cli__functional__test_issue-115__plan.out.json"), options());
    Policy policy = account.managedPolicies().values().iterator().next().document();
    Statement statement = policy.statements().get(0);
    assertThat(policy.version()).contains("2012-10-17");
    assertThat(statement.effect()).isEqualTo(Effect.ALLOW);
    assertThat(statement.action().values()).containsExactly("ec2:Describe");
    assertThat(statement.resource().orElseThrow().values()).containsExactly("*");
  }

  /** HashiCorp tutorial: heredoc with ${aws_s3_bucket.bucket.arn}, whose bucket name is a random_pet. */
  @Test
  void learnTerraformHeredocKeepsUnknownBucketNameSymbolic() {
    LoadReport report = TerraformLoader.report(CORPUS.resolve("terraform/hashicorp__learn-terraform-iam-policy__main.tf"), options());
    Policy policy = only(report, "aws_iam_policy.policy");
    assertThat(policy.statements()).hasSize(2);
    List<String> resources = policy.statements().stream()
        .flatMap(s -> s.resource().orElseThrow().values().stream()).filter(r -> !r.equals("*")).toList();
    // The partition comes from the provider's region = var.region, which this file uses but does not declare.
    assertThat(resources).isNotEmpty().allSatisfy(r -> {
      assertThat(r).startsWith("arn:").contains(":s3:::");
      assertThat(Unresolved.isIn(r)).isTrue();
    });
    assertThat(report.unresolved()).extracting(Unresolved::expression).containsExactlyInAnyOrder("random_pet.pet_name.id", "var.region");
    // The statement lines are the heredoc's lines in the .tf file.
    assertThat(policy.statements().get(0).location().line()).isGreaterThan(30);
  }

  /** checkov's plan_with_iam_policies: the .tf sources and the plan agree on every policy. */
  @Test
  void sourcesAndPlanAgree() {
    LoadReport sources = TerraformLoader.report(
        CORPUS.resolve("terraform/bridgecrewio__checkov__tf-runner__plan_with_iam_policies__main.tf"), options());
    LoadReport plan = TerraformPlanLoader.report(
        CORPUS.resolve("tfplan/bridgecrewio__checkov__tf-runner__plan_with_iam_policies__tfplan.json"), options());
    for (LoadReport.LoadedPolicy fromPlan : plan.policies()) {
      Policy fromSources = only(sources, fromPlan.address());
      assertThat(shape(fromSources)).as(fromPlan.address()).isEqualTo(shape(fromPlan.policy()));
    }
  }

  private static List<String> shape(Policy policy) {
    return policy.statements().stream()
        .map(s -> s.effect() + " " + s.action().values() + " " + s.resource().map(r -> r.values().toString()).orElse("")
            + " " + s.conditions())
        .toList();
  }
}
