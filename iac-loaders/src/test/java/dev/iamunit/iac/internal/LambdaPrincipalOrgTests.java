package dev.iamunit.iac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.model.Account;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 22 follow-up: a Lambda permission's organization ID ({@code principal_org_id}, {@code
 * PrincipalOrgID}) limits whom it grants. AWS Lambda Developer Guide, "Granting function access
 * to an organization": "If you specify an AWS account or role as the Principal, then only that
 * principal gets function invocation permissions, but only if they are also part of the
 * o-a1b2c3d4e5f organization", and the policy Lambda writes holds {@code "StringEquals":
 * {"aws:PrincipalOrgID": "o-a1b2c3d4e5f"}}.
 */
class LambdaPrincipalOrgTests {

  @TempDir
  Path dir;

  private static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:example";

  private static final String TERRAFORM = """
      resource "aws_iam_user" "app" { name = "app" }
      resource "aws_lambda_permission" "org" {
        statement_id     = "PrincipalOrgIDExample"
        action           = "lambda:InvokeFunction"
        function_name    = "example"
        principal        = "*"
        principal_org_id = "o-a1b2c3d4e5f"
      }
      """;

  private static final String CLOUDFORMATION = """
      Resources:
        App: {Type: AWS::IAM::User, Properties: {UserName: app}}
        Org:
          Type: AWS::Lambda::Permission
          Properties:
            Action: lambda:InvokeFunction
            FunctionName: example
            Principal: "*"
            PrincipalOrgID: o-a1b2c3d4e5f
        """;

  private static Decision invoke(Account account, Map<String, List<String>> context) {
    Caller caller = Caller.user(account, "app");
    return Evaluator.standard().explain(caller.request("lambda:InvokeFunction", FUNCTION, CredentialKind.ACCESS_KEYS, Instant.now(), context));
  }

  /** The caller has no identity policy: only the function policy can allow. */
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      terraform      | o-a1b2c3d4e5f | ALLOWED
      terraform      | o-zzzzzzzzzz  | IMPLICIT_DENY
      terraform      |               | IMPLICIT_DENY
      cloudformation | o-a1b2c3d4e5f | ALLOWED
      cloudformation | o-zzzzzzzzzz  | IMPLICIT_DENY
      cloudformation |               | IMPLICIT_DENY
      """)
  void onlyCallersOfTheOrganizationAreGranted(String format, String callerOrg, Outcome expected) {
    Sources sources = new Sources(dir);
    Sources.Loaded loaded = format.equals("terraform") ? sources.terraform("tf", TERRAFORM) : sources.cloudFormation("t.yaml", CLOUDFORMATION);
    assertThat(loaded.report().unresolved()).isEmpty();

    Map<String, List<String>> context = callerOrg == null ? Map.of() : Map.of("aws:PrincipalOrgID", List.of(callerOrg));
    Decision decision = invoke(loaded.account(), context);

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }
}
