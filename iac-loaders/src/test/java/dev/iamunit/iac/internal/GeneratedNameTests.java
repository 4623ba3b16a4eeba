package dev.iamunit.iac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, class 6: a role or user whose name AWS generates ({@code name_prefix}, no name, a name
 * from an unset variable) keeps the attachments and inline policies that refer to it by
 * {@code .name}, {@code .id} or {@code .arn}, and a test names it by its template address.
 */
class GeneratedNameTests {

  @TempDir
  Path dir;

  private static final String READ = "jsonencode({Version = \"2012-10-17\", Statement = [{Effect = \"Allow\", Action = \"s3:GetObject\","
      + " Resource = \"*\"}]})";

  private static final String TRUST = "jsonencode({Version = \"2012-10-17\", Statement = [{Effect = \"Allow\", Action = \"sts:AssumeRole\","
      + " Principal = {Service = \"lambda.amazonaws.com\"}}]})";

  private Account terraform(String text) {
    Sources.Loaded loaded = new Sources(dir).terraform("tf", text);
    assertThat(loaded.report().problems()).isEmpty();
    return loaded.account();
  }

  @Test
  void aRoleNamedByNamePrefixKeepsItsAttachmentsAndInlinePolicies() {
    Account account = terraform("""
        resource "aws_iam_role" "lambda" {
          name_prefix        = "lambda-"
          assume_role_policy = %2$s
        }
        resource "aws_iam_policy" "logs" {
          name_prefix = "logs-"
          policy      = %1$s
        }
        resource "aws_iam_role_policy_attachment" "by_name" {
          role       = aws_iam_role.lambda.name
          policy_arn = aws_iam_policy.logs.arn
        }
        resource "aws_iam_role_policy" "by_id" {
          name   = "inline"
          role   = aws_iam_role.lambda.id
          policy = %1$s
        }
        """.formatted(READ, TRUST));

    Role role = account.role("aws_iam_role.lambda").orElseThrow();
    assertThat(Unresolved.replacePlaceholders(role.name(), "<generated>")).isEqualTo("lambda-<generated>");
    assertThat(role.inlinePolicies()).extracting(Policy::name).containsExactly("inline");
    assertThat(role.managedPolicyArns()).singleElement().satisfies(arn -> {
      assertThat(Unresolved.replacePlaceholders(arn, "<generated>")).isEqualTo("arn:aws:iam::123456789012:policy/logs-<generated>");
      assertThat(account.managedPolicy(arn)).isPresent();
    });
    assertThat(account.unresolved()).extracting(Unresolved::expression).contains("aws_iam_role.lambda.name")
        .doesNotContain("aws_iam_role_policy_attachment.by_name", "aws_iam_role_policy.by_id");
  }

  @Test
  void aTestActsAsTheRoleByItsAddressAndItsPoliciesDecide() {
    Account account = terraform("""
        resource "aws_iam_role" "lambda" {
          assume_role_policy = %2$s
        }
        resource "aws_iam_role_policy" "read" {
          role   = aws_iam_role.lambda.name
          policy = %1$s
        }
        """.formatted(READ, TRUST));

    Caller caller = Caller.roleSession(account, "aws_iam_role.lambda", "test");
    Decision decision = Evaluator.standard().explain(
        caller.request("s3:GetObject", "arn:aws:s3:::b/k", CredentialKind.ASSUMED_ROLE, Instant.now(), Map.of()));

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(Outcome.ALLOWED);
    assertThat(Unresolved.replacePlaceholders(account.role("aws_iam_role.lambda").orElseThrow().name(), "<generated>"))
        .as("Terraform's own generated names start with terraform-").isEqualTo("terraform-<generated>");
  }

  @Test
  void aUserWhoseNameIsUnsetKeepsItsPoliciesAndIsFoundByAddress() {
    Account account = terraform("""
        variable "user_name" { type = string }
        resource "aws_iam_user" "ci" { name = var.user_name }
        resource "aws_iam_user_policy" "read" {
          user   = aws_iam_user.ci.name
          policy = %1$s
        }
        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = %1$s
        }
        resource "aws_iam_user_policy_attachment" "p" {
          user       = aws_iam_user.ci.name
          policy_arn = aws_iam_policy.p.arn
        }
        """.formatted(READ));

    User user = account.user("aws_iam_user.ci").orElseThrow();
    assertThat(user.inlinePolicies()).hasSize(1);
    assertThat(user.managedPolicyArns()).containsExactly("arn:aws:iam::123456789012:policy/p");
  }

  @Test
  void aCloudFormationRoleWithoutRoleNameIsFoundByItsLogicalId() {
    Sources.Loaded loaded = new Sources(dir).cloudFormation("t.yaml", """
        Resources:
          Worker:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "sts:AssumeRole", Principal: {Service: lambda.amazonaws.com}}]}
          Read:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: read
              Roles: [!Ref Worker]
              PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:GetObject", Resource: "*"}]}
        """);

    Role role = loaded.account().role("Worker").orElseThrow();
    assertThat(role.inlinePolicies()).extracting(Policy::name).containsExactly("read");
    assertThat(Unresolved.replacePlaceholders(role.name(), "<generated>")).isEqualTo("t-Worker-<generated>");
    assertThat(loaded.account().role("Read")).as("an address names only the principal declared there").isEmpty();
  }
}
