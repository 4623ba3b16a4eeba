package dev.iamunit.iac.internal;

import static dev.iamunit.iac.internal.SubResourcePolicyTests.ACCOUNT;
import static dev.iamunit.iac.internal.SubResourcePolicyTests.CFN_USER;
import static dev.iamunit.iac.internal.SubResourcePolicyTests.TF_USER;
import static dev.iamunit.iac.internal.SubResourcePolicyTests.USER_ARN;
import static dev.iamunit.iac.internal.SubResourcePolicyTests.cfn;
import static dev.iamunit.iac.internal.SubResourcePolicyTests.decide;
import static dev.iamunit.iac.internal.SubResourcePolicyTests.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.UnresolvedValueException;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.model.Unresolved;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 22: resource policies that apply beyond one ARN are evaluated where AWS applies them, in
 * both formats: the ECR registry policy on the registry's repositories, CloudWatch Logs resource
 * policies on the log groups they name, a Glacier Vault Lock policy beside the vault's access
 * policy, a SageMaker model package group policy on the group and its versions, a Multi-Region
 * Access Point policy at the ARN with the alias S3 generates; and a Lambda permission on the
 * function, version or alias it names only. The AWS sentence for each is cited at its rule in
 * {@code eval.ResourcePolicyOwner}.
 */
class SharedResourcePolicyTests {

  @TempDir
  Path dir;

  private static final String REPOSITORY = "arn:aws:ecr:us-east-1:" + ACCOUNT + ":repository/";

