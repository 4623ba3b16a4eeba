package dev.iamunit.eval;

import java.util.List;

/**
 * Why a decision came out as it did.
 *
 * @param statements every statement whose action matched the request (applied or close), in
 *     evaluation order; with a bare decision, only those that applied
 * @param reasons the steps of AWS's evaluation logic that decided, in words
 */
public record Explanation(List<StatementResult> statements, List<String> reasons) {

  public Explanation {
    statements = List.copyOf(statements);
    reasons = List.copyOf(reasons);
  }

  public List<StatementResult> applied() {
    return statements.stream().filter(StatementResult::applied).toList();
  }

  /** Statements whose action matched but that did not apply: the near misses. */
  public List<StatementResult> nearMisses() {
    return statements.stream().filter(s -> !s.applied()).toList();
  }
}
