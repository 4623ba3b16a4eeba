package dev.iamunit.iac.terraform;

import dev.iamunit.iac.LoadReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One Terraform construct per test, each checked with the location of what it produces. */
class ConstructTests {

  @TempDir
  Path dir;

  private LoadReport load(String tf) throws IOException {
    return load(tf, Map.of());
  }

  private LoadReport load(String tf, Map<String, String> values) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    return TerraformLoader.report(dir, LoadOptions.defaults().withProjectRoot(dir).withValues(values));
  }

  private static Policy policy(LoadReport report, String address) {
    return report.policies().stream().filter(p -> p.address().equals(address)).findFirst().orElseThrow().policy();
  }

  private static Statement first(LoadReport report, String address) {
    return policy(report, address).statements().get(0);
  }

  @Test
  void heredocStatementLinesAreFileLinesAndEscapesAreUnescaped() throws IOException {
    LoadReport report = load("""
        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = <<-EOF
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": "iam:ChangePassword",
                  "Resource": "arn:aws:iam::*:user/$${aws:username}"
                }
              ]
            }
          EOF
        }
        """);
    Statement statement = first(report, "aws_iam_policy.p");
    assertThat(statement.resource().orElseThrow().values()).containsExactly("arn:aws:iam::*:user/${aws:username}");
    assertThat(statement.location().file()).isEqualTo("main.tf");
    assertThat(statement.location().line()).isEqualTo(7);
    assertThat(statement.location().address()).isEqualTo("aws_iam_policy.p");
  }

  @Test
  void policyDocumentRendersAsTheProviderDoes() throws IOException {
    LoadReport report = load("""
        data "aws_iam_policy_document" "d" {
          statement {
            actions   = ["s3:GetObject", "s3:ListBucket"]
            resources = ["arn:aws:s3:::b/&{aws:username}/*"]
          }

          statement {
            sid     = "Deny"
            effect  = "Deny"
            not_actions = ["iam:*"]
            resources   = ["*"]
            condition {
              test     = "BoolIfExists"
              variable = "aws:MultiFactorAuthPresent"
              values   = [false]
            }
          }
        }

        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = data.aws_iam_policy_document.d.json
        }
        """);
    Policy policy = policy(report, "aws_iam_policy.p");
    assertThat(policy.version()).contains("2012-10-17");
    Statement allow = policy.statements().get(0);
    assertThat(allow.effect().name()).isEqualTo("ALLOW");
    // Longer lists are sorted in reverse, as the provider writes them.
    assertThat(allow.action().values()).containsExactly("s3:ListBucket", "s3:GetObject");
    assertThat(allow.resource().orElseThrow().values()).containsExactly("arn:aws:s3:::b/${aws:username}/*");
    assertThat(allow.location().line()).isEqualTo(2);
    Statement deny = policy.statements().get(1);
    assertThat(deny.sid()).contains("Deny");
    assertThat(deny.action().negated()).isTrue();
    assertThat(deny.conditions()).singleElement().satisfies(c -> {
      assertThat(c.key()).isEqualTo("aws:MultiFactorAuthPresent");
      assertThat(c.values()).containsExactly("false");
    });
    assertThat(deny.location().line()).isEqualTo(7);
    assertThat(deny.location().address()).isEqualTo("data.aws_iam_policy_document.d");
  }

  @Test
  void dynamicStatementsSourceAndOverrideDocumentsMergeBySid() throws IOException {
    LoadReport report = load("""
        locals {
          buckets = { logs = "arn:aws:s3:::logs", data = "arn:aws:s3:::data" }
        }

        data "aws_iam_policy_document" "base" {
          statement {
            sid       = "Read"
            actions   = ["s3:GetObject"]
            resources = ["*"]
          }
          statement {
            sid       = "Keep"
            actions   = ["s3:ListAllMyBuckets"]
            resources = ["*"]
          }
        }

        data "aws_iam_policy_document" "override" {
          statement {
            sid       = "Keep"
            actions   = ["s3:ListBucket"]
            resources = ["*"]
          }
        }

        data "aws_iam_policy_document" "d" {
          source_policy_documents   = [data.aws_iam_policy_document.base.json]
          override_policy_documents = [data.aws_iam_policy_document.override.json]
          policy_id = "merged"

          dynamic "statement" {
            for_each = local.buckets
            iterator = bucket
            content {
              sid       = "Read"
              actions   = ["s3:PutObject"]
              resources = ["${bucket.value}/*"]
            }
          }
        }

        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = data.aws_iam_policy_document.d.json
        }
        """);
    Policy policy = policy(report, "aws_iam_policy.p");
    assertThat(policy.id()).contains("merged");
    assertThat(policy.statements()).extracting(s -> s.sid().orElse("") + " " + s.action().values())
        .containsExactly("Read [s3:PutObject]", "Keep [s3:ListBucket]");
  }

  /**
   * Terraform iterates a map in lexical order of its keys, whatever the order written ("The keys
   * are returned in lexicographical order", Terraform language, keys function); `terraform console`
   * 1.11 gives {@code [for k, v in {b = 1, a = 2, B = 3} : k]} as ["B", "a", "b"], and the plan of
   * tools/terraform-oracle's functions unit renders a dynamic statement over a map in that order.
   */
  @Test
  void dynamicBlocksAndForExpressionsIterateAMapInLexicalKeyOrder() throws IOException {
    LoadReport report = load("""
        locals {
          m = { Read = "s3:GetObject", List = "s3:ListBucket", b = "s3:PutObject", B = "s3:DeleteObject" }
        }

        data "aws_iam_policy_document" "d" {
          dynamic "statement" {
            for_each = local.m
            content {
              sid       = statement.key
              actions   = [statement.value]
              resources = ["*"]
            }
          }
        }

        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = data.aws_iam_policy_document.d.json
        }

        resource "aws_iam_policy" "for_expression" {
          name   = "for-expression"
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = [for k, v in local.m : v], Resource = "*" }] })
        }
        """);
    assertThat(policy(report, "aws_iam_policy.p").statements()).extracting(s -> s.sid().orElse(""))
        .containsExactly("B", "List", "Read", "b");
    assertThat(first(report, "aws_iam_policy.for_expression").action().values())
        .containsExactly("s3:DeleteObject", "s3:ListBucket", "s3:GetObject", "s3:PutObject");
  }

  @Test
  void variablesLocalsTemplatesConditionalsForAndSplat() throws IOException {
    LoadReport report = load("""
        variable "env" {
          type    = string
          default = "dev"
        }
        variable "names" {
          type = list(string)
        }
        locals {
          prefix = "app-${var.env}"
          arns   = [for n in var.names : "arn:aws:s3:::${local.prefix}-${n}" if n != "skip"]
          admin  = var.env == "prod" ? "Deny" : "Allow"
        }
        resource "aws_iam_user" "u" {
          count = length(var.names)
          name  = upper(var.names[count.index])
        }
        resource "aws_iam_user_policy" "p" {
          user = aws_iam_user.u[0].name
          name = "p"
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect   = local.admin
              Action   = "s3:GetObject"
              Resource = concat(local.arns, aws_iam_user.u[*].arn)
            }]
          })
        }
        """, Map.of("env", "prod", "names", "[\"a\", \"skip\"]"));
    Statement statement = first(report, "aws_iam_user_policy.p");
    assertThat(statement.effect().name()).isEqualTo("DENY");
    assertThat(statement.resource().orElseThrow().values()).containsExactly(
        "arn:aws:s3:::app-prod-a", "arn:aws:iam::123456789012:user/A", "arn:aws:iam::123456789012:user/SKIP");
    assertThat(statement.location().line()).isEqualTo(22);
    assertThat(report.unresolved()).isEmpty();
  }

  @Test
  void unknownVariableStaysSymbolicWithItsLocationNeverGuessed() throws IOException {
    LoadReport report = load("""
        variable "bucket" {}
        variable "strict" {}
        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect   = var.strict ? "Deny" : "Allow"
              Action   = "s3:GetObject"
              Resource = "arn:aws:s3:::${var.bucket}/*"
            }]
          })
        }
        """);
    assertThat(report.unresolved()).extracting(Unresolved::expression)
        .contains("var.bucket", "var.strict ? \"Deny\" : \"Allow\"");
    Unresolved bucket = report.unresolved().stream().filter(u -> u.expression().equals("var.bucket")).findFirst().orElseThrow();
    assertThat(bucket.location().fileAndLine()).isEqualTo("main.tf:10");
    // The statement's Effect is unknown: it is left out and reported, not taken as Allow.
    assertThat(policy(report, "aws_iam_policy.p").statements()).isEmpty();
  }

  @Test
  void localModulesTakeInputsAndGiveOutputs() throws IOException {
    Path module = Files.createDirectories(dir.resolve("modules/role"));
    Files.writeString(module.resolve("main.tf"), """
        variable "name" {}
        resource "aws_iam_role" "r" {
          name = var.name
          assume_role_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
          })
        }
        output "name" { value = aws_iam_role.r.name }
        """);
    Files.writeString(dir.resolve("main.tf"), """
        module "app" {
          source = "./modules/role"
          name   = "app-role"
        }
        resource "aws_iam_role_policy_attachment" "a" {
          role       = module.app.name
          policy_arn = aws_iam_policy.p.arn
        }
        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = file("${path.module}/policy.json")
        }
        """);
    Files.writeString(dir.resolve("policy.json"), """
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
        """);
    Account account = TerraformLoader.load(dir, LoadOptions.defaults().withProjectRoot(dir));
    assertThat(account.role("app-role").orElseThrow().managedPolicyArns()).containsExactly("arn:aws:iam::123456789012:policy/p");
    assertThat(account.role("app-role").orElseThrow().trustPolicy().orElseThrow().statements().get(0).location().fileAndLine())
        .isEqualTo("modules/role/main.tf:6");
    assertThat(account.managedPolicy("arn:aws:iam::123456789012:policy/p").orElseThrow().document().statements().get(0)
        .location().fileAndLine()).isEqualTo("policy.json:2");
  }

  @Test
  void templateDirectivesAndFunctions() throws IOException {
    LoadReport report = load("""
        locals {
          actions = ["s3:GetObject", "s3:PutObject"]
          joined  = "%{ for a in local.actions }${a},%{ endfor }"
          list    = compact(split(",", local.joined))
          flag    = "%{ if length(local.list) == 2 }two%{ else }other%{ endif }"
        }
        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Sid = local.flag, Effect = "Allow", Action = distinct(concat(local.list, ["s3:GetObject"])),
                           Resource = format("arn:aws:s3:::%s/*", lookup({ a = "x" }, "a", "y")) }]
          })
        }
        """);
    Statement statement = first(report, "aws_iam_policy.p");
    assertThat(statement.sid()).contains("two");
    assertThat(statement.action().values()).containsExactly("s3:GetObject", "s3:PutObject");
    assertThat(statement.resource().orElseThrow().values()).containsExactly("arn:aws:s3:::x/*");
  }

  @Test
  void syntaxErrorNamesFileAndLine() {
    assertThatThrownBy(() -> load("""
        resource "aws_iam_policy" "p" {
          name = "p
        }
        """))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("main.tf:2:")
        .hasMessageContaining("quoted string cannot span lines");
  }

  @Test
  void fileMayNotLeaveTheProjectRoot() {
    assertThatThrownBy(() -> load("""
        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = file("../../etc/passwd")
        }
        """))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("main.tf:3")
        .hasMessageContaining("outside the project root");
  }
}
