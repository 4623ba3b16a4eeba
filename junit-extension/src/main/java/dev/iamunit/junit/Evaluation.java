package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Request;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One request as it was evaluated under one kind of credentials.
 *
 * @param description {@code ec2:RunInstances on * as MFAUser (console sign-in without MFA)}
 * @param credentials the credentials it was signed with
 * @param request the request, with its full context
 * @param decision AWS's answer, with its explanation
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Evaluation(String description, CredentialKind credentials, Request request, Decision decision) {

  public Evaluation {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(decision, "decision");
  }
}
