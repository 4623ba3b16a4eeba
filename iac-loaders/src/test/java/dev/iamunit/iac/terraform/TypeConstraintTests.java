package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variables' type constraints convert values as Terraform does, {@code optional()} defaults
 * included (Terraform language, "Type Constraints", "Optional Object Type Attributes": "If the
 * attribute is omitted or null, Terraform will use the default value"). Each expected value was
 * printed by Terraform 1.11's {@code terraform console} for the same declaration.
 */
class TypeConstraintTests {

  @TempDir
  Path dir;

  private LoadReport load(String tf) throws IOException {
    return load(tf, Map.of());
  }

  private LoadReport load(String tf, Map<String, String> values) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    return TerraformLoader.report(dir, LoadOptions.defaults().withProjectRoot(dir).withValues(values));
  }

  private static Statement statement(LoadReport report, String address, int index) {
    return report.policies().stream().filter(p -> p.address().equals(address)).findFirst().orElseThrow()
        .policy().statements().get(index);
  }

  /** {@code local.shown}, the converted values under test, as the policy's resources show them. */
  private static String shown(LoadReport report, String address) {
    assertThat(report.problems()).isEmpty();
    return String.join(",", report.policies().stream().filter(p -> p.address().equals(address)).findFirst().orElseThrow()
        .policy().statements().stream().map(s -> s.resource().orElseThrow().values().get(0).substring("arn:aws:s3:::".length()))
        .toList());
  }

  private static final String SHOW = """
      resource "aws_iam_policy" "show" {
        name   = "show"
        policy = jsonencode({
          Version   = "2012-10-17"
          Statement = [for s in local.shown : { Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::${s}" }]
        })
      }
      """;

  /** The shape of terraform-aws-modules v6's statement variables (sqs queue_policy_statements, iam-policy). */
  private static final String SQS_MODULE = """
      variable "queue_name" { type = string }
      variable "queue_policy_statements" {
        type = map(object({
          sid           = optional(string)
          actions       = optional(list(string))
          not_actions   = optional(list(string))
          effect        = optional(string, "Allow")
          resources     = optional(list(string))
          not_resources = optional(list(string))
          principals = optional(list(object({
            type        = string
            identifiers = list(string)
          })))
          condition = optional(list(object({
            test     = string
            values   = list(string)
            variable = string
          })))
        }))
        default = null
      }
      resource "aws_sqs_queue" "this" { name = var.queue_name }
      data "aws_iam_policy_document" "this" {
        dynamic "statement" {
          for_each = var.queue_policy_statements != null ? var.queue_policy_statements : {}
          content {
            sid           = try(coalesce(statement.value.sid, statement.key), null)
            actions       = statement.value.actions
            not_actions   = statement.value.not_actions
            effect        = statement.value.effect
            resources     = statement.value.resources != null ? statement.value.resources : [aws_sqs_queue.this.arn]
            not_resources = statement.value.not_resources
            dynamic "principals" {
              for_each = statement.value.principals != null ? statement.value.principals : []
              content {
                type        = principals.value.type
                identifiers = principals.value.identifiers
              }
            }
            dynamic "condition" {
              for_each = statement.value.condition != null ? statement.value.condition : []
              content {
                test     = condition.value.test
                values   = condition.value.values
                variable = condition.value.variable
              }
            }
          }
        }
      }
      resource "aws_sqs_queue_policy" "this" {
        queue_url = aws_sqs_queue.this.url
        policy    = data.aws_iam_policy_document.this.json
      }
      """;

  @Test
  void terraformAwsModulesStatementMapGetsItsOptionalAttributesFilled() throws IOException {
    Files.createDirectories(dir.resolve("sqs"));
    Files.writeString(dir.resolve("sqs/main.tf"), SQS_MODULE);
    LoadReport report = load("""
        module "queue" {
          source     = "./sqs"
          queue_name = "orders"
          queue_policy_statements = {
            sns = {
              actions    = ["sqs:SendMessage"]
              principals = [{ type = "Service", identifiers = ["sns.amazonaws.com"] }]
              condition  = [{ test = "ArnEquals", variable = "aws:SourceArn", values = ["arn:aws:sns:us-east-1:123456789012:t"] }]
            }
            deny_insecure = {
              sid        = "DenyInsecure"
              effect     = "Deny"
              actions    = ["sqs:*"]
              principals = [{ type = "*", identifiers = ["*"] }]
              condition  = [{ test = "Bool", variable = "aws:SecureTransport", values = ["false"] }]
            }
          }
        }
        """);
    assertThat(report.unresolved()).isEmpty();
    // The dynamic block iterates the map in lexical key order, as Terraform does: deny_insecure, then sns.
    Statement deny = statement(report, "module.queue.aws_sqs_queue_policy.this", 0);
    Statement sns = statement(report, "module.queue.aws_sqs_queue_policy.this", 1);
    assertThat(sns.sid()).contains("sns");
    assertThat(sns.effect()).hasToString("ALLOW");
    assertThat(sns.action().values()).containsExactly("sqs:SendMessage");
    assertThat(sns.resource().orElseThrow().values()).containsExactly("arn:aws:sqs:us-east-1:123456789012:orders");
    assertThat(sns.principal().orElseThrow().byType()).containsEntry("Service", java.util.List.of("sns.amazonaws.com"));
    assertThat(sns.conditions()).singleElement().satisfies(c -> {
      assertThat(c.key()).isEqualTo("aws:SourceArn");
      assertThat(c.values()).containsExactly("arn:aws:sns:us-east-1:123456789012:t");
    });
    assertThat(deny.sid()).contains("DenyInsecure");
    assertThat(deny.effect()).hasToString("DENY");
    assertThat(deny.action().values()).containsExactly("sqs:*");
  }

  @Test
  void optionalAttributesTakeTheirDefaultWhenOmittedOrNullAndExtraAttributesAreDropped() throws IOException {
    // terraform console: var.s.one.effect = "Allow" (given null), .nested.a = 7 (nested default {}),
    // .principals[0] has no "extra"; var.s.two.sid = "5" (a number converted to string), .actions = [].
    LoadReport report = load("""
        variable "s" {
          type = map(object({
            sid        = optional(string)
            effect     = optional(string, "Allow")
            actions    = optional(list(string), [])
            principals = optional(list(object({ type = string, identifiers = list(string) })), [])
            nested     = optional(object({ a = optional(number, 7) }), {})
          }))
          default = {
            one = { actions = ["s3:GetObject"], effect = null, principals = [{ type = "AWS", identifiers = ["x"], extra = 1 }] }
            two = { sid = 5, nested = null }
          }
        }
        locals {
          shown = [
            var.s.one.effect,
            "${var.s.one.nested.a}",
            "${var.s.one.sid == null}",
            join("+", keys(var.s.one.principals[0])),
            var.s.two.sid,
            "${length(var.s.two.actions)}",
            "${var.s.two.nested.a}",
          ]
        }
        """ + SHOW);
    assertThat(report.unresolved()).isEmpty();
    assertThat(shown(report, "aws_iam_policy.show")).isEqualTo("Allow,7,true,identifiers+type,5,0,7");
  }

  @Test
  void listsSetsTuplesAndPrimitivesConvert() throws IOException {
    // terraform console: toset(["a","a","b"]) has two elements; "3" converts to number 3; tuple([string, bool]) of [1, "true"].
    LoadReport report = load("""
        variable "set" {
          type    = set(string)
          default = ["a", "a", "b"]
        }
        variable "n" {
          type    = number
          default = "3"
        }
        variable "t" {
          type    = tuple([string, bool])
          default = [1, "true"]
        }
        variable "objects" {
          type    = list(object({ name = string, tags = optional(map(string), {}) }))
          default = [{ name = "a" }, { name = "b", tags = { k = 1 } }]
        }
        locals {
          shown = [
            "${length(var.set)}",
            "${var.n + 1}",
            var.t[0],
            "${var.t[1] == true}",
            "${length(var.objects[0].tags)}",
            var.objects[1].tags.k,
          ]
        }
        """ + SHOW);
    assertThat(report.unresolved()).isEmpty();
    assertThat(shown(report, "aws_iam_policy.show")).isEqualTo("2,4,1,true,0,1");
  }

  @Test
  void testValuesAndTfvarsAreConvertedToo() throws IOException {
    Files.writeString(dir.resolve("terraform.tfvars"), "rules = { r = { name = \"fromTfvars\" } }\n");
    LoadReport report = load("""
        variable "rules" {
          type = map(object({ name = string, effect = optional(string, "Deny") }))
        }
        variable "given" {
          type = object({ name = string, effect = optional(string, "Allow") })
        }
        locals {
          shown = [var.rules.r.name, var.rules.r.effect, var.given.name, var.given.effect]
        }
        """ + SHOW, Map.of("given", "{ name = \"fromTest\" }"));
    assertThat(report.unresolved()).isEmpty();
    assertThat(shown(report, "aws_iam_policy.show")).isEqualTo("fromTfvars,Deny,fromTest,Allow");
  }

  @Test
  void nonNullableVariableGivenNullTakesItsDefault() throws IOException {
    Files.createDirectories(dir.resolve("child"));
    Files.writeString(dir.resolve("child/main.tf"), """
        variable "effect" {
          type     = string
          default  = "Deny"
          nullable = false
        }
        variable "other" {
          type    = string
          default = "Deny"
        }
        locals { shown = [var.effect, "${var.other == null}"] }
        """ + SHOW);
    LoadReport report = load("""
        module "c" {
          source = "./child"
          effect = null
          other  = null
        }
        """);
    assertThat(report.unresolved()).isEmpty();
    assertThat(shown(report, "module.c.aws_iam_policy.show")).isEqualTo("Deny,true");
  }

  @Test
  void missingRequiredAttributeIsUnresolvedWithTerraformsReason() throws IOException {
    LoadReport report = load("""
        variable "s" {
          type    = object({ name = string, effect = optional(string) })
          default = { effect = "Allow" }
        }
        locals { shown = [var.s.effect] }
        """ + SHOW);
    Unresolved unresolved = report.unresolved().get(0);
    assertThat(unresolved.expression()).isEqualTo("var.s");
    assertThat(unresolved.location().fileAndLine()).isEqualTo("main.tf:5");
    assertThat(unresolved.reason())
        .isEqualTo("Terraform rejects the value of variable \"s\": attribute \"name\" is required (type at main.tf:2)");
  }

  @Test
  void wrongTypeNamesThePathInsideTheValue() throws IOException {
    LoadReport report = load("""
        variable "s" {
          type    = map(object({ actions = list(string) }))
          default = { a = { actions = "s3:GetObject" } }
        }
        locals { shown = var.s.a.actions }
        """ + SHOW);
    assertThat(report.unresolved().get(0).reason()).isEqualTo("Terraform rejects the value of variable \"s\": a list is"
        + " required at [\"a\"].actions, but the value is a string (type at main.tf:2)");
  }
}
