package dev.iamunit.eval;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a request.
 *
 * @param outcome allowed, explicitly denied or implicitly denied
 * @param deciding the statements that decided: every applicable Deny for an explicit deny, the
 *     Allows that granted for an allow, none for an implicit deny
 * @param explanation the statements considered and the evaluation steps
 * @param outsidePolicies present when AWS does not authorize this request through policies at all
 *     (such as {@code sts:GetCallerIdentity}); says why
 */
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

  /** A plain-text account of the decision, for messages and the CLI. */
  public String describe() {
    StringBuilder text = new StringBuilder(outcome.name());
    outsidePolicies.ifPresent(why -> text.append(": ").append(why));
    for (String reason : explanation.reasons()) {
      text.append("\n  ").append(reason);
    }
    for (String line : explanation.notNeededLines()) {
      text.append("\n  ").append(line);
    }
    for (StatementResult result : explanation.statements()) {
      text.append("\n  ").append(result.applied() ? "applied: " : "not applied (" + result.applicability().description() + "): ")
          .append(result.describe()).append(" [").append(result.policyType().description()).append(']');
      for (ConditionResult condition : result.conditions()) {
        text.append("\n      ").append(condition.describe());
      }
    }
    return text.toString();
  }
}
