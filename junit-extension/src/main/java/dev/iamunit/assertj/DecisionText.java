package dev.iamunit.assertj;

import dev.iamunit.eval.Decision;
import dev.iamunit.eval.StatementResult;
import java.util.List;

/** A decision in a few words: {@code ALLOWED by statement AllowEc2 (terraform/ec2.tf:14)}. */
final class DecisionText {

  private DecisionText() {}

  static String of(Decision decision) {
    if (decision.outsidePolicies().isPresent()) {
      return decision.outcome() + " without any policy: " + decision.outsidePolicies().get();
    }
    if (!decision.deciding().isEmpty()) {
      return decision.outcome() + " by " + statements(decision.deciding());
    }
    List<String> reasons = decision.explanation().reasons();
    return reasons.isEmpty() ? decision.outcome().name() : decision.outcome() + ": " + String.join("; ", reasons);
  }

  /** {@code statement A (f:1)} or {@code statements A (f:1), B (f:9)}. */
  static String statements(List<StatementResult> results) {
    StringBuilder text = new StringBuilder(results.size() == 1 ? "statement " : "statements ");
    for (int i = 0; i < results.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(statement(results.get(i)));
    }
    return text.toString();
  }

  /** {@code AllowEc2 (terraform/ec2.tf:14)}. */
  static String statement(StatementResult result) {
    return result.statement().displayName() + " (" + result.statement().location().fileAndLine() + ")";
  }
}
