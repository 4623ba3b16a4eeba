package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.internal.LoadReportBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ARNs (and ids) AWS forms from names the configuration gives, known before apply. Each format is
 * the one the Service Authorization Reference lists for the resource type (its "Resource types
 * defined by ..." table, quoted in the last column), in account 123456789012, region eu-west-1; a
 * name AWS generates, or a value not known, leaves the attribute unknown.
 */
class ComputedArnTests {

  @TempDir
  Path dir;

  private Value attribute(String type, String arguments, String attribute) throws IOException {
    Files.writeString(dir.resolve("main.tf"), "resource \"" + type + "\" \"x\" {\n  " + arguments.replace("; ", "\n  ") + "\n}\n"
        + "variable \"unset\" {\n  type = string\n}\n");
    LoadReportBuilder report = new LoadReportBuilder();
    LoadOptions options = LoadOptions.defaults().withProjectRoot(dir).withRegion("eu-west-1");
    ModuleInstance root = new ModuleInstance(ModuleConfig.read(dir, dir, report), "", Map.of(),
        new ModuleInstance.Context(options, dir, report, ModuleManifest.none()));
    return root.evaluator("output.shown").evaluate(HclParser.parseExpression("main.tf", type + ".x." + attribute, 1));
  }

  @ParameterizedTest(name = "{0}.{2}")
  @CsvSource(delimiter = '|', value = {
      "aws_iam_openid_connect_provider | url = \"https://token.actions.githubusercontent.com\" | arn | arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com | arn:${Partition}:iam::${Account}:oidc-provider/${OidcProviderName}",
      "aws_iam_openid_connect_provider | url = \"https://oidc.eks.eu-west-1.amazonaws.com/id/ABC\" | id | arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC | arn:${Partition}:iam::${Account}:oidc-provider/${OidcProviderName}",
      "aws_iam_saml_provider           | name = \"okta\"                       | arn | arn:aws:iam::123456789012:saml-provider/okta                   | arn:${Partition}:iam::${Account}:saml-provider/${SamlProviderName}",
      "aws_iam_instance_profile        | name = \"web\"; path = \"/apps/\"     | arn | arn:aws:iam::123456789012:instance-profile/apps/web            | arn:${Partition}:iam::${Account}:instance-profile/${InstanceProfileNameWithPath}",
      "aws_dynamodb_table              | name = \"orders\"                     | arn | arn:aws:dynamodb:eu-west-1:123456789012:table/orders           | arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}",
      "aws_dynamodb_table              | name = \"orders\"                     | id  | orders                                                          | (the table's name)",
      "aws_cloudwatch_event_rule       | name = \"nightly\"                    | arn | arn:aws:events:eu-west-1:123456789012:rule/nightly              | arn:${Partition}:events:${Region}:${Account}:rule/${RuleName}",
      "aws_cloudwatch_event_rule       | name = \"nightly\"; event_bus_name = \"default\" | arn | arn:aws:events:eu-west-1:123456789012:rule/nightly | arn:${Partition}:events:${Region}:${Account}:rule/${RuleName}",
      "aws_cloudwatch_event_rule       | name = \"nightly\"; event_bus_name = \"orders\" | arn | arn:aws:events:eu-west-1:123456789012:rule/orders/nightly | arn:${Partition}:events:${Region}:${Account}:rule/${EventBusName}/${RuleName}",
      "aws_cloudwatch_event_bus        | name = \"orders\"                     | arn | arn:aws:events:eu-west-1:123456789012:event-bus/orders         | arn:${Partition}:events:${Region}:${Account}:event-bus/${EventBusName}",
      "aws_sfn_state_machine           | name = \"flow\"                       | arn | arn:aws:states:eu-west-1:123456789012:stateMachine:flow        | arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}",
      "aws_sfn_state_machine           | name = \"flow\"                       | id  | arn:aws:states:eu-west-1:123456789012:stateMachine:flow        | (the state machine's ARN)",
      "aws_cloudwatch_log_group        | name = \"/aws/lambda/f\"              | arn | arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/f    | arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}",
      "aws_cloudwatch_log_destination  | name = \"central\"                    | arn | arn:aws:logs:eu-west-1:123456789012:destination:central        | arn:${Partition}:logs:${Region}:${Account}:destination:${DestinationName}",
      "aws_kms_alias                   | name = \"alias/app\"                  | arn | arn:aws:kms:eu-west-1:123456789012:alias/app                   | arn:${Partition}:kms:${Region}:${Account}:alias/${Alias}",
      "aws_kinesis_stream              | name = \"clicks\"                     | arn | arn:aws:kinesis:eu-west-1:123456789012:stream/clicks           | arn:${Partition}:kinesis:${Region}:${Account}:stream/${StreamName}",
      "aws_kinesis_firehose_delivery_stream | name = \"logs\"                  | arn | arn:aws:firehose:eu-west-1:123456789012:deliverystream/logs    | arn:${Partition}:firehose:${Region}:${Account}:deliverystream/${DeliveryStreamName}",
      "aws_glacier_vault               | name = \"archive\"                    | arn | arn:aws:glacier:eu-west-1:123456789012:vaults/archive          | arn:${Partition}:glacier:${Region}:${Account}:vaults/${VaultName}",
      "aws_opensearch_domain           | domain_name = \"search\"              | arn | arn:aws:es:eu-west-1:123456789012:domain/search                | arn:${Partition}:es:${Region}:${Account}:domain/${DomainName}",
      "aws_elasticsearch_domain        | domain_name = \"search\"              | arn | arn:aws:es:eu-west-1:123456789012:domain/search                | arn:${Partition}:es:${Region}:${Account}:domain/${DomainName}",
      "aws_codeartifact_domain         | domain = \"shared\"                   | arn | arn:aws:codeartifact:eu-west-1:123456789012:domain/shared      | arn:${Partition}:codeartifact:${Region}:${Account}:domain/${DomainName}",
      "aws_codeartifact_repository     | domain = \"shared\"; repository = \"npm\" | arn | arn:aws:codeartifact:eu-west-1:123456789012:repository/shared/npm | arn:${Partition}:codeartifact:${Region}:${Account}:repository/${DomainName}/${RepositoryName}",
      "aws_backup_vault                | name = \"daily\"                      | arn | arn:aws:backup:eu-west-1:123456789012:backup-vault:daily       | arn:${Partition}:backup:${Region}:${Account}:backup-vault:${BackupVaultName}",
      "aws_ecrpublic_repository        | repository_name = \"tools\"           | arn | arn:aws:ecr-public::123456789012:repository/tools              | arn:${Partition}:ecr-public::${Account}:repository/${RepositoryName}",
      "aws_media_store_container       | name = \"video\"                      | arn | arn:aws:mediastore:eu-west-1:123456789012:container/video      | arn:${Partition}:mediastore:${Region}:${Account}:container/${ContainerName}",
      "aws_s3tables_table_bucket       | name = \"lake\"                       | arn | arn:aws:s3tables:eu-west-1:123456789012:bucket/lake            | arn:${Partition}:s3tables:${Region}:${Account}:bucket/${TableBucketName}",
      "aws_s3_access_point             | bucket = \"b\"; name = \"reports\"    | arn | arn:aws:s3:eu-west-1:123456789012:accesspoint/reports          | arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}",
      "aws_codebuild_project           | name = \"build\"                      | arn | arn:aws:codebuild:eu-west-1:123456789012:project/build         | arn:${Partition}:codebuild:${Region}:${Account}:project/${ProjectName}",
      "aws_networkfirewall_firewall_policy | name = \"edge\"                   | arn | arn:aws:network-firewall:eu-west-1:123456789012:firewall-policy/edge | arn:${Partition}:network-firewall:${Region}:${Account}:firewall-policy/${Name}",
      "aws_lambda_function             | function_name = \"api\"               | invoke_arn | arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:api/invocations | (AWS provider, aws_lambda_function, invoke_arn)",
  })
  void anArnTheNamesFix(String type, String arguments, String attribute, String expected, String format) throws IOException {
    Value value = attribute(type, arguments, attribute);
    assertThat(Value.unresolvedIn(value)).as(format).isEmpty();
    assertThat(value).as(format).isEqualTo(Value.of(expected));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "aws_dynamodb_table              | name = var.unset",
      "aws_cloudwatch_event_rule       | name_prefix = \"nightly-\"",
      "aws_cloudwatch_event_rule       | name = \"nightly\"; event_bus_name = \"arn:aws:events:eu-west-1:123456789012:event-bus/orders\"",
      "aws_iam_openid_connect_provider | url = var.unset",
      "aws_sfn_state_machine           | name_prefix = \"flow-\"",
  })
  void anArnOfANameNotKnownIsUnknown(String type, String arguments) throws IOException {
    assertThat(Value.unresolvedIn(attribute(type, arguments, "arn"))).isNotEmpty();
  }
}
