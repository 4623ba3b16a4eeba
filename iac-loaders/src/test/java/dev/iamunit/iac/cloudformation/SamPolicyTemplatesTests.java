package dev.iamunit.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.policy.PolicyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IAMUnit expands every SAM policy template as AWS SAM does: the definitions are SAM's own
 * policy_templates.json, bundled unmodified, and the expansion of SAM's "kitchen sink" test of every
 * template equals SAM's expected translator output, statement for statement. Both files are read
 * from ../shared/corpus at test time.
 */
class SamPolicyTemplatesTests {

  static final Path CLOUDFORMATION = CorpusTests.CORPUS.resolve("cloudformation");
  static final Path SAMS_FILE = CLOUDFORMATION.resolve(
      "support/aws__serverless-application-model__samtranslator__policy_templates_data__policy_templates.json");
  static final String SAMS_COMMIT = "7000d0a3b0e5e0d9fca014ce135850718aad1290";

  @TempDir
  Path dir;

  /** SAM turns a managed policy's name into its ARN from AWS's list of managed policies, as the bundled one. */
  static LoadOptions options() {
    return CorpusTests.options().withBundledAwsManagedPolicies();
  }

  // ------------------------------------------------------------------------------------ the bundled data

  @Test
  void theBundledCopyIsByteForByteSamsFile() throws IOException {
    byte[] bundled = resource(SamPolicyTemplates.RESOURCE);

    assertThat(bundled).isEqualTo(Files.readAllBytes(SAMS_FILE));
    // The corpus manifest records where the corpus copy comes from; the NOTICE must say the same.
    assertThat(Files.readString(CorpusTests.CORPUS.resolve("MANIFEST.tsv")))
        .contains("support/" + SAMS_FILE.getFileName() + "\taws/serverless-application-model\t"
            + "samtranslator/policy_templates_data/policy_templates.json\t" + SAMS_COMMIT + "\tApache-2.0");
  }

  @Test
  void theNoticeBesideItNamesRepositoryCommitLicenseAndChecksum() throws IOException {
    String notice = new String(resource("sam/NOTICE"), StandardCharsets.UTF_8);

    assertThat(notice).contains("https://github.com/aws/serverless-application-model",
        "samtranslator/policy_templates_data/policy_templates.json", SAMS_COMMIT, "Apache-2.0",
        sha256(resource(SamPolicyTemplates.RESOURCE)), "Copyright 2018 Amazon.com, Inc. or its affiliates. All Rights Reserved.");
    assertThat(SamPolicyTemplates.ORIGIN).contains("aws/serverless-application-model@" + SAMS_COMMIT.substring(0, 7));
    assertThat(resource("sam/LICENSE")).isEqualTo(Files.readAllBytes(CorpusTests.CORPUS.resolve(
        "LICENSES/aws__serverless-application-model__LICENSE")));
  }

  @Test
  void knowsEveryTemplateSamShipsWithItsParameters() throws IOException {
    JsonNode sams = new ObjectMapper().readTree(SAMS_FILE.toFile()).get("Templates");

    assertThat(SamPolicyTemplates.names()).hasSize(81).containsExactlyInAnyOrderElementsOf(sams::fieldNames);
    assertThat(SamPolicyTemplates.names()).allSatisfy(name -> assertThat(SamPolicyTemplates.named(name).orElseThrow().parameters())
        .as(name).containsExactlyInAnyOrderElementsOf(() -> sams.get(name).get("Parameters").fieldNames()));
  }

  // ------------------------------------------------------------------------------------ SAM's own test

