package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The answer to a request; {@link dev.iamunit.explain.DecisionText} puts it in words.
 *
 * @param outcome allowed, explicitly denied or implicitly denied
 * @param deciding the statements that decided: every applicable Deny for an explicit deny, the
 *     Allows that granted for an allow, none for an implicit deny
 * @param explanation the statements considered and the evaluation steps
 * @param outsidePolicies present when AWS does not authorize this request through policies at all
 *     (such as {@code sts:GetCallerIdentity}); says why
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Decision(
    Outcome outcome, List<StatementResult> deciding, Explanation explanation, Optional<String> outsidePolicies) {

  public Decision {
    Objects.requireNonNull(outcome, "outcome");
    deciding = List.copyOf(deciding);
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(outsidePolicies, "outsidePolicies");
  }

  public boolean isAllowed() {
    return outcome == Outcome.ALLOWED;
  }
}