  private Sources.Loaded load(String format, String terraform, String cloudFormation) {
    Sources sources = new Sources(dir);
    Sources.Loaded loaded = format.equals("terraform") ? sources.terraform(format, TF_USER + terraform)
        : sources.cloudFormation("t.yaml", CFN_USER + cloudFormation);
    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.report().unresolved()).extracting(Unresolved::reason).noneMatch(r -> r.contains("not evaluated"));
    return loaded;
  }

  private static void assertOutcome(Decision decision, Outcome expected) {
    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }

  /**
   * "V2 is the expanded registry policy scope that includes all ECR permissions ... The V2 version
   * is the default registry policy scope" (Amazon ECR User Guide, Private registry permissions in
   * Amazon ECR): the registry policy applies to every repository of its registry, Region and account.
   */
  @ParameterizedTest(name = "{0}: {1} on {2} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      terraform      | ecr:ReplicateImage  | app                                                   | ALLOWED
      terraform      | ecr:ReplicateImage  | any/other                                             | ALLOWED
      terraform      | ecr:BatchGetImage   | app                                                   | IMPLICIT_DENY
      terraform      | ecr:ReplicateImage  | arn:aws:ecr:eu-west-1:123456789012:repository/app     | IMPLICIT_DENY
      cloudformation | ecr:ReplicateImage  | app                                                   | ALLOWED
      cloudformation | ecr:BatchGetImage   | app                                                   | IMPLICIT_DENY
      """)
  void theEcrRegistryPolicyAppliesToTheRepositoriesOfItsRegistry(String format, String action, String repository, Outcome expected) {
    String resource = REPOSITORY.replace(":repository/", ":repository/*");
    Sources.Loaded loaded = load(format,
        "resource \"aws_ecr_registry_policy\" \"r\" {\n  policy = " + tf("ecr:ReplicateImage", resource) + "\n}\n",
        "  Registry:\n    Type: AWS::ECR::RegistryPolicy\n    Properties: {PolicyText: " + cfn("ecr:ReplicateImage", resource) + "}\n");

    assertOutcome(decide(loaded.account(), action, repository.startsWith("arn:") ? repository : REPOSITORY + repository), expected);
  }

  /**
   * "An account can have up to 10 resource policies per AWS Region", each naming the log groups it
   * applies to (CloudWatch Logs API Reference, PutResourcePolicy): two policies, each on its own
   * log groups, both apply where they name.
   */
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      terraform      | /aws/route53/zone | ALLOWED
      terraform      | /aws/events/bus   | ALLOWED
      terraform      | /app/other        | IMPLICIT_DENY
      cloudformation | /aws/route53/zone | ALLOWED
      cloudformation | /aws/events/bus   | ALLOWED
      cloudformation | /app/other        | IMPLICIT_DENY
      """)
  void everyLogsResourcePolicyOfTheAccountAppliesToTheLogGroupsItNames(String format, String logGroup, Outcome expected) {
    String groups = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:";
    String route53 = tf("logs:PutLogEvents", groups + "/aws/route53/*");
    String events = tf("logs:PutLogEvents", groups + "/aws/events/*");
    Sources.Loaded loaded = load(format,
        "resource \"aws_cloudwatch_log_resource_policy\" \"r53\" {\n  policy_name = \"route53\"\n  policy_document = " + route53 + "\n}\n"
            + "resource \"aws_cloudwatch_log_resource_policy\" \"ev\" {\n  policy_name = \"events\"\n  policy_document = " + events + "\n}\n",
        "  Route53:\n    Type: AWS::Logs::ResourcePolicy\n    Properties:\n      PolicyName: route53\n      PolicyDocument: '"
            + json("logs:PutLogEvents", groups + "/aws/route53/*") + "'\n"
            + "  Events:\n    Type: AWS::Logs::ResourcePolicy\n    Properties:\n      PolicyName: events\n      PolicyDocument: '"
            + json("logs:PutLogEvents", groups + "/aws/events/*") + "'\n");

    assertOutcome(decide(loaded.account(), "logs:PutLogEvents", groups + logGroup + ":log-stream:s"), expected);
  }

  /** CloudFormation's PolicyDocument of AWS::Logs::ResourcePolicy is JSON text. */
  private static String json(String action, String resource) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"" + USER_ARN + "\"}, "
        + "\"Action\": \"" + action + "\", \"Resource\": \"" + resource + "\"}]}";
  }

  /**
   * A vault has an access policy and a Vault Lock policy, both policies of the vault ("Installing
   * a vault lock policy on the specified vault", Amazon Glacier Developer Guide, Initiate Vault
   * Lock): the lock's Deny binds although the access policy allows.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      glacier:DeleteArchive   | EXPLICIT_DENY
      glacier:UploadArchive   | ALLOWED
      """)
  void aVaultLockPolicysDenyBindsBesideTheVaultAccessPolicy(String action, Outcome expected) {
    String vault = "arn:aws:glacier:us-east-1:" + ACCOUNT + ":vaults/records";
    Sources.Loaded loaded = load("terraform", "resource \"aws_glacier_vault\" \"v\" {\n  name = \"records\"\n  access_policy = "
        + tf("glacier:*", vault) + "\n}\n"
        + "resource \"aws_glacier_vault_lock\" \"v\" {\n  vault_name = aws_glacier_vault.v.name\n  complete_lock = true\n  policy = "
        + "jsonencode({ Version = \"2012-10-17\", Statement = [{ Effect = \"Deny\", Principal = \"*\", Action = \"glacier:DeleteArchive\","
        + " Resource = \"" + vault + "\" }] })\n}\n", "");

    assertOutcome(decide(loaded.account(), action, vault), expected);
  }

  /** A model package group policy, in either format, is at the group's ARN and applies to its versions. */
  @ParameterizedTest(name = "{0}: {1} on {2} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      terraform      | sagemaker:DescribeModelPackageGroup | model-package-group/models | ALLOWED
      terraform      | sagemaker:DescribeModelPackage      | model-package/models/2      | ALLOWED
      terraform      | sagemaker:DescribeModelPackage      | model-package/others/2      | IMPLICIT_DENY
      cloudformation | sagemaker:DescribeModelPackageGroup | model-package-group/models | ALLOWED
      cloudformation | sagemaker:DescribeModelPackage      | model-package/models/2      | ALLOWED
      """)
  void aModelPackageGroupPolicyAppliesToTheGroupAndItsModelPackages(String format, String action, String resource, Outcome expected) {
    String prefix = "arn:aws:sagemaker:us-east-1:" + ACCOUNT + ":";
    String granted = prefix + "model-package*/models*";
    Sources.Loaded loaded = load(format,
        "resource \"aws_sagemaker_model_package_group_policy\" \"g\" {\n  model_package_group_name = \"models\"\n  resource_policy = "
            + tf("sagemaker:Describe*", granted) + "\n}\n",
        "  Group:\n    Type: AWS::SageMaker::ModelPackageGroup\n    Properties: {ModelPackageGroupName: models, ModelPackageGroupPolicy: "
            + cfn("sagemaker:Describe*", granted) + "}\n");

    assertOutcome(decide(loaded.account(), action, prefix + resource), expected);
  }

  /**
   * A Multi-Region Access Point's policy is at the ARN that names it by the alias S3 generates, in
   * both formats ("arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap", Amazon S3 User Guide,
   * Multi-Region Access Point restrictions and limitations); the alias is reported at the resource.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"terraform", "cloudformation"})
  void aMultiRegionAccessPointPolicyIsAtTheArnWithTheGeneratedAlias(String format) {
    Sources.Loaded loaded = load(format,
        "resource \"aws_s3control_multi_region_access_point_policy\" \"m\" {\n  details {\n    name = \"global\"\n    policy = "
            + tf("s3:GetObject", "*") + "\n  }\n}\n",
        "  Mrap:\n    Type: AWS::S3::MultiRegionAccessPointPolicy\n    Properties: {MrapName: global, Policy: " + cfn("s3:GetObject", "*")
            + "}\n");

    assertThat(loaded.account().resourcePolicies().keySet()).singleElement()
        .extracting(arn -> Unresolved.replacePlaceholders(arn, "<alias>")).isEqualTo("arn:aws:s3::" + ACCOUNT + ":accesspoint/<alias>");
    assertThat(loaded.report().unresolved()).extracting(Unresolved::reason)
        .containsExactly("Amazon S3 generates the alias of Multi-Region Access Point global that its ARN names, at deployment");
  }

  /**
   * "Resource-based policies apply to a single function, version, alias, or layer version" (AWS
   * Lambda Developer Guide, Viewing resource-based IAM policies in Lambda); "If you attempt to
   * invoke the function without an alias or a specific version, then you get a permission error"
   * with a permission on an alias (Using Lambda aliases in event sources and permissions policies).
   */
  @ParameterizedTest(name = "permission on {0}: invoke {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      prod | fn:prod | ALLOWED
      prod | fn      | IMPLICIT_DENY
      prod | fn:7    | IMPLICIT_DENY
      ''   | fn      | ALLOWED
      ''   | fn:prod | IMPLICIT_DENY
      """)
  void aLambdaPermissionAppliesToTheFunctionVersionOrAliasItNames(String qualifier, String invoked, Outcome expected) {
    Sources.Loaded loaded = load("terraform", "resource \"aws_lambda_permission\" \"p\" {\n  function_name = \"fn\"\n"
        + (qualifier.isEmpty() ? "" : "  qualifier = \"" + qualifier + "\"\n") + "  action = \"lambda:InvokeFunction\"\n"
        + "  principal = \"" + USER_ARN + "\"\n}\n", "");

    assertOutcome(decide(loaded.account(), "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + invoked), expected);
  }

  /**
   * A request names a Multi-Region Access Point by its alias, or a REST API by its id, which AWS
   * generates and the templates cannot know: whether it is the loaded one is that unknown value.
   * A decision its policy could change fails naming it; one it cannot change (an explicit Deny of
   * the user's own) stands. Never guessed either way.
   */
  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(delimiter = '|', textBlock = """
      s3:GetObject       | arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap/object/k | m alias
      execute-api:Invoke | arn:aws:execute-api:us-east-1:123456789012:x7y8z9/prod/GET/pets  | aws_api_gateway_rest_api.api.id
      """)
  void aRequestByAGeneratedIdDependsOnThatUnknownValue(String action, String resource, String unknown) {
    String policies = "resource \"aws_s3control_multi_region_access_point_policy\" \"m\" {\n  details {\n    name = \"global\"\n"
        + "    policy = " + tf("s3:GetObject", "*") + "\n  }\n}\n"
        + "resource \"aws_api_gateway_rest_api\" \"api\" {\n  name = \"api\"\n  policy = " + tf("execute-api:Invoke", "execute-api:/prod/*")
        + "\n}\n";
    Sources sources = new Sources(dir);
    Sources.Loaded loaded = sources.terraform("generated", TF_USER + policies);

    assertThatThrownBy(() -> decide(loaded.account(), action, resource)).isInstanceOf(UnresolvedValueException.class)
        .hasMessageContaining(unknown);

    Sources.Loaded denied = sources.terraform("denied", TF_USER + policies + "resource \"aws_iam_user_policy\" \"deny\" {\n"
        + "  user = aws_iam_user.app.name\n  policy = jsonencode({ Version = \"2012-10-17\", Statement = [{ Effect = \"Deny\","
        + " Action = \"*\", Resource = \"*\" }] })\n}\n");
    assertOutcome(decide(denied.account(), action, resource), Outcome.EXPLICIT_DENY);
  }
}
