package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Statement;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code data "aws_iam_policy"} of an AWS managed policy, by name or ARN, from the bundled AWS
 * managed policy data: "arn - ARN of the IAM policy. Conflicts with name and path_prefix"; "name -
 * Name of the IAM policy"; "path_prefix - Prefix of the path to the IAM policy"; attributes
 * "path", "policy - Policy document of the policy" (AWS provider, Data Source: aws_iam_policy).
 * A customer managed policy is read from the account at plan time: unresolved.
 * The AWS managed policies' paths and documents are the bundled data's.
 */
class AwsManagedPolicyDataTests {

  @TempDir
  Path dir;

  private LoadReport load(String arguments) throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        data "aws_iam_policy" "p" {
          %s
        }
        resource "aws_iam_policy" "shown" {
          name   = "shown"
          policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = "iam:GetPolicy",
              Resource = [data.aws_iam_policy.p.arn, data.aws_iam_policy.p.id, "arn:aws:s3:::x${data.aws_iam_policy.p.path}${data.aws_iam_policy.p.name}"] }]
          })
        }
        resource "aws_iam_policy" "copy" {
          name   = "copy"
          policy = data.aws_iam_policy.p.policy
        }
        """.formatted(arguments.replace("; ", "\n")));
    return TerraformLoader.report(dir, LoadOptions.defaults().withProjectRoot(dir).withBundledAwsManagedPolicies());
  }

  private static List<Statement> statements(LoadReport report, String address) {
    return report.policies().stream().filter(p -> p.address().equals(address)).findFirst().orElseThrow().policy().statements();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "name = \"ReadOnlyAccess\"                                     | arn:aws:iam::aws:policy/ReadOnlyAccess                           | arn:aws:s3:::x/ReadOnlyAccess",
      "name = \"AWSLambdaBasicExecutionRole\"                        | arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole | arn:aws:s3:::x/service-role/AWSLambdaBasicExecutionRole",
      "name = \"AWSLambdaBasicExecutionRole\"; path_prefix = \"/service-role/\" | arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole | arn:aws:s3:::x/service-role/AWSLambdaBasicExecutionRole",
      "arn = \"arn:aws:iam::aws:policy/job-function/ViewOnlyAccess\" | arn:aws:iam::aws:policy/job-function/ViewOnlyAccess              | arn:aws:s3:::x/job-function/ViewOnlyAccess",
  })
  void anAwsManagedPolicyByNameOrArn(String arguments, String arn, String pathAndName) throws IOException {
    LoadReport report = load(arguments);

    assertThat(report.problems()).isEmpty();
    assertThat(report.unresolved()).isEmpty();
    assertThat(statements(report, "aws_iam_policy.shown").get(0).resource().orElseThrow().values())
        .containsExactly(arn, arn, pathAndName);
    String document = AwsData.bundled().managedPolicy(arn).orElseThrow().document();
    assertThat(statements(report, "aws_iam_policy.copy")).extracting(s -> s.effect() + " " + s.action().values() + " " + s.resource().map(r -> r.values()))
        .isEqualTo(PolicyParser.parse(document, arn, PolicyKind.IDENTITY, "expected").statements().stream()
            .map(s -> s.effect() + " " + s.action().values() + " " + s.resource().map(r -> r.values())).toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "name = \"team-boundary\"                                                 | names no AWS managed policy in IAMUnit's AWS managed policy data",
      "arn = \"arn:aws:iam::123456789012:policy/team-boundary\"                 | names no AWS managed policy",
      "name = \"AWSLambdaBasicExecutionRole\"; path_prefix = \"/job-function/\" | names no AWS managed policy",
      "name = var.policy                                                        | through a value IAMUnit cannot compute",
  })
  void anyOtherPolicyIsUnresolved(String arguments, String reason) throws IOException {
    LoadReport report = load(arguments.replace("var.policy", "var.policy\n}\nvariable \"policy\" {\n  type = string"));

    assertThat(report.problems()).isEmpty();
    assertThat(report.unresolved()).extracting(u -> u.expression() + ": " + u.reason())
        .anySatisfy(u -> assertThat(u).startsWith("data.aws_iam_policy.p.policy").contains(reason));
  }
}
