package dev.iamunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An evaluation carries what was asked as fields, and the text messages name it by is made from them. */
class EvaluationTests {

  static Stream<Arguments> evaluations() {
    return Stream.of(
        Arguments.of(IamPrincipal.user("MFAUser"), CredentialKind.CONSOLE_WITHOUT_MFA, "ec2:RunInstances", "*",
            "ec2:RunInstances on * as MFAUser", "ec2:RunInstances on * as MFAUser (console sign-in without MFA)"),
        Arguments.of(IamPrincipal.role("Deployer", "ci"), CredentialKind.ASSUMED_ROLE, "s3:GetObject", "arn:aws:s3:::b/k",
            "s3:GetObject on arn:aws:s3:::b/k as Deployer/ci", "s3:GetObject on arn:aws:s3:::b/k as Deployer/ci (assumed-role session)"),
        Arguments.of(IamPrincipal.root(), CredentialKind.ACCESS_KEYS, "iam:ListUsers", "*",
            "iam:ListUsers on * as the account's root user", "iam:ListUsers on * as the account's root user (long-term access keys)"));
  }

  @ParameterizedTest(name = "{4}")
  @MethodSource("evaluations")
  void theDescriptionsAreMadeFromTheFields(
      IamPrincipal principal, CredentialKind credentials, String action, String resource, String request, String description) {
    Request asked = Request.of("arn:aws:iam::123456789012:user/MFAUser", action, resource, RequestContext.empty());
    Decision decision = Evaluator.standard().decide(asked, PolicySet.builder().build());

    Evaluation evaluation = new Evaluation(principal, credentials, asked, decision);

    assertThat(evaluation.action()).isEqualTo(action);
    assertThat(evaluation.resource()).isEqualTo(resource);
    assertThat(evaluation.requestDescription()).isEqualTo(request);
    assertThat(evaluation.description()).isEqualTo(description);
  }
}
