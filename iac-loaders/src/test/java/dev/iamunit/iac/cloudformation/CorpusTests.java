package dev.iamunit.iac.cloudformation;

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
import dev.iamunit.model.Role;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every CloudFormation template of the shared corpus loads (MANIFEST.tsv says what each holds). The
 * counts pin what the loader finds today: statements loaded, values left unresolved, and problems
 * CloudFormation, SAM or AWS would reject; a change in them is a change in behaviour to review.
 */
class CorpusTests {

  static final Path CORPUS = Path.of(System.getProperty("iamunit.shared", "../../shared"), "corpus").toAbsolutePath().normalize();

  static LoadOptions options() {
    return LoadOptions.defaults().withProjectRoot(CORPUS);
  }

  static LoadReport report(String name) {
    return CloudFormationLoader.report(List.of(CORPUS.resolve("cloudformation").resolve(name)), options());
  }

  /**
   * Files under invalid/ that still load: their mistakes are ones IAMUnit does not check (limits on
   * counts, unknown actions, cfn-lint style rules), or, for parse_invalid_map.yaml, YAML that
   * snakeyaml reads as the single-pair mapping the YAML spec allows in a flow sequence.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      aws-cloudformation__aws-cloudformation-templates__AutoScaling__AutoScalingRollingUpdates.json | 2 | 1 | 0
      aws-cloudformation__aws-cloudformation-templates__CloudFormation__StackSets__log-setup-management.yaml | 4 | 2 | 0
      aws-cloudformation__aws-cloudformation-templates__CloudFormation__StackSets__log-setup-target-accounts.json | 3 | 2 | 0
      aws-cloudformation__aws-cloudformation-templates__CloudFormation__StackSets__log-setup-target-accounts.yaml | 3 | 2 | 0
      aws-cloudformation__aws-cloudformation-templates__CloudFormation__StackSets__templates__common-resources-stackset.yaml | 0 | 1 | 0
      aws-cloudformation__aws-cloudformation-templates__Config__Config.yaml | 8 | 6 | 0
      aws-cloudformation__aws-cloudformation-templates__ECS__ECS_Schedule_Example.yaml | 9 | 5 | 0
      aws-cloudformation__aws-cloudformation-templates__ElasticLoadBalancing__ELB_Access_Logs_And_Connection_Draining.json | 2 | 1 | 0
      aws-cloudformation__aws-cloudformation-templates__NeptuneDB__Neptune.yaml | 4 | 0 | 0
      aws-cloudformation__aws-cloudformation-templates__RainModules__bucket-policy.yml | 2 | 1 | 0
      aws-cloudformation__aws-cloudformation-templates__S3__compliant-bucket.yaml | 10 | 2 | 0
      aws-cloudformation__aws-cloudformation-templates__S3__s3-bucket-and-policy-for-caa-v1.json | 3 | 2 | 0
      aws-cloudformation__aws-cloudformation-templates__Solutions__CloudFrontCustomOriginLambda@Edge__CloudFront.yaml | 7 | 4 | 0
      aws-cloudformation__aws-cloudformation-templates__Solutions__GitLab__GitLabServer.yaml | 2 | 1 | 0
      aws-cloudformation__aws-cloudformation-templates__Solutions__S3CrossAccountReplicationWithKMS__templates__destination.yaml | 4 | 2 | 0
      aws-cloudformation__aws-cloudformation-templates__Solutions__S3CrossAccountReplicationWithKMS__templates__source.json | 6 | 2 | 0
      aws-cloudformation__aws-cloudformation-templates__Solutions__VPCFlowLogs__templates__VPCFlowLogsS3.cfn.yaml | 3 | 1 | 0
      aws-cloudformation__aws-cloudformation-templates__Solutions__WebApp__webapp.yaml | 28 | 7 | 0
      aws-cloudformation__aws-cloudformation-templates__aws__services__IAM__IAM_Users_Groups_and_Policies.json | 2 | 3 | 0
      aws-cloudformation__aws-cloudformation-templates__aws__services__IAM__IAM_Users_Groups_and_Policies.yaml | 2 | 3 | 0
      aws-cloudformation__aws-cloudformation-templates__community__solutions__read_only_user__read_only_user.json | 6 | 3 | 0
      aws-cloudformation__cfn-lint__fixtures__good__core__conditions.yaml | 1 | 2 | 0
      aws-cloudformation__cfn-lint__fixtures__good__functions__sub_needed.yaml | 5 | 3 | 0
      aws-cloudformation__cfn-lint__fixtures__good__generic.yaml | 3 | 2 | 0
      aws-cloudformation__cfn-lint__fixtures__good__no_value.yaml | 3 | 2 | 0
      aws-cloudformation__cfn-lint__fixtures__good__resources__iam__policy.yaml | 1 | 1 | 0
      aws-cloudformation__cfn-lint__fixtures__good__resources__iam__ref_with_path.yaml | 2 | 1 | 0
      aws-cloudformation__cfn-lint__fixtures__good__resources__iam__resource_policy.yaml | 3 | 5 | 0
      aws-cloudformation__cfn-lint__fixtures__good__resources__properties__hard_coded_arn_properties_sam.yaml | 5 | 5 | 0
      aws-cloudformation__cfn-lint__fixtures__good__resources__properties__password.yaml | 0 | 0 | 0
      aws-cloudformation__cfn-lint__fixtures__good__transform_serverless_function.yaml | 2 | 2 | 0
      aws-cloudformation__cfn-lint__fixtures__issues__sam_w_conditions.yaml | 9 | 23 | 0
      aws-cloudformation__cfn-lint__fixtures__public__lambda-poller.json | 5 | 6 | 0
      aws-cloudformation__cfn-lint__fixtures__quickstart__cis_benchmark.yaml | 22 | 8 | 0
      aws-cloudformation__cfn-lint__fixtures__quickstart__iam.json | 21 | 14 | 0
      aws-cloudformation__cfn-lint__fixtures__quickstart__nist_iam.yaml | 21 | 14 | 0
      aws-cloudformation__cfn-lint__fixtures__quickstart__nist_logging.yaml | 14 | 5 | 0
      aws-samples__aws-control-tower-automate-account-creation__BatchAccountCreation.yaml | 7 | 12 | 0
      aws-samples__aws-control-tower-org-setup-sample__template.yml | 8 | 3 | 0
      aws__serverless-application-model__translator-input__all_policy_templates.yaml | 77 | 2 | 0
      aws__serverless-application-model__translator-input__function_managed_inline_policy.yaml | 2 | 6 | 0
      aws__serverless-application-model__translator-input__function_with_conditional_managed_policy_and_ref_no_value.yaml | 1 | 3 | 0
      aws__serverless-application-model__translator-input__function_with_conditional_policy_template.yaml | 1 | 2 | 1
      aws__serverless-application-model__translator-input__function_with_policy_templates.yaml | 8 | 7 | 0
      aws__serverless-application-model__translator-input__managed_policies_everything.yaml | 6 | 14 | 1
      aws__serverless-application-model__translator-input__policy_template_import_vaule_refs_parameters_with_same_name_as_policy_parameter.yaml | 2 | 3 | 0
      aws__serverless-application-model__translator-input__state_machine_with_permissions_boundary.yaml | 3 | 4 | 0
      aws__serverless-application-model__translator-input__state_machine_with_sam_policy_templates.yaml | 8 | 8 | 0
      aws__serverless-application-model__translator-output__all_policy_templates.json | 77 | 2 | 0
      bridgecrewio__checkov__cfn-checks__Cloudsplaining_IAMGroup__PASSED.yaml | 2 | 2 | 2
      bridgecrewio__checkov__cfn-checks__example_IAMAdminPolicyDocument__iam_user.fail.json | 1 | 1 | 0
      bridgecrewio__checkov__cfn-checks__example_IAMRoleAllowAssumeFromAccount__example_IAMRoleAllowAssumeFromAccount-PASSED-2.yml | 7 | 6 | 0
      bridgecrewio__checkov__cfn-checks__example_IAMRoleAllowsPublicAssume__FAILED-2.yml | 2 | 2 | 0
      bridgecrewio__checkov__cfn-checks__example_KMSKeyWildCardPrincipal__KMSKeyWildCardPrincipal-FAILED-AWS-Wildcard.yaml | 2 | 2 | 0
      invalid/aws-cloudformation__cfn-lint__fixtures__bad__core__parse_invalid_map.yaml | 0 | 0 | 0
      invalid/aws-cloudformation__cfn-lint__fixtures__bad__functions__sub_needed.yaml | 2 | 1 | 0
      invalid/aws-cloudformation__cfn-lint__fixtures__bad__resources__iam__managed_policy_permissions.yaml | 5 | 3 | 0
      invalid/aws-cloudformation__cfn-lint__fixtures__bad__resources__iam__policy_version.yaml | 1 | 1 | 1
      invalid/aws-cloudformation__cfn-lint__fixtures__bad__resources__iam__ref_with_path.yaml | 2 | 1 | 0
      invalid/aws-cloudformation__cfn-lint__fixtures__bad__resources__iam__resource_policy.yaml | 0 | 2 | 2
      invalid/aws-cloudformation__cfn-lint__fixtures__bad__resources_iam_instanceprofile_roles.yaml | 0 | 0 | 0
      invalid/aws-cloudformation__cfn-lint__fixtures__bad__resources_iam_managedpolicyarns.yaml | 0 | 24 | 1
      invalid/aws-cloudformation__cfn-lint__fixtures__bad__resources_iam_user_groups.yaml | 0 | 1 | 0
      invalid/aws-cloudformation__cfn-lint__fixtures__bad__transform_serverless_template.yaml | 1 | 3 | 0
      invalid/aws__serverless-application-model__translator-input__error_function_policy_template_with_missing_parameter.yaml | 1 | 2 | 1
      invalid/aws__serverless-application-model__translator-input__error_function_with_invalid_policy_statement.yaml | 1 | 3 | 1
      invalid/aws__serverless-application-model__translator-input__error_function_with_unknown_policy_template.yaml | 2 | 3 | 1
      """)
  void loadsTemplates(String name, int statements, int unresolved, int problems) {
    LoadReport report = report(name);

    assertThat(report.statementCount()).as("statements").isEqualTo(statements);
    assertThat(report.unresolved()).as("unresolved").hasSize(unresolved)
        .allSatisfy(u -> assertThat(u.location().file()).startsWith("cloudformation/"));
    assertThat(report.problems()).as("problems").hasSize(problems);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      aws-cloudformation__cfn-lint__fixtures__bad__core__config_invalid_yaml.yaml | :8:7: malformed YAML
      aws-cloudformation__cfn-lint__fixtures__bad__duplicate.json | :17:3: duplicate key "MySNSTopic" (first at line 5)
      aws-cloudformation__cfn-lint__fixtures__bad__duplicate.yaml | :9:3: duplicate key "mySnsTopic" (first at line 3)
      aws-cloudformation__cfn-lint__fixtures__bad__empty_file.yaml | :1:1: the template is empty
      aws-cloudformation__cfn-lint__fixtures__bad__json_parse.json | :5:11: malformed JSON
      aws-cloudformation__cfn-lint__fixtures__bad__not_cloudformation.yaml | :2:1: not a CloudFormation template
      aws-cloudformation__cfn-lint__fixtures__bad__resources__iam__iam_policy.yaml | :40:11 (rIamPolicy): the template declares no condition named cCondition
      """)
  void rejectsInvalidTemplatesWithFileAndLine(String name, String message) {
    assertThatThrownBy(() -> report("invalid/" + name))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("cloudformation/invalid/" + name)
        .hasMessageContaining(message);
  }

  @Test
  void rejectsUnknownSamPolicyTemplateWhenLoading() {
    assertThatThrownBy(() -> CloudFormationLoader.load(List.of(CORPUS.resolve(
            "cloudformation/invalid/aws__serverless-application-model__translator-input__error_function_with_unknown_policy_template.yaml")),
            options()))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining(":19:9 (UnknownTemplate)")
        .hasMessageContaining("\"SomeUnknownPolicyTemplate\" is not a SAM policy template");
  }

  // ---------------------------------------------------------------- hand-checked policies

  private static Policy only(LoadReport report, String address) {
    return report.policies().stream().filter(p -> p.address().equals(address)).findFirst().orElseThrow().policy();
  }

  private static List<String> shape(Policy policy) {
    return policy.statements().stream()
        .map(s -> s.sid().orElse("-") + " " + s.effect() + " " + s.action().values() + " "
            + s.resource().map(r -> r.values().toString()).orElse(""))
        .toList();
  }

  /** IAM_Users_Groups_and_Policies: two AWS::IAM::Policy on groups; the user joins both via UserToGroupAddition. */
  @Test
  void usersGroupsAndPolicies() {
    String yaml = "aws-cloudformation__aws-cloudformation-templates__aws__services__IAM__IAM_Users_Groups_and_Policies.yaml";
    Account account = CloudFormationLoader.load(List.of(CORPUS.resolve("cloudformation").resolve(yaml)), options());
    LoadReport report = report(yaml);

    assertThat(shape(only(report, "CFNUserPolicies")))
        .containsExactly("- ALLOW [cloudformation:Describe*, cloudformation:List*, cloudformation:Get*] [*]");
    assertThat(shape(only(report, "CFNAdminPolicies"))).containsExactly("- ALLOW [cloudformation:*] [*]");
    assertThat(only(report, "CFNAdminPolicies").statements().get(0).location().line()).isEqualTo(70);
    // The JSON twin says the same.
    LoadReport json = report(yaml.replace(".yaml", ".json"));
    assertThat(shape(only(json, "CFNUserPolicies"))).isEqualTo(shape(only(report, "CFNUserPolicies")));
    assertThat(account.groups()).hasSize(2);
  }

