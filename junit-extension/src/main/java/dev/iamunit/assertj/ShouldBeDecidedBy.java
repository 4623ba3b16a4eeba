package dev.iamunit.assertj;

import dev.iamunit.explain.DecisionText;

/** Creates the message of a decision that another statement than the expected one made. */
final class ShouldBeDecidedBy {

  private ShouldBeDecidedBy() {}

  /**
   * @param expected {@code explicitly denied}, or {@code decided} when the test said no outcome
   * @param statement {@code statement BlockMostAccessUnlessSignedInWithMFA} or
   *     {@code the statement at force-mfa.json:82}
   */
  static String shouldBeDecidedBy(Subject subject, String expected, String statement) {
    return "Expecting " + subject.describe() + " to be " + expected + " by " + statement + ", but it was "
        + DecisionText.summary(subject.decision()) + OutcomeMessage.why(subject);
  }
}
