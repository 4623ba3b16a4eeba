package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code data "aws_arn"} "parses an ARN into its constituent parts" (AWS provider, Data Source:
 * aws_arn: partition, service, region, account, resource) and reads nothing from the account, so
 * its attributes are known when its {@code arn} is. Found by tools/realworld on
 * terraform-aws-modules/terraform-aws-lambda, whose Lambda@Edge log group policy builds its ARN
 * from them.
 */
class ArnDataSourceTests {

  @TempDir
  Path dir;

  private LoadReport load(String arn) throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        variable "unset" { type = string }
        data "aws_arn" "a" {
          arn = %s
        }
        resource "aws_iam_policy" "shown" {
          name   = "shown"
          policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = "logs:PutLogEvents",
              Resource = "arn:${data.aws_arn.a.partition}:${data.aws_arn.a.service}:${data.aws_arn.a.region}:${data.aws_arn.a.account}:${data.aws_arn.a.resource}" }]
          })
        }
        """.formatted(arn));
    return TerraformLoader.report(dir, LoadOptions.defaults().withProjectRoot(dir));
  }

  private static String resource(LoadReport report) {
    return Unresolved.replacePlaceholders(report.policies().get(0).policy().statements().get(0).resource().orElseThrow().values().get(0), "<?>");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      "arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/x:*" | arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/x:*
      "arn:aws-cn:s3:::bucket/a:b"                                     | arn:aws-cn:s3:::bucket/a:b
      """)
  void theAttributesAreTheArnsParts(String arn, String rebuilt) throws IOException {
    LoadReport report = load(arn);

    assertThat(report.unresolved()).isEmpty();
    assertThat(resource(report)).isEqualTo(rebuilt);
  }

  /** A part known only after apply stays where it is written, carrying its own reason. */
  @org.junit.jupiter.api.Test
  void anUnknownPartOfTheArnStaysInItsField() throws IOException {
    LoadReport report = load("\"arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/${var.unset}\"");

    assertThat(resource(report)).isEqualTo("arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/<?>");
    assertThat(report.unresolved()).extracting(Unresolved::expression).containsExactly("var.unset");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      var.unset       | variable "unset" has no default and was given no value
      "not-an-arn"    | data source aws_arn is given not-an-arn, which is not an ARN; Terraform rejects it
      """)
  void anArnNotKnownOrNotAnArnLeavesThemUnresolved(String arn, String reason) throws IOException {
    LoadReport report = load(arn);

    assertThat(report.unresolved()).extracting(Unresolved::reason).contains(reason);
    assertThat(resource(report)).contains("<?>");
  }
}
