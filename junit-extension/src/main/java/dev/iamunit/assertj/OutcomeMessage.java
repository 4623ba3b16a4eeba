package dev.iamunit.assertj;

/** The shape every single-request message shares: expected, actual, then why. */
final class OutcomeMessage {

  private OutcomeMessage() {}

  /** {@code Expecting <request> to be <expected>, but it was <decision>} and the explanation. */
  static String expecting(Subject subject, String expected) {
    return "Expecting " + subject.describe() + " to be " + expected + ", but it was "
        + DecisionText.of(subject.decision()) + why(subject);
  }

  /** The lines after the first: the defaulted resource, then the explanation. */
  static String why(Subject subject) {
    StringBuilder text = new StringBuilder();
    if (subject.resourceDefaulted()) {
      text.append("\nThe request named no resource, so IAMUnit used \"*\"; name one with .on(resourceArn).");
    }
    String explanation = ExplanationText.of(subject);
    if (!explanation.isEmpty()) {
      text.append("\nExplanation:\n").append(explanation);
    }
    return text.toString();
  }
}