  /**
   * SAM's tests/translator/input/all_policy_templates.yaml uses 65 of the templates once each;
   * tests/translator/output/all_policy_templates.json is what SAM's translator makes of it. Every
   * role SAM generates is in ours with the same trust policy, managed policies and inline policies:
   * same names, same order, and each policy written back (PolicyWriter) the same, statement for
   * statement, conditions included.
   */
  @Test
  void expandingSamsKitchenSinkGivesSamsOwnOutput() {
    Account.Builder input = Account.builder();
    LoadReport ours = CloudFormationLoader.loadInto(List.of(CLOUDFORMATION.resolve(
        "aws__serverless-application-model__translator-input__all_policy_templates.yaml")), options(), input);
    Account.Builder output = Account.builder();
    LoadReport sams = CloudFormationLoader.loadInto(List.of(CLOUDFORMATION.resolve(
        "aws__serverless-application-model__translator-output__all_policy_templates.json")), options(), output);
    Map<String, Role> expected = byAddress(output.build());
    Map<String, Role> actual = byAddress(input.build());

    assertThat(ours.problems()).isEmpty();
    assertThat(ours.unresolved()).extracting(u -> u.expression()).containsExactly("KitchenSinkFunctionRole name");
    assertThat(sams.problems()).isEmpty();
    assertThat(expected).containsOnlyKeys("KitchenSinkFunctionRole");
    assertThat(actual).containsOnlyKeys(expected.keySet());
    expected.forEach((address, sam) -> {
      Role role = actual.get(address);
      assertThat(role.inlinePolicies()).as(address).hasSize(65);
      assertThat(written(role.inlinePolicies())).as(address).containsExactlyEntriesOf(written(sam.inlinePolicies()));
      assertThat(role.trustPolicy().map(PolicyWriter::write)).as(address).isEqualTo(sam.trustPolicy().map(PolicyWriter::write)).isPresent();
      assertThat(role.managedPolicyArns()).as(address).isEqualTo(sam.managedPolicyArns());
    });
  }

  private static Map<String, Role> byAddress(Account account) {
    return account.roles().values().stream().collect(Collectors.toMap(r -> r.location().address(), r -> r));
  }

  private static Map<String, String> written(List<Policy> policies) {
    return policies.stream().collect(Collectors.toMap(Policy::name, PolicyWriter::write, (a, b) -> a, LinkedHashMap::new));
  }

  // ------------------------------------------------------------------------------------ templates SAM's test leaves out