  /** Rain module fragment: the bucket comes from a parameter without Default; the test gives it. */
  @Test
  void rainBucketPolicyWithTheBucketNameGiven() {
    Account account = CloudFormationLoader.load(List.of(CORPUS.resolve("cloudformation/aws-cloudformation__aws-cloudformation-templates__RainModules__bucket-policy.yml")),
        options().withValues(Map.of("PolicyBucketName", "logs")));

    Policy policy = account.resourcePolicy("arn:aws:s3:::logs").orElseThrow();
    assertThat(shape(policy)).containsExactly(
        "- DENY [s3:*] [arn:aws:s3:::logs, arn:aws:s3:::logs/*]",
        "- ALLOW [s3:PutObject] [arn:aws:s3:::logs/*]");
    assertThat(policy.statements().get(0).conditions().toString()).contains("aws:SecureTransport").contains("false");
    assertThat(policy.statements().get(1).conditions().toString()).contains("123456789012");
  }

  /** Without the value, the bucket name is an unresolved parameter, kept symbolic in the ARN. */
  @Test
  void rainBucketPolicyWithoutTheBucketNameIsSymbolic() {
    LoadReport report = report("aws-cloudformation__aws-cloudformation-templates__RainModules__bucket-policy.yml");

    assertThat(report.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo("Ref PolicyBucketName");
      assertThat(u.reason()).contains("no Default");
    });
    Statement deny = only(report, "Policy").statements().get(0);
    assertThat(deny.resource().orElseThrow().values()).allSatisfy(r -> assertThat(Unresolved.isIn(r)).isTrue());
  }

  /** SAM: policy templates expand to the statements AWS SAM documents, with parameters substituted. */
  @Test
  void samPolicyTemplatesExpand() {
    String name = "aws__serverless-application-model__translator-input__function_with_policy_templates.yaml";
    Account account = CloudFormationLoader.load(List.of(CORPUS.resolve("cloudformation").resolve(name)), options()
        .withValues(Map.of("FunctionNameParam", "target")));
    var role = account.roles().values().stream().filter(r -> r.location().address().equals("MultiplePolicyTemplatesRole"))
        .findFirst().orElseThrow();

    // The stack is named after its file, the characters a stack name cannot hold made hyphens.
    assertThat(role.name()).startsWith("aws--serverless-application-model--translator-input--function-with-policy-templates"
        + "-MultiplePolicyTemplatesRole-");
    assertThat(role.managedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    assertThat(role.inlinePolicies()).extracting(p -> shape(p).get(0)).containsExactly(
        "- ALLOW [sqs:ChangeMessageVisibility, sqs:ChangeMessageVisibilityBatch, sqs:DeleteMessage, sqs:DeleteMessageBatch, "
            + "sqs:GetQueueAttributes, sqs:ReceiveMessage] [arn:aws:sqs:us-east-1:123456789012:Somekey]",
        "- ALLOW [lambda:InvokeFunction] [arn:aws:lambda:us-east-1:123456789012:function:Some function*]");
    assertThat(role.trustPolicy().orElseThrow().statements().get(0).principal().toString()).contains("lambda.amazonaws.com");
  }

  /** cfn-lint sub_needed: IAM policy variables in plain strings stay as written (no Fn::Sub). */
  @Test
  void policyVariablesInPlainStringsStayAsWritten() {
    LoadReport report = report("aws-cloudformation__cfn-lint__fixtures__good__functions__sub_needed.yaml");

    List<String> resources = report.policies().stream().flatMap(p -> p.policy().statements().stream())
        .flatMap(s -> s.resource().stream()).flatMap(r -> r.values().stream()).toList();
    assertThat(resources).contains("arn:aws:iam::*:user/${aws:username}");
  }

  /** checkov IAMAdminPolicyDocument: an inline user policy granting everything. */
  @Test
  void adminPolicyDocument() {
    LoadReport report = report("bridgecrewio__checkov__cfn-checks__example_IAMAdminPolicyDocument__iam_user.fail.json");

    Statement statement = report.policies().get(0).policy().statements().get(0);
    assertThat(statement.effect()).isEqualTo(Effect.ALLOW);
    assertThat(statement.action().values()).containsExactly("s3:HeadBucket", "*");
    assertThat(statement.resource().orElseThrow().values()).containsExactly("arn:aws:s3:::b1", "arn:aws:s3:::b1/*", "*");
    assertThat(statement.location().line()).isEqualTo(31);
  }

  /**
   * community read_only_user.json: Fn::Join builds ARNs around IAM policy variables, which stay as
   * written (only Fn::Sub would read ${...}); the user's name is generated, so its managed policies
   * attach by logical id; an unquoted JSON boolean in a Bool condition reads as "true".
   */
  @Test
  void readOnlyUserWithItsMfaAndAccessKeyPolicies() {
    String name = "aws-cloudformation__aws-cloudformation-templates__community__solutions__read_only_user__read_only_user.json";
    Account account = CloudFormationLoader.load(List.of(CORPUS.resolve("cloudformation").resolve(name)), options());
    LoadReport report = report(name);
    var user = account.users().values().stream().filter(u -> u.location().address().equals("User")).findFirst().orElseThrow();

    String stack = "aws-cloudformation--aws-cloudformation-templates--community--solutions--read-only-user--read-only-user";
    assertThat(user.name()).startsWith(stack + "-User-");
    assertThat(user.inlinePolicies()).extracting(Policy::name).containsExactly("read_only_policy");
    assertThat(user.inlinePolicies().get(0).statements().get(0).action().values()).hasSize(11)
        .startsWith("autoscaling:Describe*").endsWith("tag:Get*");
    assertThat(user.managedPolicyArns()).hasSize(2)
        .allSatisfy(arn -> assertThat(arn).startsWith("arn:aws:iam::123456789012:policy/" + stack + "-"));
    Policy mfa = only(report, "MFAPolicy");
    assertThat(shape(mfa)).containsExactly(
        "- ALLOW [iam:CreateVirtualMFADevice, iam:EnableMFADevice, iam:ResyncMFADevice] "
            + "[arn:aws:iam::123456789012:mfa/${aws:username}, arn:aws:iam::123456789012:user/${aws:username}]",
        "- ALLOW [iam:DeactivateMFADevice, iam:DeleteVirtualMFADevice] "
            + "[arn:aws:iam::123456789012:mfa/${aws:username}, arn:aws:iam::123456789012:user/${aws:username}]",
        "- ALLOW [iam:ListMFADevices, iam:ListVirtualMFADevices, iam:ListUsers] [*]");
    assertThat(mfa.statements().get(1).conditions()).singleElement().satisfies(c -> {
      assertThat(c.key()).isEqualTo("aws:MultiFactorAuthPresent");
      assertThat(c.values()).containsExactly("true");
    });
    assertThat(mfa.statements()).extracting(s -> s.location().line()).containsExactly(64, 78, 96);
    assertThat(shape(only(report, "AccessKeyPolicy"))).containsExactly(
        "- ALLOW [iam:*LoginProfile, iam:*AccessKey*] [arn:aws:iam::123456789012:user/${aws:username}]",
        "- ALLOW [iam:ListAccount*, iam:GetAccount*, iam:ListUsers] [*]");
  }

  /** checkov KMSKeyWildCardPrincipal: two key policies, one with Version written as an unquoted date. */
  @Test
  void kmsKeyPoliciesWithWildcardPrincipals() {
    String name = "bridgecrewio__checkov__cfn-checks__example_KMSKeyWildCardPrincipal__KMSKeyWildCardPrincipal-FAILED-AWS-Wildcard.yaml";
    Account account = CloudFormationLoader.load(List.of(CORPUS.resolve("cloudformation").resolve(name)), options());
    LoadReport report = report(name);

    assertThat(account.resourcePolicies()).hasSize(2).allSatisfy((arn, policy) ->
        assertThat(Unresolved.replacePlaceholders(arn, "<?>")).isEqualTo("arn:aws:kms:us-east-1:123456789012:key/<?>"));
    Policy first = only(report, "AwsWildcard");
    Policy second = only(report, "AwsWildcardList");
    assertThat(shape(first)).containsExactly("Enable Permissions for All AWS Principals ALLOW [kms:*] [*]");
    assertThat(shape(second)).containsExactly("Enable IAM User Permissions ALLOW [kms:*] [*]");
    assertThat(second.version()).contains("2012-10-17");
    assertThat(first.statements().get(0).principal().orElseThrow().toString()).contains("*");
    assertThat(second.statements().get(0).principal().orElseThrow().byType().get("AWS"))
        .containsExactly("*", "arn:aws:iam::123456789012:root");
    assertThat(second.statements().get(0).location().line()).isEqualTo(25);
  }

  /** No template of the corpus goes untested: each is in one of the tables above (support/ holds data, not templates). */
  @Test
  void everyCorpusTemplateIsListed() throws IOException {
    String tables = Stream.of("loadsTemplates", "rejectsInvalidTemplatesWithFileAndLine")
        .map(name -> methodNamed(name).getAnnotation(CsvSource.class).textBlock()).collect(Collectors.joining("\n"));
    Path root = CORPUS.resolve("cloudformation");
    List<String> templates;
    try (Stream<Path> files = Files.walk(root)) {
      templates = files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !f.startsWith("support/")).sorted().toList();
    }

    assertThat(templates).hasSizeGreaterThan(60)
        .allSatisfy(f -> assertThat(tables).as("the tables of CorpusTests list " + f).contains(f.replaceFirst("^invalid/", "")));
  }

  private static Method methodNamed(String name) {
    return Stream.of(CorpusTests.class.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
  }
}
