package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Request;
import dev.iamunit.explain.DecisionText;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One request as it was evaluated under one kind of credentials.
 *
 * @param principal who asked, as the test named it
 * @param credentials the credentials it was signed with
 * @param request the request, with its action, resource and full context
 * @param decision AWS's answer, with its explanation
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Evaluation(IamPrincipal principal, CredentialKind credentials, Request request, Decision decision) {

  public Evaluation {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(decision, "decision");
  }

  /** The action, such as {@code ec2:RunInstances}. */
  public String action() {
    return request.action();
  }

  /** The resource ARN the request was made on. */
  public String resource() {
    return request.resource();
  }

  /** {@code ec2:RunInstances on * as MFAUser}: the request as messages name it, without its credentials. */
  public String requestDescription() {
    return DecisionText.request(action(), resource(), Optional.of(principal.toString()));
  }

  /** {@code ec2:RunInstances on * as MFAUser (console sign-in without MFA)}. */
  public String description() {
    return DecisionText.request(requestDescription(), credentials);
  }
}
