package dev.iamunit.iac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Unresolved;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 22 follow-up: a REST API's resource policy in Terraform ({@code aws_api_gateway_rest_api}
 * {@code policy}, {@code aws_api_gateway_rest_api_policy}) is at the API's execution ARN, its
 * {@code execute-api:/stage/method/path} shorthand expanded as API Gateway does (API Gateway
 * Developer Guide, "Create and attach an API Gateway resource policy to an API") by the one
 * expansion CloudFormation's {@code AWS::ApiGateway::RestApi} uses.
 */
class ApiGatewayPolicyTests {

  @TempDir
  Path dir;

  private static final String POLICY = "jsonencode({ Version = \"2012-10-17\", Statement = ["
      + "{ Effect = \"Allow\", Principal = \"*\", Action = \"execute-api:Invoke\", Resource = \"execute-api:/prod/GET/*\" },"
      + "{ Effect = \"Deny\", Principal = \"*\", Action = \"execute-api:Invoke\", NotResource = [\"execute-api:/prod/*\"] }] })";

  /** A REST API's id is generated: its policy, inline or separate, is at the execution ARN holding that id, unresolved. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      inline   | resource "aws_api_gateway_rest_api" "api" { name = "api"; policy = %s }
      separate | resource "aws_api_gateway_rest_api" "api" { name = "api" }; resource "aws_api_gateway_rest_api_policy" "api" { rest_api_id = aws_api_gateway_rest_api.api.id; policy = %s }
      """)
  void aTerraformRestApiPolicyIsAtItsExecutionArnWithTheShorthandExpanded(String form, String configuration) {
    Sources.Loaded loaded = new Sources(dir).terraform(form, configuration.formatted(POLICY).replace("; ", "\n"));

    assertThat(loaded.account().resourcePolicies().entrySet()).singleElement().satisfies(e -> {
      assertThat(Unresolved.replacePlaceholders(e.getKey(), "<?>")).isEqualTo("arn:aws:execute-api:us-east-1:123456789012:<?>");
      Policy policy = e.getValue();
      assertThat(policy.statements()).extracting(s -> Unresolved.replacePlaceholders(
          s.resource().orElseThrow().values().get(0), "<?>"))
          .containsExactly("arn:aws:execute-api:us-east-1:123456789012:<?>/prod/GET/*", "arn:aws:execute-api:us-east-1:123456789012:<?>/prod/*");
    });
    assertThat(loaded.report().unresolved()).extracting(Unresolved::expression).contains("aws_api_gateway_rest_api.api.id");
    assertThat(loaded.report().unresolved()).extracting(Unresolved::reason).noneMatch(r -> r.contains("not evaluated"));
  }

  /** The user has no identity policy: only the API's policy can allow, on the methods it names. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      prod/GET/pets  | ALLOWED
      prod/POST/pets | IMPLICIT_DENY
      test/GET/pets  | EXPLICIT_DENY
      """)
  void aRestApiPolicyDecidesOnTheMethodsItsShorthandNames(String method, Outcome expected) {
    Sources.Loaded loaded = new Sources(dir).terraform("decide", """
        resource "aws_iam_user" "app" { name = "app" }
        resource "aws_api_gateway_rest_api_policy" "api" {
          rest_api_id = "a1b2c3"
          policy      = %s
        }
        """.formatted(POLICY));
    String api = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3";
    Caller caller = Caller.user(loaded.account(), "app");

    // A method is inside its API: Caller.request finds the API's policy (ResourcePolicyOwner).
    Decision decision = Evaluator.standard().explain(
        caller.request("execute-api:Invoke", api + "/" + method, CredentialKind.ACCESS_KEYS, Instant.now(), Map.of()));

    assertThat(loaded.report().unresolved()).isEmpty();
    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }

  @Test
  void bothFormatsExpandTheShorthandAlike() {
    Sources.Loaded terraform = new Sources(dir).terraform("tf", "resource \"aws_api_gateway_rest_api\" \"api\" {\n  name = \"api\"\n  policy = "
        + POLICY + "\n}\n");
    Sources.Loaded cloudFormation = new Sources(dir).cloudFormation("t.yaml", """
        Resources:
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              Name: api
              Policy:
                Version: "2012-10-17"
                Statement:
                  - {Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: execute-api:/prod/GET/*}
                  - {Effect: Deny, Principal: "*", Action: execute-api:Invoke, NotResource: [execute-api:/prod/*]}
        """);

    List<List<String>> resources = List.of(terraform, cloudFormation).stream().map(l -> l.account().resourcePolicies().values().iterator().next()
        .statements().stream().map(s -> Unresolved.replacePlaceholders(
            s.resource().orElseThrow().values().get(0), "<?>")).toList()).toList();
    assertThat(resources.get(0)).isEqualTo(resources.get(1));
  }
}
