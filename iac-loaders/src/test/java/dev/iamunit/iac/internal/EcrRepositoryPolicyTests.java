package dev.iamunit.iac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.model.Account;
import dev.iamunit.model.Unresolved;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 22 follow-up: an ECR repository policy (Terraform {@code aws_ecr_repository_policy},
 * {@code aws_ecrpublic_repository_policy}; CloudFormation {@code AWS::ECR::Repository}
 * RepositoryPolicyText) is the policy of its one repository and leaves out Resource, so it is read
 * as {@code PolicyKind.SINGLE_RESOURCE} at the repository's ARN (Service Authorization Reference:
 * {@code arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}}, and {@code
 * arn:${Partition}:ecr-public::${Account}:repository/${RepositoryName}}).
 */
class EcrRepositoryPolicyTests {

  @TempDir
  Path dir;

  private static final String USER = "resource \"aws_iam_user\" \"app\" { name = \"app\" }\n";

  private static String policy(String effect, String action) {
    return ("{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"%s\\\","
        + "\\\"Principal\\\":{\\\"AWS\\\":\\\"arn:aws:iam::123456789012:user/app\\\"},\\\"Action\\\":\\\"%s\\\"}]}").formatted(effect, action);
  }

  private static Decision request(Account account, String action, String resource) {
    Caller caller = Caller.user(account, "app");
    return Evaluator.standard().explain(caller.request(action, resource, CredentialKind.ACCESS_KEYS, Instant.now(), Map.of()));
  }

  /** The user has no identity policy: only the repository policy can allow, and only on its repository. */
  @ParameterizedTest(name = "{0} {2} on {3} -> {4}")
  @CsvSource(delimiter = '|', textBlock = """
      aws_ecr_repository_policy       | repository      | ecr:BatchGetImage | arn:aws:ecr:us-east-1:123456789012:repository/app  | ALLOWED
      aws_ecr_repository_policy       | repository      | ecr:BatchGetImage | arn:aws:ecr:us-east-1:123456789012:repository/other | IMPLICIT_DENY
      aws_ecr_repository_policy       | repository      | ecr:PutImage      | arn:aws:ecr:us-east-1:123456789012:repository/app  | IMPLICIT_DENY
      aws_ecrpublic_repository_policy | repository_name | ecr-public:PutImage | arn:aws:ecr-public::123456789012:repository/app  | ALLOWED
      aws_ecrpublic_repository_policy | repository_name | ecr-public:PutImage | arn:aws:ecr-public::123456789012:repository/other | IMPLICIT_DENY
      """)
  void aTerraformRepositoryPolicyWithoutResourceAppliesToItsRepository(String type, String argument, String action, String resource,
      Outcome expected) {
    String granted = type.startsWith("aws_ecrpublic") ? "ecr-public:PutImage" : "ecr:BatchGetImage";
    Sources.Loaded loaded = new Sources(dir).terraform(type, USER + """
        resource "%s" "app" {
          %s = "app"
          policy = "%s"
        }
        """.formatted(type, argument, policy("Allow", granted)));

    assertThat(loaded.report().unresolved()).extracting(Unresolved::reason).isEmpty();
    assertThat(loaded.report().problems()).isEmpty();
    Decision decision = request(loaded.account(), action, resource);
    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }

  /** A Deny of the repository policy overrides the user's own grant, as in CloudFormation. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"terraform", "cloudformation"})
  void aRepositoryPolicysDenyOverridesAnIdentityGrantInBothFormats(String format) {
    Sources sources = new Sources(dir);
    Sources.Loaded loaded = format.equals("terraform")
        ? sources.terraform("deny", USER + """
            resource "aws_iam_user_policy" "all" {
              user   = aws_iam_user.app.name
              policy = "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"ecr:*\\",\\"Resource\\":\\"*\\"}]}"
            }
            resource "aws_ecr_repository_policy" "app" {
              repository = "app"
              policy     = "%s"
            }
            """.formatted(policy("Deny", "ecr:DeleteRepository")))
        : sources.cloudFormation("deny.yaml", """
            Resources:
              App:
                Type: AWS::IAM::User
                Properties:
                  UserName: app
                  Policies: [{PolicyName: all, PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "ecr:*", Resource: "*"}]}}]
              Repo:
                Type: AWS::ECR::Repository
                Properties:
                  RepositoryName: app
                  RepositoryPolicyText: {Version: "2012-10-17", Statement: [{Effect: Deny, Principal: {AWS: "arn:aws:iam::123456789012:user/app"}, Action: "ecr:DeleteRepository"}]}
            """);

    String repository = "arn:aws:ecr:us-east-1:123456789012:repository/app";
    Decision delete = request(loaded.account(), "ecr:DeleteRepository", repository);
    Decision pull = request(loaded.account(), "ecr:BatchGetImage", repository);
    assertThat(delete.outcome()).as(DecisionText.explained(delete)).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(pull.outcome()).as(DecisionText.explained(pull)).isEqualTo(Outcome.ALLOWED);
  }
}
