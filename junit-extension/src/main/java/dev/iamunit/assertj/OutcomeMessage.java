package dev.iamunit.assertj;

import dev.iamunit.explain.DecisionText;

/** The shape every single-request message shares: expected, actual, then why. */
final class OutcomeMessage {

  /** The line that says a request's resource was not the test's choice. */
  static final String DEFAULTED_RESOURCE = "\nThe request named no resource, so IAMUnit used the action's default: "
      + "\"*\" for an action AWS documents without resource types, otherwise the ARN format AWS documents for it, "
      + "in the account; name one with .on(resourceArn).";

  private OutcomeMessage() {}

  /** {@code Expecting <request> to be <expected>, but it was <decision>} and the explanation. */
  static String expecting(Subject subject, String expected) {
    return "Expecting " + subject.describe() + " to be " + expected + ", but it was "
        + DecisionText.summary(subject.decision()) + why(subject);
  }

  /** The lines after the first: the defaulted resource, then the explanation. */
  static String why(Subject subject) {
    StringBuilder text = new StringBuilder();
    if (subject.resourceDefaulted()) {
      text.append(DEFAULTED_RESOURCE);
    }
    return text.append(DecisionText.explanationSection(subject.decision(), subject.requestContext())).toString();
  }
}
