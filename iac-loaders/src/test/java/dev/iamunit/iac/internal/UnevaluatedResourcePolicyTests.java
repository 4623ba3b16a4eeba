package dev.iamunit.iac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.Unresolved;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 20, class 4: a resource of a type IAMUnit does not model yet whose arguments or properties
 * hold a policy document is reported with file:line, so that its access never vanishes silently.
 * Detection is generic (an argument named like a policy whose value is a document with a
 * {@code Statement}), so that a type nobody listed cannot vanish either.
 */
class UnevaluatedResourcePolicyTests {

  @TempDir
  Path dir;

  private static final String DOCUMENT = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
      + "\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"*\\\",\\\"Resource\\\":\\\"*\\\"}]}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      aws_s3tables_table_policy                        | name = "t"                  | resource_policy
      """)
  void terraformReportsTheTypeAtTheArgumentsLine(String type, String other, String argument) {
    Sources.Loaded loaded = new Sources(dir).terraform(type, """
        resource "%s" "x" {
          %s
          %s = "%s"
        }
        """.formatted(type, other, argument, DOCUMENT));

    assertThat(loaded.report().unresolved()).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo(type + ".x." + argument);
      assertThat(u.location()).hasToString(type + "/main.tf:3:" + (argument.length() + 6) + " (" + type + ".x)");
      assertThat(u.reason()).startsWith("resource policy of type " + type + " not evaluated");
    });
  }

  /** An access policy argument that cannot be computed is reported too: it could hold anything. */
  @Test
  void terraformReportsAnAccessPolicyArgumentThatCannotBeComputed() {
    Sources.Loaded loaded = new Sources(dir).terraform("unknown", """
        variable "policy" { type = string }
        resource "aws_s3tables_table_policy" "x" {
          resource_policy = var.policy
        }
        """);

    assertThat(loaded.report().unresolved()).filteredOn(u -> u.reason().contains("not evaluated")).singleElement()
        .satisfies(u -> assertThat(u.location()).hasToString("unknown/main.tf:3:21 (aws_s3tables_table_policy.x)"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      aws_ecr_lifecycle_policy | repository = "r" | policy = "{\\"rules\\":[]}"
      aws_iam_role             | name = "r"       | assume_role_policy = "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[]}"
      aws_cloudwatch_log_group | name = "g"       | retention_in_days = 7
      aws_s3_bucket_public_access_block | bucket = "b" | block_public_policy = var.unset
      aws_sns_topic_subscription        | topic_arn = "t" | filter_policy = var.unset
      """)
  void terraformLeavesDocumentsThatAreNotPoliciesAndModelledTypesAlone(String type, String first, String second) {
    Sources.Loaded loaded = new Sources(dir).terraform(type, """
        resource "%s" "x" {
          %s
          %s
        }
        """.formatted(type, first, second));

    assertThat(loaded.report().unresolved()).extracting(Unresolved::reason).noneMatch(r -> r.contains("not evaluated"));
  }

  /** Secrets Manager secret policies are modelled: the policy is the secret's, at the ARN AWS gives it, in both formats. */
  @Test
  void aSecretPolicyIsTheSecretsResourcePolicyInBothFormats() {
    String policy = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Deny\\\",\\\"Principal\\\":\\\"*\\\","
        + "\\\"Action\\\":\\\"secretsmanager:DeleteSecret\\\",\\\"Resource\\\":\\\"*\\\"}]}";
    Sources.Loaded terraform = new Sources(dir).terraform("secret", """
        resource "aws_secretsmanager_secret" "db" { name = "db" }
        resource "aws_secretsmanager_secret_policy" "db" {
          secret_arn = aws_secretsmanager_secret.db.arn
          policy     = "%s"
        }
        """.formatted(policy));
    Sources.Loaded cloudFormation = new Sources(dir).cloudFormation("secret.yaml", """
        Resources:
          Db: {Type: AWS::SecretsManager::Secret, Properties: {Name: db}}
          DbPolicy:
            Type: AWS::SecretsManager::ResourcePolicy
            Properties:
              SecretId: !Ref Db
              ResourcePolicy: {Version: "2012-10-17", Statement: [{Effect: Deny, Principal: "*", Action: "secretsmanager:DeleteSecret", Resource: "*"}]}
        """);

    for (Sources.Loaded loaded : List.of(terraform, cloudFormation)) {
      assertThat(loaded.account().resourcePolicies().keySet()).singleElement()
          .extracting(arn -> Unresolved.replacePlaceholders(arn, "<generated>"))
          .isEqualTo("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-<generated>");
      assertThat(loaded.report().unresolved()).extracting(Unresolved::reason).noneMatch(r -> r.contains("not evaluated"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      AWS::S3Tables::TablePolicy          | ResourcePolicy       | `{Version: "2012-10-17", Statement: [{Effect: Allow, Principal: "*", Action: "s3tables:*", Resource: "*"}]}`
      AWS::S3ObjectLambda::AccessPointPolicy | PolicyDocument    | `{Version: "2012-10-17", Statement: [{Effect: Allow, Principal: "*", Action: "*", Resource: "*"}]}`
      """)
  void cloudFormationReportsTheTypeAtThePropertysLine(String type, String property, String document) {
    Sources.Loaded loaded = new Sources(dir).cloudFormation("t.yaml", """
        Resources:
          X:
            Type: %s
            Properties:
              %s: %s
        """.formatted(type, property, document));

    assertThat(loaded.report().unresolved()).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo("X." + property);
      assertThat(u.location()).hasToString("t.yaml:5:7 (X)");
      assertThat(u.reason()).startsWith("resource policy of type " + type + " not evaluated");
    });
    assertThat(List.of(type)).as("the account holds no guess for it").allSatisfy(t ->
        assertThat(loaded.account().resourcePolicies()).isEmpty());
  }
}
