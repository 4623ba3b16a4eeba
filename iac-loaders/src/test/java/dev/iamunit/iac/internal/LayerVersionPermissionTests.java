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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 22 follow-up: Terraform's {@code aws_lambda_layer_version_permission} is a statement of the
 * layer version's policy, built by the one assembler as CloudFormation's {@code
 * AWS::Lambda::LayerVersionPermission} is (Lambda API Reference, AddLayerVersionPermission:
 * "Principal": "An account ID, or * to grant layer usage permission to all accounts in an
 * organization, or all AWS accounts (if organizationId is not specified)").
 */
class LayerVersionPermissionTests {

  @TempDir
  Path dir;

  private static final String LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:shared:3";

  private static final String TERRAFORM = """
      resource "aws_iam_user" "app" { name = "app" }
      resource "aws_lambda_layer_version_permission" "share" {
        layer_name      = "shared"
        version_number  = 3
        statement_id    = "Share"
        action          = "lambda:GetLayerVersion"
        principal       = "*"
        organization_id = "o-abc123"
      }
      """;

  private static final String CLOUDFORMATION = """
      Resources:
        App: {Type: AWS::IAM::User, Properties: {UserName: app}}
        Share:
          Type: AWS::Lambda::LayerVersionPermission
          Properties:
            Action: lambda:GetLayerVersion
            LayerVersionArn: arn:aws:lambda:us-east-1:123456789012:layer:shared:3
            Principal: "*"
            OrganizationId: o-abc123
      """;

  private Sources.Loaded load(String format) {
    Sources sources = new Sources(dir);
    return format.equals("terraform") ? sources.terraform("tf", TERRAFORM) : sources.cloudFormation("t.yaml", CLOUDFORMATION);
  }

  @Test
  void bothFormatsGiveTheLayerVersionTheSameStatement() {
    Policy terraform = load("terraform").account().resourcePolicy(LAYER).orElseThrow();
    Policy cloudFormation = load("cloudformation").account().resourcePolicy(LAYER).orElseThrow();

    for (Policy policy : List.of(terraform, cloudFormation)) {
      assertThat(policy.statements()).singleElement().satisfies(s -> {
        assertThat(s.sid()).contains("Share");
        assertThat(s.action().values()).containsExactly("lambda:GetLayerVersion");
        assertThat(s.resource().orElseThrow().values()).containsExactly(LAYER);
        assertThat(s.conditions()).extracting(Object::toString).containsExactly("StringEquals aws:PrincipalOrgID o-abc123");
      });
    }
  }

  /** The user has no identity policy: only the layer version's policy can allow. */
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      terraform      | o-abc123 | ALLOWED
      terraform      | o-zzz999 | IMPLICIT_DENY
      cloudformation | o-abc123 | ALLOWED
      cloudformation | o-zzz999 | IMPLICIT_DENY
      """)
  void onlyCallersOfTheOrganizationMayGetTheLayer(String format, String callerOrg, Outcome expected) {
    Sources.Loaded loaded = load(format);
    assertThat(loaded.report().unresolved()).isEmpty();
    assertThat(loaded.report().problems()).isEmpty();

    Decision decision = getLayerVersion(loaded.account(), callerOrg);

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }

  private static Decision getLayerVersion(Account account, String callerOrg) {
    Caller caller = Caller.user(account, "app");
    return Evaluator.standard().explain(caller.request("lambda:GetLayerVersion", LAYER, CredentialKind.ACCESS_KEYS, Instant.now(),
        Map.of("aws:PrincipalOrgID", List.of(callerOrg))));
  }
}
