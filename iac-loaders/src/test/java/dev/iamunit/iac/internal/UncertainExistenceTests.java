package dev.iamunit.iac.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.UnresolvedValueException;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.cloudformation.CloudFormationLoader;
import dev.iamunit.iac.terraform.TerraformLoader;
import dev.iamunit.model.Account;
import dev.iamunit.model.Unresolved;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, class 7 completed: not only the statements of a resource whose existence is unknown
 * (a Terraform {@code count} over an unset variable, a CloudFormation {@code Condition} on a
 * parameter without a value) apply only if it exists, but also what it does to principals: an
 * attachment, a group membership, and a principal itself. Terraform refuses to plan such a
 * {@code count} ("Invalid count argument: The "count" value depends on resource attributes that
 * cannot be determined until apply"); CloudFormation "creates entities that are associated with a
 * true condition and ignores entities that are associated with a false condition" (CloudFormation
 * User Guide, "Conditions syntax"). A decision that depends on the uncertain part fails naming the
 * variable or parameter; one it cannot change stands. Decisions go through {@link Caller}, as every
 * consumer's do.
 */
class UncertainExistenceTests {

  @TempDir
  Path dir;

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static String policy(String effect, String action) {
    return "jsonencode({ Version = \"2012-10-17\", Statement = [{ Effect = \"" + effect + "\", Action = \"" + action
        + "\", Resource = \"*\" }] })";
  }

  private Account terraform(String text, Map<String, String> values) {
    Sources sources = new Sources(dir);
    Path file = sources.write("tf/main.tf", text);
    Account.Builder builder = Account.builder();
    LoadReport report = TerraformLoader.loadInto(file.getParent(), sources.options().withValues(values), builder);
    assertThat(report.problems()).isEmpty();
    return builder.build();
  }

  private Account cloudFormation(String text, Map<String, String> values) {
    Sources sources = new Sources(dir);
    Path file = sources.write("template.yaml", text);
    Account.Builder builder = Account.builder();
    LoadReport report = CloudFormationLoader.loadInto(List.of(file), sources.options().withValues(values)
        .withAwsManagedPolicies(arn -> arn.endsWith("/ReadOnlyAccess") ? Optional.of(READ_ONLY) : Optional.empty()), builder);
    assertThat(report.problems()).isEmpty();
    return builder.build();
  }

  private static final String READ_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\","
      + "\"Resource\":\"*\"}]}";

  private static Decision decide(Caller caller, String action, String resource) {
    return Evaluator.standard().explain(caller.request(action, resource, caller.defaultCredentials(), NOW, Map.of()));
  }

  private static Outcome outcome(Caller caller, String action) {
    return decide(caller, action, "*").outcome();
  }

  /** The decision fails, naming exactly one unresolved value: the count (or Condition) written at {@code fileAndLine}. */
  private static void failsNaming(Caller caller, String action, String resource, String expression, String fileAndLine,
      Consumer<Unresolved> more) {
    assertThatThrownBy(() -> decide(caller, action, resource))
        .isInstanceOfSatisfying(UnresolvedValueException.class, e -> assertThat(e.values()).singleElement().satisfies(u -> {
          assertThat(u.expression()).isEqualTo(expression);
          assertThat(u.location().fileAndLine()).isEqualTo(fileAndLine);
          more.accept(u);
        }));
  }

  // ---------------------------------------------------------------------------------- Terraform

  private static final String TF_ATTACHMENT = """
      variable "enable_audit" { type = bool }
      resource "aws_iam_user" "auditor" { name = "auditor" }
      resource "aws_iam_user" "admin" { name = "admin" }
      resource "aws_iam_policy" "base" {
        name   = "base"
        policy = %s
      }
      resource "aws_iam_policy" "audit" {
        name   = "audit"
        policy = %s
      }
      resource "aws_iam_user_policy_attachment" "base" {
        user       = aws_iam_user.auditor.name
        policy_arn = aws_iam_policy.base.arn
      }
      resource "aws_iam_user_policy_attachment" "audit" {
        count      = var.enable_audit ? 1 : 0
        user       = aws_iam_user.auditor.name
        policy_arn = aws_iam_policy.audit.arn
      }
      resource "aws_iam_user_policy_attachment" "admin_audit" {
        user       = aws_iam_user.admin.name
        policy_arn = aws_iam_policy.audit.arn
      }
      """.formatted(policy("Allow", "s3:GetObject"), policy("Allow", "cloudtrail:LookupEvents"));

