package dev.iamunit.iac.stacksets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 24: Terraform's {@code aws_cloudformation_stack_set} with {@code template_body} and its
 * {@code aws_cloudformation_stack_set_instance}s; an OU target expands through the organization the
 * same configuration declares ({@code stack-sets/terraform}).
 */
class TerraformStackSetTests {

  static final Path SOURCES = Path.of("src/test/resources/stack-sets/terraform");

  static LoadedSources load(String accountId) {
    return SourceFormats.standard().load(List.of(SOURCES), LoadOptions.defaults().withAccountId(accountId));
  }

  /** deploy-role targets the Workloads OU (prod, dev); reader has no targets, so "Defaults to current account". */
  @ParameterizedTest(name = "account {0}: deploy role {1}, reader role {2}")
  @CsvSource({
      "111111111111, true,  true",
      "222222222222, true,  true",
      "333333333333, false, true",   // sandbox is under the root, not Workloads
  })
  void anOuTargetDeploysToTheOusAccounts(String accountId, boolean deploy, boolean reader) {
    Account account = load(accountId).account();

    assertThat(account.role("deploy").isPresent()).isEqualTo(deploy);
    assertThat(account.role("reader").isPresent()).isEqualTo(reader);
  }

  @Test
  void theInstancesRoleIsEvaluatedWithTheStackSetsParameters() {
    Account prod = load("111111111111").account();

    assertThat(prod.role("deploy").orElseThrow().trustPolicy().orElseThrow().statements().get(0).principal().orElseThrow()
        .byType().get("AWS")).containsExactly("arn:aws:iam::999999999999:role/pipeline");
    Decision decision = Evaluator.standard().explain(Caller.roleSession(prod, "deploy", "pipeline").request("lambda:UpdateFunctionCode",
        "arn:aws:lambda:us-east-1:111111111111:function:api", CredentialKind.ASSUMED_ROLE, Instant.parse("2026-01-01T00:00:00Z"), Map.of()));
    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(Outcome.ALLOWED);
  }

  /** One load holds the instance in every target: dev (under Workloads) gets deploy too, in its own account's ARNs. */
  @Test
  void oneLoadPutsTheTemplateIntoEveryTargetAccount() {
    LoadedSources prod = load("111111111111");

    assertThat(prod.report().problems()).isEmpty();
    assertThat(prod.report().unresolved()).extracting(Unresolved::reason).noneMatch(r -> r.startsWith("stack set"));
    Account dev = prod.accounts().byId("222222222222").orElseThrow();
    assertThat(dev.role("deploy")).hasValueSatisfying(r -> assertThat(r.arn()).isEqualTo("arn:aws:iam::222222222222:role/deploy"));
    assertThat(prod.accounts().byId("333333333333")).hasValueSatisfying(sandbox -> assertThat(sandbox.role("deploy")).isEmpty());
  }

  /**
   * A stack set or stack instance whose {@code count} cannot be computed may not exist, and then
   * neither do the resources it deploys: the principals and statements of its template, in the
   * target account, apply only if it exists, naming the value that decides it. An instance that
   * certainly targets the account makes them certain there, as one certain attachment makes an
   * attachment certain.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      the stack set's count is unknown       | var.enabled ? 1 : 0 | 1                   | 0 | aws_cloudformation_stack_set.guarded
      the instance's count is unknown        | 1                   | var.enabled ? 1 : 0 | 0 | aws_cloudformation_stack_set_instance.prod
      another instance certainly targets it  | 1                   | var.enabled ? 1 : 0 | 1 | ''
      """)
  void anUncertainStackSetOrInstanceGivesTheInstancesResourcesTheSameUncertainty(String title, String setCount, String instanceCount,
      int certainInstances, String expected, @TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        variable "enabled" { type = bool }
        resource "aws_cloudformation_stack_set" "guarded" {
          count = %s
          name  = "guarded"
          template_body = jsonencode({
            Resources = {
              Reader = {
                Type = "AWS::IAM::Role"
                Properties = {
                  RoleName = "reader"
                  AssumeRolePolicyDocument = { Version = "2012-10-17", Statement = [{ Effect = "Allow",
                    Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] }
                  Policies = [{ PolicyName = "read", PolicyDocument = { Version = "2012-10-17",
                    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] } }]
                }
              }
            }
          })
        }
        resource "aws_cloudformation_stack_set_instance" "prod" {
          count          = %s
          stack_set_name = "guarded"
          account_id     = "111111111111"
        }
        resource "aws_cloudformation_stack_set_instance" "also_prod" {
          count          = %d
          stack_set_name = "guarded"
          account_id     = "111111111111"
        }
        """.formatted(setCount, instanceCount, certainInstances));
    Account prod = SourceFormats.standard().load(List.of(dir), LoadOptions.defaults().withAccountId("111111111111")).account();

    Role reader = prod.role("reader").orElseThrow();
    List<String> onlyIf = expected.isEmpty() ? List.of() : List.of(expected);
    assertThat(reader.existence().principal()).extracting(u -> u.location().address()).containsExactlyElementsOf(onlyIf);
    assertThat(reader.existence().principal()).extracting(Unresolved::expression).allMatch("count = var.enabled ? 1 : 0"::equals);
    assertThat(reader.inlinePolicies()).flatMap(Policy::statements)
        .allSatisfy(st -> assertThat(st.unresolved()).extracting(u -> u.location().address()).containsAll(onlyIf));
  }

  /**
   * A stack instance deploys to its {@code region} ("Target AWS Region to create a Stack based on
   * the StackSet. Defaults to current region", AWS provider, aws_cloudformation_stack_set_instance):
   * the template is loaded there (AWS::Region in its ARNs), and the target account takes it.
   */
  @Test
  void aStackInstancesRegionIsTheRegionOfItsTemplateAndItsAccount(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        provider "aws" { region = "us-east-1" }
        resource "aws_cloudformation_stack_set" "workers" {
          name = "workers"
          template_body = jsonencode({
            Resources = {
              Worker = {
                Type = "AWS::IAM::Role"
                Properties = {
                  RoleName = "worker"
                  AssumeRolePolicyDocument = { Version = "2012-10-17", Statement = [{ Effect = "Allow",
                    Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] }
                  Policies = [{ PolicyName = "jobs", PolicyDocument = { Version = "2012-10-17",
                    Statement = [{ Effect = "Allow", Action = "sqs:ReceiveMessage",
                      Resource = { "Fn::Sub" = "arn:aws:sqs:$${AWS::Region}:$${AWS::AccountId}:jobs" } }] } }]
                }
              }
            }
          })
        }
        resource "aws_cloudformation_stack_set_instance" "prod" {
          stack_set_name = aws_cloudformation_stack_set.workers.name
          account_id     = "111111111111"
          region         = "ap-southeast-2"
        }
        """);
    LoadedSources loaded = SourceFormats.standard().load(List.of(dir), LoadOptions.defaults().withAccountId("999999999999"));
    Account prod = loaded.accounts().byId("111111111111").orElseThrow();

    assertThat(prod.region()).isEqualTo("ap-southeast-2");
    assertThat(prod.role("worker").orElseThrow().inlinePolicies().get(0).statements().get(0).resource().orElseThrow().values())
        .containsExactly("arn:aws:sqs:ap-southeast-2:111111111111:jobs");
  }
}
