package dev.iamunit.jsonl;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One line of the JSON Lines case format (DESIGN.md): the policies, the request, and, in test
 * data, the expected outcome.
 *
 * @param id the case id
 * @param policies the policy set
 * @param request the request, its context exactly as given
 * @param expected the expected outcome, when the line has one
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EvaluationCase(String id, PolicySet policies, Request request, Optional<Outcome> expected) {

  public EvaluationCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(expected, "expected");
  }
}
