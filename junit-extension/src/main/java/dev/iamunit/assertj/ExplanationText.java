package dev.iamunit.assertj;

import dev.iamunit.eval.ConditionResult;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.StatementResult;
import dev.iamunit.model.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The explanation block of a failure: the deciding statements, the other statements that applied,
 * the near misses (action matched, something else did not) with their conditions and the values
 * compared, the evaluation steps, and the request's values of every key those conditions test.
 */
final class ExplanationText {

  private ExplanationText() {}

  static String of(Subject subject) {
    return of(subject.decision(), subject.context(), "  ");
  }

  static String of(Decision decision, Optional<Request> request, String indent) {
    StringBuilder text = new StringBuilder();
    List<StatementResult> deciding = decision.deciding();
    section(text, indent, "Deciding statements:", deciding);
    List<StatementResult> alsoApplied = new ArrayList<>();
    for (StatementResult result : decision.explanation().applied()) {
      if (deciding.stream().noneMatch(d -> d.statement() == result.statement())) {
        alsoApplied.add(result);
      }
    }
    section(text, indent, "Also applied:", alsoApplied);
    section(text, indent, "Near misses:", decision.explanation().nearMisses());
    if (!decision.explanation().reasons().isEmpty()) {
      text.append(indent).append("Evaluation: ").append(String.join("; ", decision.explanation().reasons())).append('\n');
    }
    for (String line : decision.explanation().notNeededLines()) {
      text.append(indent).append(Character.toUpperCase(line.charAt(0))).append(line, 1, line.length()).append('\n');
    }
    request.ifPresent(r -> keyContext(text, indent, decision, r.context()));
    return text.toString().stripTrailing();
  }

  private static void section(StringBuilder text, String indent, String title, List<StatementResult> results) {
    if (results.isEmpty()) {
      return;
    }
    text.append(indent).append(title).append('\n');
    for (StatementResult result : results) {
      text.append(indent).append("  ").append(result.describe()).append(" in the ")
          .append(result.policyType().description());
      if (!result.applied()) {
        text.append(": ").append(result.applicability().description());
      }
      text.append('\n');
      for (ConditionResult condition : result.conditions()) {
        text.append(indent).append("    ").append(condition.describe()).append('\n');
      }
    }
  }

  private static void keyContext(StringBuilder text, String indent, Decision decision, RequestContext context) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (StatementResult result : decision.explanation().statements()) {
      for (Condition condition : result.statement().conditions()) {
        keys.putIfAbsent(RequestContext.normalize(condition.key()), condition.key());
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    List<String> values = new ArrayList<>();
    for (String key : keys.values()) {
      values.add(key + " " + context.get(key).map(e -> "= " + e).orElse("absent"));
    }
    text.append(indent).append("Request context: ").append(String.join(", ", values)).append('\n');
  }
}
