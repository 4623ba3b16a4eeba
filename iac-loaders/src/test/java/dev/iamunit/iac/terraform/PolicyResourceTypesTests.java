package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every Terraform resource type of awslabs' tf-policy-validator default configuration whose
 * policy is a resource-based policy of a resource IAMUnit can name is loaded as that resource's
 * policy, at its ARN in the format the Service Authorization Reference gives the type (account
 * 123456789012, region eu-west-1). The types not listed here are reported as "not evaluated"
 * (UnevaluatedResourcePolicyTests).
 */
class PolicyResourceTypesTests {

  private static final String DOCUMENT = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Sid\\\":\\\"Shown\\\","
      + "\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"arn:aws:iam::210987654321:root\\\"},\\\"Action\\\":\\\"*\\\","
      + "\\\"Resource\\\":\\\"*\\\"}]}";

  @TempDir
  Path dir;

  private Account load(String tf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    LoadOptions options = LoadOptions.defaults().withProjectRoot(dir).withRegion("eu-west-1");
    LoadReport report = TerraformLoader.report(dir, options);
    assertThat(report.problems()).isEmpty();
    // Only what AWS generates when it creates a KMS key: its key id.
    assertThat(report.unresolved()).allSatisfy(u -> assertThat(u.reason()).isEqualTo("AWS generates the key id"));
    return TerraformLoader.load(dir, options);
  }