  /**
   * The 16 templates all_policy_templates.yaml does not use, each on a function of our own: the
   * resource each grants is the ARN the service's "Actions, resources, and condition keys" page of
   * the Service Authorization Reference gives for it, written out here by hand.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      AWSSecretsManagerGetSecretValuePolicy          | {SecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf'} | secretsmanager:GetSecretValue | arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf
      EFSWriteAccessPolicy                           | {FileSystem: fs-1, AccessPoint: fsap-2}  | elasticfilesystem:ClientWrite      | arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1
      EcsRunTaskPolicy                               | {TaskDefinition: 'web:3'}                | ecs:RunTask                        | arn:aws:ecs:us-east-1:123456789012:task-definition/web:3
      ElasticMapReduceAddJobFlowStepsPolicy          | {ClusterId: j-1}                         | elasticmapreduce:AddJobFlowSteps   | arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/j-1
      ElasticMapReduceCancelStepsPolicy              | {ClusterId: j-1}                         | elasticmapreduce:CancelSteps       | arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/j-1
      ElasticMapReduceModifyInstanceFleetPolicy      | {ClusterId: j-1}                         | elasticmapreduce:ModifyInstanceFleet | arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/j-1
      ElasticMapReduceModifyInstanceGroupsPolicy     | {ClusterId: j-1}                         | elasticmapreduce:ModifyInstanceGroups | arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/j-1
      ElasticMapReduceSetTerminationProtectionPolicy | {ClusterId: j-1}                         | elasticmapreduce:SetTerminationProtection | arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/j-1
      ElasticMapReduceTerminateJobFlowsPolicy        | {ClusterId: j-1}                         | elasticmapreduce:TerminateJobFlows | arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/j-1
      FirehoseCrudPolicy                             | {DeliveryStreamName: clicks}             | firehose:PutRecordBatch            | arn:aws:firehose:us-east-1:123456789012:deliverystream/clicks
      FirehoseWritePolicy                            | {DeliveryStreamName: clicks}             | firehose:PutRecord                 | arn:aws:firehose:us-east-1:123456789012:deliverystream/clicks
      SageMakerCreateEndpointConfigPolicy            | {EndpointConfigName: cfg}                | sagemaker:CreateEndpointConfig     | arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/cfg
      SageMakerCreateEndpointPolicy                  | {EndpointName: ep}                       | sagemaker:CreateEndpoint           | arn:aws:sagemaker:us-east-1:123456789012:endpoint/ep
      TextractDetectAnalyzePolicy                    | {}                                       | textract:AnalyzeDocument           | *
      TextractGetResultPolicy                        | {}                                       | textract:GetDocumentAnalysis       | *
      TextractPolicy                                 | {}                                       | textract:*                         | *
      """)
  void expandsTheTemplatesSamsTestLeavesOut(String template, String parameters, String action, String resource) {
    Role role = onlyRole(load(function("- " + template + ": " + parameters)));

    assertThat(role.inlinePolicies()).singleElement().satisfies(policy -> assertThat(policy.statements()).anySatisfy(statement -> {
      assertThat(statement.action().values()).contains(action);
      assertThat(statement.resource().orElseThrow().values()).containsExactly(resource);
    }));
  }

  @Test
  void theKitchenSinkAndTheTableAboveTogetherUseEveryTemplate() throws IOException {
    String kitchenSink = Files.readString(CLOUDFORMATION.resolve("aws__serverless-application-model__translator-input__all_policy_templates.yaml"));
    String table = tableOfTheTemplatesLeftOut();

    assertThat(SamPolicyTemplates.names()).allSatisfy(name -> assertThat(
        kitchenSink.contains("- " + name + ":") || table.contains(name + " ")).as(name + " is tested").isTrue());
  }

  private static String tableOfTheTemplatesLeftOut() {
    try {
      return SamPolicyTemplatesTests.class.getDeclaredMethod("expandsTheTemplatesSamsTestLeavesOut", String.class, String.class,
          String.class, String.class).getAnnotation(CsvSource.class).textBlock();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------------ parameters, as SAM's translator

  /**
   * SAM replaces only a Ref to one of the template's own parameters, once (template.py,
   * _disambiguate_policy_parameter): a value that itself refers to a stack parameter of the same
   * name keeps referring to the stack parameter. SAM's translator test
   * policy_template_import_vaule_refs_parameters_with_same_name_as_policy_parameter.yaml.
   */
  @Test
  void aValueReferringToAStackParameterOfTheSameNameIsNotReplacedAgain() {
    Path template = CLOUDFORMATION.resolve(
        "aws__serverless-application-model__translator-input__policy_template_import_vaule_refs_parameters_with_same_name_as_policy_parameter.yaml");
    LoadReport report = CloudFormationLoader.report(List.of(template), options().withValues(Map.of("TableName", "orders")));

    assertThat(report.problems()).isEmpty();
    assertThat(report.unresolved()).extracting(u -> u.expression()).contains("Fn::ImportValue orders-hello");
  }

  /** SAM selects only the template's parameters from the given values (template.py, to_statement). */
  @Test
  void aValueForAParameterTheTemplateDoesNotHaveIsIgnoredAsSamIgnoresIt() {
    Account.Builder account = Account.builder();
    LoadReport report = CloudFormationLoader.loadInto(List.of(function("- SQSSendMessagePolicy: {QueueName: jobs, Region: eu-west-1}")),
        options(), account);

    assertThat(report.problems()).isEmpty();
    assertThat(onlyRole(account.build()).inlinePolicies().get(0).statements().get(0).resource().orElseThrow().values())
        .containsExactly("arn:aws:sqs:us-east-1:123456789012:jobs");
  }

