package dev.iamunit.assertj;

/** Creates the message of a decision made by a statement the test said must not make it. */
final class ShouldNotBeDecidedBy {

  private ShouldNotBeDecidedBy() {}

  static String shouldNotBeDecidedBy(Subject subject, String statement) {
    return "Expecting " + subject.describe() + " not to be decided by " + statement + ", but it was "
        + DecisionText.of(subject.decision()) + OutcomeMessage.why(subject);
  }
}
