package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One version's answer to a request.
 *
 * @param outcome allowed, explicitly or implicitly denied
 * @param deciding the statements that decided (none for an implicit deny)
 * @param reasons the steps of AWS's evaluation logic that decided, in words: what a report says of
 *     an implicit deny, which no statement decides
 * @param principalDeclared false when this version does not declare the principal at all, which
 *     denies it everything implicitly
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SideDecision(Outcome outcome, List<DecidingStatement> deciding, List<String> reasons, boolean principalDeclared) {

  public SideDecision {
    Objects.requireNonNull(outcome, "outcome");
    deciding = List.copyOf(deciding);
    reasons = List.copyOf(reasons);
  }

  static final SideDecision NO_PRINCIPAL =
      new SideDecision(Outcome.IMPLICIT_DENY, List.of(), List.of("the principal is not declared in this version"), false);

  /**
   * {@code explicitly denied by statement Block (main.tf:89)}, or why nothing decided: the summary
   * every consumer prints of a decision ({@link DecisionText}).
   */
  public String describe() {
    return DecisionText.summary(
        outcome, deciding.stream().map(s -> DecisionText.statement(s.statement(), s.fileAndLine())).toList(), reasons);
  }
}
