package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data "aws_iam_policy_document"} writes its {@code json} text only when an expression
 * reads it as text (a tag, a string function, its {@code id}); a policy built from the attribute
 * reads the rendered document itself. Either way the text is the one the renderer writes, the same
 * whenever it is written, and a policy parsed from it has the statements of the document.
 */
class PolicyDocumentTextTests {

  @TempDir
  Path dir;

  private static final String DOCUMENT = """
      data "aws_iam_policy_document" "d" {
        statement {
          sid       = "Read"
          actions   = ["s3:GetObject", "s3:ListBucket"]
          resources = ["arn:aws:s3:::b/&{aws:username}/*"]
        }
        statement {
          effect      = "Deny"
          not_actions = ["iam:*"]
          resources   = ["*"]
          condition {
            test     = "BoolIfExists"
            variable = "aws:MultiFactorAuthPresent"
            values   = [false]
          }
        }
      }
      """;

  /** The text as the renderer writes it (Jackson's default pretty printer; see the report of issue 26 on the provider's own layout). */
  private static final String TEXT = """
      {
        "Version" : "2012-10-17",
        "Statement" : [ {
          "Sid" : "Read",
          "Effect" : "Allow",
          "Action" : [ "s3:ListBucket", "s3:GetObject" ],
          "Resource" : "arn:aws:s3:::b/${aws:username}/*"
        }, {
          "Effect" : "Deny",
          "NotAction" : "iam:*",
          "Resource" : "*",
          "Condition" : {
            "BoolIfExists" : {
              "aws:MultiFactorAuthPresent" : "false"
            }
          }
        } ]
      }""";

  private Account load(String tf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), DOCUMENT + tf);
    return TerraformLoader.load(dir, LoadOptions.defaults().withProjectRoot(dir).withBundledAwsManagedPolicies());
  }

  @Test
  void theJsonAndItsIdReadAsTextAreTheRenderedDocument() throws IOException {
    Account account = load("""
        resource "aws_iam_role" "r" {
          name               = "r"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
          tags = {
            json          = data.aws_iam_policy_document.d.json
            minified_json = data.aws_iam_policy_document.d.minified_json
            id            = data.aws_iam_policy_document.d.id
          }
        }
        """);

    assertThat(account.role("r").orElseThrow().tags()).containsEntry("json", TEXT).containsEntry("minified_json", TEXT)
        .containsEntry("id", Integer.toString(TEXT.hashCode()));
  }

  /** A string function reads the text: the policy parsed from it is the document's, statement for statement. */
  @Test
  void aPolicyFromTheTextAsAStringFunctionReadsItHasTheDocumentsStatements() throws IOException {
    Account account = load("""
        resource "aws_iam_policy" "from_document" {
          name   = "from-document"
          policy = data.aws_iam_policy_document.d.json
        }
        resource "aws_iam_policy" "from_text" {
          name   = "from-text"
          policy = replace(data.aws_iam_policy_document.d.json, "s3:GetObject", "s3:GetObject")
        }
        """);

    assertThat(statements(account, "from-text")).isEqualTo(statements(account, "from-document"))
        .hasSize(2).first().satisfies(s -> assertThat(s).contains("s3:ListBucket", "s3:GetObject"));
  }

  private static List<String> statements(Account account, String name) {
    Policy policy = account.managedPolicy("arn:aws:iam::123456789012:policy/" + name).orElseThrow().document();
    return policy.statements().stream().map(PolicyDocumentTextTests::withoutLocation).toList();
  }

  private static String withoutLocation(Statement s) {
    return s.sid().orElse("") + " " + s.effect() + (s.action().negated() ? " NotAction " : " Action ") + s.action().values()
        + " Resource " + s.resource().orElseThrow().values() + " " + s.conditions();
  }
}
