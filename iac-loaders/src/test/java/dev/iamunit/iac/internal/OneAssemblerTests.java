package dev.iamunit.iac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Terraform and CloudFormation say the same things in their own words; through the one assembler
 * the same meaning gives the same account, and the same mistake the same problem.
 */
class OneAssemblerTests {

  @TempDir
  Path dir;

  private Sources sources() {
    return new Sources(dir);
  }

  private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
      + "\"Resource\":\"arn:aws:s3:::data/*\"}]}";

  private static final String TERRAFORM = """
      resource "aws_iam_group" "readers" { name = "readers" }
      resource "aws_iam_user" "ana" {
        name                 = "ana"
        path                 = "/people/"
        permissions_boundary = aws_iam_policy.read.arn
        tags                 = { team = "data" }
      }
      resource "aws_iam_user_group_membership" "ana" {
        user   = aws_iam_user.ana.name
        groups = [aws_iam_group.readers.name]
      }
      resource "aws_iam_policy" "read" {
        name   = "read"
        policy = %1$s
      }
      resource "aws_iam_group_policy_attachment" "read" {
        group      = aws_iam_group.readers.name
        policy_arn = aws_iam_policy.read.arn
      }
      resource "aws_iam_role" "app" {
        name               = "app"
        assume_role_policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "sts:AssumeRole", Principal = {Service = "lambda.amazonaws.com"}}]})
      }
      resource "aws_iam_role_policy" "app" {
        name   = "inline"
        role   = aws_iam_role.app.id
        policy = %1$s
      }
      resource "aws_s3_bucket_policy" "data" {
        bucket = "data"
        policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "arn:aws:s3:::data/*", Condition = {Bool = {"aws:SecureTransport" = "false"}}}]})
      }
      """.formatted(quoted(POLICY));

  private static final String CLOUDFORMATION = """
      Resources:
        Readers: {Type: AWS::IAM::Group, Properties: {GroupName: readers}}
        Ana:
          Type: AWS::IAM::User
          Properties:
            UserName: ana
            Path: /people/
            PermissionsBoundary: !Ref Read
            Tags: [{Key: team, Value: data}]
        AnaGroups: {Type: AWS::IAM::UserToGroupAddition, Properties: {GroupName: !Ref Readers, Users: [!Ref Ana]}}
        Read:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            ManagedPolicyName: read
            Groups: [!Ref Readers]
            PolicyDocument: %1$s
        App:
          Type: AWS::IAM::Role
          Properties:
            RoleName: app
            AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "sts:AssumeRole", Principal: {Service: lambda.amazonaws.com}}]}
            Policies: [{PolicyName: inline, PolicyDocument: %1$s}]
        DataPolicy:
          Type: AWS::S3::BucketPolicy
          Properties:
            Bucket: data
            PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Deny, Principal: "*", Action: "s3:*", Resource: "arn:aws:s3:::data/*", Condition: {Bool: {"aws:SecureTransport": "false"}}}]}
      """.formatted(POLICY);

  /** What an account says, without where it was said: names, ARNs, links and statements. */
  static String meaning(Account account) {
    List<String> lines = new ArrayList<>();
    account.users().values().forEach(u -> lines.add("user " + u.arn() + " groups=" + u.groups() + " managed=" + u.managedPolicyArns()
        + " boundary=" + u.permissionsBoundaryArn().orElse("-") + " tags=" + new TreeMap<>(u.tags()) + " inline=" + policies(u.inlinePolicies())));
    account.groups().values().forEach(g -> lines.add("group " + g.arn() + " managed=" + g.managedPolicyArns() + " inline="
        + policies(g.inlinePolicies())));
    account.roles().values().forEach(r -> lines.add("role " + r.arn() + " managed=" + r.managedPolicyArns() + " trust="
        + r.trustPolicy().map(p -> statements(p)).orElse("-") + " inline=" + policies(r.inlinePolicies())));
    account.managedPolicies().values().forEach(m -> lines.add("managed " + m.arn() + " " + policies(List.of(m.document()))));
    account.resourcePolicies().forEach((arn, p) -> lines.add("resource " + arn + " " + statements(p)));
    return lines.stream().sorted().collect(Collectors.joining("\n"));
  }

  /** Named policies (the names are the template's: trust and resource policies are named by their address instead). */
  private static String policies(List<Policy> policies) {
    return policies.stream().map(p -> p.name() + statements(p)).toList().toString();
  }

  private static String statements(Policy policy) {
    return policy.statements().stream().map(OneAssemblerTests::statement).toList().toString();
  }

  private static String statement(Statement s) {
    return s.effect() + " " + s.action().values() + " " + s.resource().map(r -> r.values().toString()).orElse("-") + " "
        + s.principal().map(p -> (p.negated() ? "not " : "") + (p.anyone() ? "*" : p.byType().toString())).orElse("-") + " "
        + s.conditions().stream().map(c -> c.operator() + " " + c.key() + " " + c.values()).toList();
  }