  /** The resource policies of every account the configuration deploys into, through the one loading path. */
  private Map<String, Policy> resourcePolicies(String tf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    LoadedSources loaded = SourceFormats.standard().load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir).withRegion("eu-west-1"));
    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.report().unresolved()).isEmpty();
    Map<String, Policy> policies = new LinkedHashMap<>();
    loaded.accounts().all().forEach(account -> policies.putAll(account.resourcePolicies()));
    return policies;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      aws_opensearch_domain                          | domain_name = "search"                    | access_policies | arn:aws:es:eu-west-1:123456789012:domain/search
      aws_elasticsearch_domain                       | domain_name = "search"                    | access_policies | arn:aws:es:eu-west-1:123456789012:domain/search
      aws_opensearch_domain_policy                   | domain_name = "search"                    | access_policies | arn:aws:es:eu-west-1:123456789012:domain/search
      aws_elasticsearch_domain_policy                | domain_name = "search"                    | access_policies | arn:aws:es:eu-west-1:123456789012:domain/search
      aws_glacier_vault                              | name = "archive"                          | access_policy   | arn:aws:glacier:eu-west-1:123456789012:vaults/archive
      aws_s3_access_point                            | bucket = "b"; name = "reports"            | policy          | arn:aws:s3:eu-west-1:123456789012:accesspoint/reports
      aws_backup_vault_policy                        | backup_vault_name = "daily"               | policy          | arn:aws:backup:eu-west-1:123456789012:backup-vault:daily
      aws_cloudwatch_event_bus_policy                | event_bus_name = "orders"                 | policy          | arn:aws:events:eu-west-1:123456789012:event-bus/orders
      aws_cloudwatch_event_bus_policy                | #                                         | policy          | arn:aws:events:eu-west-1:123456789012:event-bus/default
      aws_cloudwatch_log_destination_policy          | destination_name = "central"              | access_policy   | arn:aws:logs:eu-west-1:123456789012:destination:central
      aws_codeartifact_domain_permissions_policy     | domain = "shared"                         | policy_document | arn:aws:codeartifact:eu-west-1:123456789012:domain/shared
      aws_codeartifact_repository_permissions_policy | domain = "shared"; repository = "npm"     | policy_document | arn:aws:codeartifact:eu-west-1:123456789012:repository/shared/npm
      aws_codeartifact_repository_permissions_policy | domain = "shared"; domain_owner = "111122223333"; repository = "npm" | policy_document | arn:aws:codeartifact:eu-west-1:111122223333:repository/shared/npm
      aws_codebuild_resource_policy                  | resource_arn = "arn:aws:codebuild:eu-west-1:123456789012:project/build" | policy | arn:aws:codebuild:eu-west-1:123456789012:project/build
      aws_efs_file_system_policy                     | file_system_id = "fs-0123456789abcdef0"   | policy          | arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0123456789abcdef0
      aws_glue_resource_policy                       | #                                         | policy          | arn:aws:glue:eu-west-1:123456789012:catalog
      aws_media_store_container_policy               | container_name = "video"                  | policy          | arn:aws:mediastore:eu-west-1:123456789012:container/video
      aws_networkfirewall_resource_policy            | resource_arn = "arn:aws:network-firewall:eu-west-1:123456789012:firewall-policy/edge" | policy | arn:aws:network-firewall:eu-west-1:123456789012:firewall-policy/edge
      aws_s3control_access_point_policy              | access_point_arn = "arn:aws:s3:eu-west-1:123456789012:accesspoint/reports" | policy | arn:aws:s3:eu-west-1:123456789012:accesspoint/reports
      aws_s3control_bucket_policy                    | bucket = "arn:aws:s3-outposts:eu-west-1:123456789012:outpost/op-01ac5d28a6a232904/bucket/b" | policy | arn:aws:s3-outposts:eu-west-1:123456789012:outpost/op-01ac5d28a6a232904/bucket/b
      aws_s3control_object_lambda_access_point_policy | name = "redact"                          | policy          | arn:aws:s3-object-lambda:eu-west-1:123456789012:accesspoint/redact
      aws_ses_identity_policy                        | identity = "example.com"; name = "send"   | policy          | arn:aws:ses:eu-west-1:123456789012:identity/example.com
      """)
  void thePolicyIsTheResourcesAtItsArn(String type, String arguments, String argument, String arn) throws IOException {
    Map<String, Policy> policies = resourcePolicies("resource \"" + type + "\" \"x\" {\n  " + arguments.replace("; ", "\n  ")
        + "\n  " + argument + " = \"" + DOCUMENT + "\"\n}\n");

    assertThat(policies).containsOnlyKeys(arn);
    assertThat(policies.get(arn).statements()).singleElement()
        .satisfies(s -> assertThat(s.sid()).hasValue("Shown"));
  }

  /** KMS keys of every kind: the policy given, or AWS KMS's default key policy. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      aws_kms_key
      aws_kms_external_key
      aws_kms_replica_key
      aws_kms_replica_external_key
      """)
  void everyKindOfKmsKeyHasItsKeyPolicy(String type) throws IOException {
    Account account = load("resource \"" + type + "\" \"given\" {\n  policy = \"" + DOCUMENT + "\"\n}\n"
        + "resource \"" + type + "\" \"default\" {\n}\n");

    assertThat(account.resourcePolicies()).hasSize(2).allSatisfy((arn, policy) ->
        assertThat(arn).startsWith("arn:aws:kms:eu-west-1:123456789012:key/"));
    assertThat(account.resourcePolicies().values()).extracting(p -> p.statements().get(0).sid().orElse(""))
        .containsExactlyInAnyOrder("Shown", "Enable IAM User Permissions");
  }

  /** The *_exclusive attachment resources attach what they list; the inline-policy ones hold no policy. */
  @Test
  void exclusiveAttachmentsAttachWhatTheyList() throws IOException {
    Account account = load("""
        resource "aws_iam_role" "app" {
          name               = "app"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
        }
        resource "aws_iam_policy" "read" {
          name   = "read"
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
        }
        resource "aws_iam_role_policy_attachments_exclusive" "app" {
          role_name   = aws_iam_role.app.name
          policy_arns = [aws_iam_policy.read.arn]
        }
        resource "aws_iam_user" "ops" {
          name = "ops"
        }
        resource "aws_iam_user_policy_attachments_exclusive" "ops" {
          user_name   = aws_iam_user.ops.name
          policy_arns = [aws_iam_policy.read.arn]
        }
        resource "aws_iam_role_policies_exclusive" "app" {
          role_name    = aws_iam_role.app.name
          policy_names = []
        }
        """);

    assertThat(account.role("app").orElseThrow().managedPolicyArns()).containsExactly("arn:aws:iam::123456789012:policy/read");
    assertThat(account.user("ops").orElseThrow().managedPolicyArns()).containsExactly("arn:aws:iam::123456789012:policy/read");
  }
}
