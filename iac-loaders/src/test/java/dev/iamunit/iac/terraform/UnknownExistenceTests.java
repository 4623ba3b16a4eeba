package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.UnresolvedValueException;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource whose count or for_each is unknown may not exist: Terraform refuses to plan it
 * without the value ("Invalid count argument: The "count" value depends on resource attributes that
 * cannot be determined until apply"). Its statements apply only if it exists, so a decision that
 * depends on them fails naming the value to give, and a decision they cannot change stands.
 */
class UnknownExistenceTests {

  @TempDir
  Path dir;

  private static final String AUDITOR = """
      variable "enable_audit" { type = bool }
      resource "aws_iam_user" "auditor" { name = "auditor" }
      resource "aws_iam_user_policy" "base" {
        user = aws_iam_user.auditor.name
        name = "base"
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [
            { Effect = "Allow", Action = "s3:GetObject", Resource = "*" },
            { Effect = "Deny", Action = "cloudtrail:DeleteTrail", Resource = "*" },
          ]
        })
      }
      resource "aws_iam_user_policy" "audit" {
        count = var.enable_audit ? 1 : 0
        user  = aws_iam_user.auditor.name
        name  = "audit"
        policy = jsonencode({
          Version   = "2012-10-17"
          Statement = [{ Effect = "Allow", Action = ["cloudtrail:LookupEvents", "cloudtrail:DeleteTrail"], Resource = "*" }]
        })
      }
      """;

  private Account load(String tf, Map<String, String> values) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    return TerraformLoader.load(dir, LoadOptions.defaults().withProjectRoot(dir).withValues(values));
  }

  private static Decision decide(Account account, User user, String action) {
    Request request = Request.of(user.arn(), action, "*", RequestContext.builder().build());
    return Evaluator.standard().explain(request,
        PolicySet.builder().identity(SeedScenarioTests.identityPolicies(account, user)).build());
  }

  private static Decision decide(Account account, Role role, String action) {
    List<Policy> policies = new ArrayList<>(role.inlinePolicies());
    role.managedPolicyArns().forEach(arn -> policies.add(account.managedPolicy(arn).orElseThrow().document()));
    return Evaluator.standard().explain(Request.of(role.arn(), action, "*", RequestContext.builder().build()),
        PolicySet.builder().identity(policies).build());
  }

  @Test
  void decisionThatDependsOnAResourceOfUnknownCountFailsNamingTheVariable() throws IOException {
    Account account = load(AUDITOR, Map.of());
    User auditor = account.user("auditor").orElseThrow();

    assertThatThrownBy(() -> decide(account, auditor, "cloudtrail:LookupEvents"))
        .isInstanceOfSatisfying(UnresolvedValueException.class, e -> assertThat(e.values()).singleElement().satisfies(u -> {
          assertThat(u.expression()).isEqualTo("count = var.enable_audit ? 1 : 0");
          assertThat(u.location().fileAndLine()).isEqualTo("main.tf:15");
          assertThat(u.location().address()).isEqualTo("aws_iam_user_policy.audit");
          assertThat(u.reason()).isEqualTo("whether aws_iam_user_policy.audit exists is unknown: count depends on"
              + " var.enable_audit (variable \"enable_audit\" has no default and was given no value); its"
              + " statements apply only if it does, so a decision that depends on them cannot be"
              + " made; give enable_audit a value (@IamTest(parameters = \"enable_audit=...\") or a .tfvars file)");
        }));
    assertThat(account.unresolved()).extracting(Unresolved::expression).contains("count = var.enable_audit ? 1 : 0");
  }

  @Test
  void decisionsTheUncertainStatementsCannotChangeStand() throws IOException {
    Account account = load(AUDITOR, Map.of());
    User auditor = account.user("auditor").orElseThrow();

    // Allowed by a certain statement: an uncertain Allow cannot change it.
    assertThat(decide(account, auditor, "s3:GetObject").outcome()).isEqualTo(Outcome.ALLOWED);
    // Denied by a certain Deny: the uncertain Allow of the same action cannot change it.
    assertThat(decide(account, auditor, "cloudtrail:DeleteTrail").outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    // Nothing, certain or not, allows it.
    assertThat(decide(account, auditor, "iam:CreateUser").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void withTheVariableGivenTheDecisionIsMade() throws IOException {
    Account enabled = load(AUDITOR, Map.of("enable_audit", "true"));
    assertThat(decide(enabled, enabled.user("auditor").orElseThrow(), "cloudtrail:LookupEvents").outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(enabled.unresolved()).isEmpty();
    Account disabled = load(AUDITOR, Map.of("enable_audit", "false"));
    assertThat(decide(disabled, disabled.user("auditor").orElseThrow(), "cloudtrail:LookupEvents").outcome())
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void uncertainDenyFailsTheDecisionItCouldChange() throws IOException {
    Account account = load("""
        variable "lock" { type = bool }
        resource "aws_iam_user" "u" { name = "u" }
        resource "aws_iam_user_policy" "allow" {
          user   = aws_iam_user.u.name
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
        }
        resource "aws_iam_user_policy" "lock" {
          count  = var.lock ? 1 : 0
          user   = aws_iam_user.u.name
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "s3:DeleteBucket", Resource = "*" }] })
        }
        """, Map.of());
    User u = account.user("u").orElseThrow();
    assertThatThrownBy(() -> decide(account, u, "s3:DeleteBucket")).isInstanceOf(UnresolvedValueException.class);
    assertThat(decide(account, u, "s3:GetObject").outcome()).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void resourcesOfAModuleOfUnknownCountApplyOnlyIfItExists() throws IOException {
    Files.createDirectories(dir.resolve("audit"));
    Files.writeString(dir.resolve("audit/main.tf"), """
        variable "user" { type = string }
        resource "aws_iam_user_policy" "audit" {
          user   = var.user
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "cloudtrail:LookupEvents", Resource = "*" }] })
        }
        """);
    Account account = load("""
        variable "enable_audit" { type = bool }
        resource "aws_iam_user" "auditor" { name = "auditor" }
        module "audit" {
          source = "./audit"
          count  = var.enable_audit ? 1 : 0
          user   = aws_iam_user.auditor.name
        }
        """, Map.of());
    User auditor = account.user("auditor").orElseThrow();
    assertThatThrownBy(() -> decide(account, auditor, "cloudtrail:LookupEvents")).isInstanceOfSatisfying(
        UnresolvedValueException.class, e -> assertThat(e.values()).singleElement().satisfies(u -> {
          assertThat(u.expression()).isEqualTo("count = var.enable_audit ? 1 : 0");
          assertThat(u.location().fileAndLine()).isEqualTo("main.tf:5");
          assertThat(u.reason()).startsWith("whether module.audit exists is unknown: count depends on var.enable_audit");
        }));
  }

}
