package dev.iamunit.assertj;

import dev.iamunit.eval.ConditionResult;
import dev.iamunit.eval.StatementResult;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.model.Condition;
import java.util.List;

/**
 * Creates the message of an assertion that held under some of the scenario's credential kinds and
 * not under others, as under {@code @WithoutMFA}: console sign-in without MFA sends
 * {@code aws:MultiFactorAuthPresent=false}, long-term access keys send no such key, and a
 * {@code Bool} condition is not met on an absent key where {@code BoolIfExists} is.
 */
final class ShouldNotDependOnCredentials {

  private ShouldNotDependOnCredentials() {}

  static String shouldNotDependOnCredentials(List<Subject> subjects, String expected) {
    Subject first = subjects.get(0);
    StringBuilder text = new StringBuilder("Expecting ").append(first.request()).append(" to be ").append(expected)
        .append(" under every credential kind of the scenario, but the decision depends on the credential kind:");
    for (Subject subject : subjects) {
      text.append("\n  ").append(subject.credentials().map(c -> c.description()).orElse("?")).append(": ")
          .append(DecisionText.summary(subject.decision()));
    }
    for (Subject subject : subjects) {
      for (StatementResult result : subject.decision().explanation().statements()) {
        for (ConditionResult condition : result.conditions()) {
          Condition written = condition.condition();
          if (condition.requestValue().isEmpty() && !written.operator().ifExists() && !condition.met()) {
            text.append("\nWith ").append(subject.credentials().map(c -> c.description()).orElse("these credentials"))
                .append(" the key ").append(written.key()).append(" is absent, so ").append(written)
                .append(" at ").append(written.location().fileAndLine()).append(" in statement ")
                .append(result.statement().displayName()).append(" is not met; ")
                .append(written.operator().name()).append("IfExists would be met.");
          }
        }
      }
    }
    if (first.resourceDefaulted()) {
      text.append(OutcomeMessage.DEFAULTED_RESOURCE);
    }
    for (Subject subject : subjects) {
      text.append("\nExplanation with ").append(subject.credentials().map(c -> c.description()).orElse("?"))
          .append(":\n").append(DecisionText.explanation(subject.decision(), subject.requestContext()));
    }
    return text.toString();
  }
}
