package dev.iamunit.assertj;

import dev.iamunit.explain.DecisionText;

/** Creates the message of a decision made by a statement the test said must not make it. */
final class ShouldNotBeDecidedBy {

  private ShouldNotBeDecidedBy() {}

  static String shouldNotBeDecidedBy(Subject subject, String statement) {
    return "Expecting " + subject.describe() + " not to be decided by " + statement + ", but it was "
        + DecisionText.summary(subject.decision()) + OutcomeMessage.why(subject);
  }
}