  @Test
  void terraformAttachmentOfUnknownCountAppliesOnlyIfItExists() {
    Account account = terraform(TF_ATTACHMENT, Map.of());
    Caller auditor = Caller.user(account, "auditor");

    failsNaming(auditor, "cloudtrail:LookupEvents", "*", "count = var.enable_audit ? 1 : 0", "tf/main.tf:17", u -> {
      assertThat(u.location().address()).isEqualTo("aws_iam_user_policy_attachment.audit");
      assertThat(u.reason()).startsWith("whether aws_iam_user_policy_attachment.audit exists is unknown: count depends on"
          + " var.enable_audit").endsWith("give enable_audit a value (@IamTest(parameters = \"enable_audit=...\") or a .tfvars file)");
    });
    // What the certain attachment allows, and what nothing allows, are decided.
    assertThat(outcome(auditor, "s3:GetObject")).isEqualTo(Outcome.ALLOWED);
    assertThat(outcome(auditor, "iam:CreateUser")).isEqualTo(Outcome.IMPLICIT_DENY);
    // The same managed policy attached for certain to another user is certain for that user.
    assertThat(outcome(Caller.user(account, "admin"), "cloudtrail:LookupEvents")).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void terraformAttachmentWithTheVariableGivenIsDecided() {
    Account enabled = terraform(TF_ATTACHMENT, Map.of("enable_audit", "true"));
    assertThat(outcome(Caller.user(enabled, "auditor"), "cloudtrail:LookupEvents")).isEqualTo(Outcome.ALLOWED);
    assertThat(enabled.user("auditor").orElseThrow().existence().attachments()).isEmpty();
    Account disabled = terraform(TF_ATTACHMENT, Map.of("enable_audit", "false"));
    assertThat(outcome(Caller.user(disabled, "auditor"), "cloudtrail:LookupEvents")).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void terraformAttachmentThatIsCertainElsewhereIsCertain() {
    // A second, certain attachment of the same policy to the same user: the policy applies whatever the count.
    Account account = terraform(TF_ATTACHMENT + """
        resource "aws_iam_user_policy_attachment" "audit_always" {
          user       = aws_iam_user.auditor.name
          policy_arn = aws_iam_policy.audit.arn
        }
        """, Map.of());
    assertThat(outcome(Caller.user(account, "auditor"), "cloudtrail:LookupEvents")).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void terraformMembershipOfUnknownCountAppliesTheGroupsPoliciesOnlyIfItExists() {
    Account account = terraform("""
        variable "on_call" { type = bool }
        resource "aws_iam_user" "dev" { name = "dev" }
        resource "aws_iam_user" "lead" { name = "lead" }
        resource "aws_iam_group" "responders" { name = "responders" }
        resource "aws_iam_group_policy" "inline" {
          group  = aws_iam_group.responders.name
          policy = %s
        }
        resource "aws_iam_policy" "restart" {
          name   = "restart"
          policy = %s
        }
        resource "aws_iam_group_policy_attachment" "restart" {
          group      = aws_iam_group.responders.name
          policy_arn = aws_iam_policy.restart.arn
        }
        resource "aws_iam_user_group_membership" "dev" {
          count  = var.on_call ? 1 : 0
          user   = aws_iam_user.dev.name
          groups = [aws_iam_group.responders.name]
        }
        resource "aws_iam_group_membership" "leads" {
          name  = "leads"
          group = aws_iam_group.responders.name
          users = [aws_iam_user.lead.name]
        }
        """.formatted(policy("Allow", "ec2:RebootInstances"), policy("Allow", "ecs:UpdateService")), Map.of());
    Caller dev = Caller.user(account, "dev");

    // Both the group's inline policy and its attached policy reach dev only through the membership.
    failsNaming(dev, "ec2:RebootInstances", "*", "count = var.on_call ? 1 : 0", "tf/main.tf:18",
        u -> assertThat(u.location().address()).isEqualTo("aws_iam_user_group_membership.dev"));
    failsNaming(dev, "ecs:UpdateService", "*", "count = var.on_call ? 1 : 0", "tf/main.tf:18", u -> {});
    assertThat(outcome(dev, "iam:CreateUser")).isEqualTo(Outcome.IMPLICIT_DENY);
    // The lead's membership is certain.
    assertThat(outcome(Caller.user(account, "lead"), "ec2:RebootInstances")).isEqualTo(Outcome.ALLOWED);
    assertThat(outcome(Caller.user(account, "lead"), "ecs:UpdateService")).isEqualTo(Outcome.ALLOWED);
  }

  private static final String TF_PRINCIPAL = """
      variable "create_temp" { type = bool }
      resource "aws_iam_user" "temp" {
        count = var.create_temp ? 1 : 0
        name  = "temp"
      }
      resource "aws_iam_policy" "read" {
        name   = "read"
        policy = %s
      }
      resource "aws_iam_user_policy_attachment" "read" {
        user       = "temp"
        policy_arn = aws_iam_policy.read.arn
      }
      resource "aws_s3_bucket_policy" "logs" {
        bucket = "logs"
        policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow",
          Principal = { AWS = "arn:aws:iam::123456789012:user/temp" }, Action = "s3:PutObject", Resource = "arn:aws:s3:::logs/*" }] })
      }
      """.formatted(policy("Allow", "s3:GetObject"));

  @Test
  void terraformUserOfUnknownCountIsAllowedNothingForCertain() {
    Account account = terraform(TF_PRINCIPAL, Map.of());
    Caller temp = Caller.user(account, "temp");

    // A policy attached by a certain resource, and a bucket policy that names the user: both reach it only if it exists.
    failsNaming(temp, "s3:GetObject", "*", "count = var.create_temp ? 1 : 0", "tf/main.tf:3",
        u -> assertThat(u.location().address()).isEqualTo("aws_iam_user.temp"));
    failsNaming(temp, "s3:PutObject", "arn:aws:s3:::logs/today.log", "count = var.create_temp ? 1 : 0", "tf/main.tf:3", u -> {});
    // Whether it exists or not, nothing allows it this.
    assertThat(outcome(temp, "s3:DeleteBucket")).isEqualTo(Outcome.IMPLICIT_DENY);

    Account created = terraform(TF_PRINCIPAL, Map.of("create_temp", "true"));
    assertThat(outcome(Caller.user(created, "temp"), "s3:GetObject")).isEqualTo(Outcome.ALLOWED);
    assertThat(decide(Caller.user(created, "temp"), "s3:PutObject", "arn:aws:s3:::logs/today.log").outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(terraform(TF_PRINCIPAL, Map.of("create_temp", "false")).user("temp")).isEmpty();
  }

  @Test
  void terraformRoleOfUnknownCountIsAllowedNothingForCertain() {
    Account account = terraform("""
        variable "ci" { type = bool }
        resource "aws_iam_role" "deployer" {
          count              = var.ci ? 1 : 0
          name               = "deployer"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole",
            Principal = { Service = "codebuild.amazonaws.com" } }] })
          managed_policy_arns = [aws_iam_policy.deploy.arn]
        }
        resource "aws_iam_policy" "deploy" {
          name   = "deploy"
          policy = %s
        }
        """.formatted(policy("Allow", "cloudformation:*")), Map.of());
    Caller deployer = Caller.roleSession(account, "deployer", "build");
    failsNaming(deployer, "cloudformation:CreateStack", "*", "count = var.ci ? 1 : 0", "tf/main.tf:3", u -> {});
    assertThat(outcome(deployer, "iam:CreateUser")).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  // ----------------------------------------------------------------------------- CloudFormation

  private static final String CFN = """
      Parameters:
        OnCall:
          Type: String
          AllowedValues: ["true", "false"]
      Conditions:
        IsOnCall: !Equals [!Ref OnCall, "true"]
      Resources:
        Dev:
          Type: AWS::IAM::User
          Properties:
            UserName: dev
        Lead:
          Type: AWS::IAM::User
          Properties:
            UserName: lead
            Groups: [!Ref Responders]
        Responders:
          Type: AWS::IAM::Group
          Properties:
            GroupName: responders
            Policies:
              - PolicyName: reboot
                PolicyDocument:
                  Version: "2012-10-17"
                  Statement: [{ Effect: Allow, Action: ec2:RebootInstances, Resource: "*" }]
            ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
        DevOnCall:
          Type: AWS::IAM::UserToGroupAddition
          Condition: IsOnCall
          Properties:
            GroupName: !Ref Responders
            Users: [!Ref Dev]
        Auditor:
          Type: AWS::IAM::Role
          Condition: IsOnCall
          Properties:
            RoleName: auditor
            AssumeRolePolicyDocument:
              Version: "2012-10-17"
              Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }]
            ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
        AuditorExtra:
          Type: AWS::IAM::Policy
          Properties:
            PolicyName: extra
            Roles: [auditor]
            PolicyDocument:
              Version: "2012-10-17"
              Statement: [{ Effect: Allow, Action: cloudtrail:LookupEvents, Resource: "*" }]
      """;

  @Test
  void cloudFormationMembershipWithAnUnknownConditionAppliesTheGroupsPoliciesOnlyIfItExists() {
    Account account = cloudFormation(CFN, Map.of());
    Caller dev = Caller.user(account, "dev");

    for (String action : List.of("ec2:RebootInstances", "s3:GetObject")) {
      failsNaming(dev, action, "*", "Condition IsOnCall", "template.yaml:27", u -> {
        assertThat(u.location().address()).isEqualTo("DevOnCall");
        assertThat(u.reason()).startsWith("whether DevOnCall exists is unknown: condition IsOnCall depends on <unresolved: Ref OnCall>")
            .endsWith("give OnCall a value (@IamTest(parameters = \"OnCall=...\"))");
      });
    }
    assertThat(outcome(dev, "iam:CreateUser")).isEqualTo(Outcome.IMPLICIT_DENY);
    // Lead is in the group on its own resource, for certain.
    assertThat(outcome(Caller.user(account, "lead"), "ec2:RebootInstances")).isEqualTo(Outcome.ALLOWED);
    assertThat(outcome(Caller.user(account, "lead"), "s3:GetObject")).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void cloudFormationRoleWithAnUnknownConditionHoldsItsAttachmentsAndOthersPoliciesOnlyIfItExists() {
    Account account = cloudFormation(CFN, Map.of());
    Caller auditor = Caller.roleSession(account, "auditor", "s");
    // The AWS managed policy on its own resource, and the inline policy a certain resource gives it.
    failsNaming(auditor, "s3:GetObject", "*", "Condition IsOnCall", "template.yaml:33", u -> assertThat(u.location().address())
        .isEqualTo("Auditor"));
    failsNaming(auditor, "cloudtrail:LookupEvents", "*", "Condition IsOnCall", "template.yaml:33", u -> {});
    assertThat(outcome(auditor, "iam:CreateUser")).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void cloudFormationWithTheParameterGivenIsDecided() {
    Account onCall = cloudFormation(CFN, Map.of("OnCall", "true"));
    assertThat(outcome(Caller.user(onCall, "dev"), "ec2:RebootInstances")).isEqualTo(Outcome.ALLOWED);
    assertThat(outcome(Caller.roleSession(onCall, "auditor", "s"), "cloudtrail:LookupEvents")).isEqualTo(Outcome.ALLOWED);
    Account offCall = cloudFormation(CFN, Map.of("OnCall", "false"));
    assertThat(outcome(Caller.user(offCall, "dev"), "ec2:RebootInstances")).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(offCall.role("auditor")).isEmpty();
  }
}
