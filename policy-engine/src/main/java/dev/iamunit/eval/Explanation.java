package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Unresolved;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Why a decision came out as it did.
 *
 * @param statements every statement whose action matched the request (applied or close), in
 *     evaluation order; with a bare decision, only those that applied
 * @param reasons the steps of AWS's evaluation logic that decided, in words
 * @param notNeeded values IAMUnit could not compute in statements that matched the request, none
 *     of which could change this decision whatever it is (see Evaluator): not needed for this
 *     decision, and listed so that a reader knows they were there
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Explanation(List<StatementResult> statements, List<String> reasons, List<Unresolved> notNeeded) {

  public Explanation {
    statements = List.copyOf(statements);
    reasons = List.copyOf(reasons);
    notNeeded = List.copyOf(notNeeded);
  }

  public List<StatementResult> applied() {
    return statements.stream().filter(StatementResult::applied).toList();
  }

  /** Statements whose action matched but that did not apply: the near misses. */
  public List<StatementResult> nearMisses() {
    return statements.stream().filter(s -> !s.applied()).toList();
  }
}