  /** SAM's transform fails on each of these (policy_templates_plugin.py, template.py, role_constructor.py). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      - S3ReadPolicy: {}                                | S3ReadPolicy needs its parameter BucketName; SAM's transform fails without them
      - DynamoDBStreamReadPolicy: {TableName: t}        | DynamoDBStreamReadPolicy needs its parameter StreamName
      - EFSWriteAccessPolicy: {}                        | EFSWriteAccessPolicy needs its parameters AccessPoint, FileSystem
      - S3ReadPolicy: my-bucket                         | S3ReadPolicy takes a mapping of its parameters (write {} when it has none), not
      - CloudWatchPutMetricPolicy:                      | "Must specify valid parameter values for policy template 'CloudWatchPutMetricPolicy'"
      - S3ReadPolicyy: {BucketName: b}                  | "S3ReadPolicyy" is not a SAM policy template IAMUnit knows: it knows all 81 of aws/serverless-application-model@7000d0a
      - S3ReadPolicyy: {BucketName: b}                  | SAM's transform fails on it ("Policy at index 0 in the 'Policies' property is not valid")
      """)
  void whatSamsTransformRejectsIsAProblemAtTheTemplatesLine(String policies, String message) {
    Account.Builder account = Account.builder();
    LoadReport report = CloudFormationLoader.loadInto(List.of(function(policies)), options(), account);

    assertThat(report.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.location().fileAndLine()).endsWith("function.yaml:7");
      assertThat(problem.message()).startsWith("Fn Policies: ").contains(message);
      // In the template's place, a policy no one can read: a decision that could read it fails naming the problem.
      assertThat(onlyRole(account.build()).inlinePolicies()).singleElement().satisfies(policy -> {
        assertThat(policy.statements()).isEmpty();
        assertThat(policy.unreadable()).containsExactly(problem.standIn().orElseThrow());
      });
    });
    assertThat(report.unresolved()).as("reported once, as the problem").noneMatch(u -> u.reason().contains(message));
  }

  /** SAM names each inline policy after the entry's position in Policies as written (role_constructor.py). */
  @Test
  void inlinePoliciesAreNumberedByTheirPositionAsWrittenEvenWhenAnEntryIsRemoved() {
    Account.Builder account = Account.builder();
    CloudFormationLoader.loadInto(List.of(function(String.join("\n        ",
        "- !Ref AWS::NoValue", "- AWSLambdaBasicExecutionRole", "- TextractPolicy: {}"))), options(), account);
    Role role = onlyRole(account.build());

    assertThat(role.inlinePolicies()).extracting(Policy::name).containsExactly("FnRolePolicy2");
    assertThat(role.managedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
  }

  /**
   * A managed policy named without its path is found where AWS keeps it, through the one lookup
   * ({@code LoadOptions.awsManagedPolicyArn}); a name AWS does not have stays at the root path.
   */
  @Test
  void aManagedPolicyNameIsTheArnOfTheAwsManagedPolicyOfThatName() {
    Account.Builder account = Account.builder();
    CloudFormationLoader.loadInto(List.of(function(String.join("\n        ",
        "- AWSLambdaVPCAccessExecutionRole", "- AWSCodeCommitReadOnly", "- NoSuchPolicyName"))), options(), account);

    assertThat(onlyRole(account.build()).managedPolicyArns()).containsExactly(
        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
        "arn:aws:iam::aws:policy/AWSCodeCommitReadOnly",
        "arn:aws:iam::aws:policy/NoSuchPolicyName");
  }

  /** A function whose Policies entries are {@code policies}, the first entry on line 7. */
  private Path function(String policies) {
    try {
      return Files.writeString(dir.resolve("function.yaml"), """
          Transform: AWS::Serverless-2016-10-31
          Resources:
            Fn:
              Type: AWS::Serverless::Function
              Properties:
                Policies:
                  %s
          """.formatted(policies));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Account load(Path template) {
    Account.Builder account = Account.builder();
    LoadReport report = CloudFormationLoader.loadInto(List.of(template), options(), account);
    assertThat(report.problems()).isEmpty();
    // The generated role's name is unknown until deployment; the policies are fully known.
    assertThat(report.unresolved()).extracting(u -> u.expression()).containsExactly("FnRole name");
    return account.build();
  }

  private static Role onlyRole(Account account) {
    List<Role> roles = List.copyOf(account.roles().values());
    assertThat(roles).hasSize(1);
    return roles.get(0);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = SamPolicyTemplates.class.getResourceAsStream(name)) {
      assertThat(in).as(name + " beside SamPolicyTemplates").isNotNull();
      return in.readAllBytes();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