  @Test
  void theSameMeaningGivesTheSameAccountWhicheverFormat() {
    Sources.Loaded terraform = sources().terraform("tf", TERRAFORM);
    Sources.Loaded cloudFormation = sources().cloudFormation("stack.yaml", CLOUDFORMATION);

    assertThat(terraform.report().problems()).isEmpty();
    assertThat(cloudFormation.report().problems()).isEmpty();
    assertThat(terraform.report().unresolved()).isEmpty();
    assertThat(cloudFormation.report().unresolved()).isEmpty();
    assertThat(meaning(terraform.account())).isEqualTo(meaning(cloudFormation.account()))
        .contains("user arn:aws:iam::123456789012:user/people/ana groups=[readers] managed=[]"
            + " boundary=arn:aws:iam::123456789012:policy/read tags={team=data}")
        .contains("group arn:aws:iam::123456789012:group/readers managed=[arn:aws:iam::123456789012:policy/read]")
        .contains("role arn:aws:iam::123456789012:role/app managed=[]");
  }

  /** "Names must be unique within an account" (IAM User Guide, IAM identifiers: Friendly names and paths). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      aws_iam_user   | user           | UserName          | AWS::IAM::User
      aws_iam_group  | group          | GroupName         | AWS::IAM::Group
      aws_iam_role   | role           | RoleName          | AWS::IAM::Role
      aws_iam_policy | managed policy | ManagedPolicyName | AWS::IAM::ManagedPolicy
      """)
  void aDuplicateNameIsTheSameProblemInBothFormatsNamingBothPlaces(String terraformType, String kind, String nameProperty,
      String cloudFormationType) {
    String extra = switch (terraformType) {
      case "aws_iam_role" -> " assume_role_policy = \"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\"\n";
      case "aws_iam_policy" -> " policy = " + quoted(POLICY) + "\n";
      default -> "";
    };
    String cfExtra = switch (terraformType) {
      case "aws_iam_role" -> ", AssumeRolePolicyDocument: {Version: \"2012-10-17\", Statement: []}";
      case "aws_iam_policy" -> ", PolicyDocument: " + POLICY;
      default -> "";
    };
    Sources.Loaded terraform = sources().terraform("dup", """
        resource "%1$s" "first" {
         name = "same"
        %2$s}
        resource "%1$s" "second" {
         name = "same"
        %2$s}
        """.formatted(terraformType, extra));
    Sources.Loaded cloudFormation = sources().cloudFormation("dup.yaml", """
        Resources:
          First: {Type: %1$s, Properties: {%2$s: same%3$s}}
          Second: {Type: %1$s, Properties: {%2$s: same%3$s}}
        """.formatted(cloudFormationType, nameProperty, cfExtra));

    String second = "dup/main.tf:" + (extra.isEmpty() ? 4 : 5) + ":1 (" + terraformType + ".second)";
    assertThat(terraform.report().problems()).extracting(LoadReport.Problem::toString).containsExactly(
        second + ": " + kind + " \"same\" is declared twice: at dup/main.tf:1:1 (" + terraformType
            + ".first) and at " + second + "; IAM names are unique in an account: rename or remove one"
            + " (the first is kept)");
    assertThat(cloudFormation.report().problems()).extracting(LoadReport.Problem::toString).containsExactly(
        "dup.yaml:3:3 (Second): " + kind + " \"same\" is declared twice: at dup.yaml:2:3 (First) and at dup.yaml:3:3 (Second);"
            + " IAM names are unique in an account: rename or remove one (the first is kept)");
  }

  private static String quoted(String json) {
    return "\"" + json.replace("\"", "\\\"") + "\"";
  }

  @Test
  void twoResourcePoliciesForOneBucketAreTheSameConflictInBothFormats() {
    Sources.Loaded terraform = sources().terraform("two", """
        resource "aws_s3_bucket_policy" "a" {
          bucket = "data"
          policy = %1$s
        }
        resource "aws_s3_bucket" "data" {
          bucket = "data"
          policy = %1$s
        }
        """.formatted(quoted(POLICY.replace("\"Action\"", "\"Principal\":\"*\",\"Action\""))));

    assertThat(terraform.report().unresolved()).singleElement().satisfies(u -> {
      assertThat(u.location()).hasToString("two/main.tf:5:1 (aws_s3_bucket.data)");
      assertThat(u.reason()).startsWith("the resource at two/main.tf:1:1 (aws_s3_bucket_policy.a) sets the policy of the same resource");
    });
    assertThat(terraform.account().resourcePolicy("arn:aws:s3:::data")).get().extracting(Policy::location)
        .hasToString("two/main.tf:3:12 (aws_s3_bucket_policy.a)");
  }
}
