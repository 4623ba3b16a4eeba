package dev.iamunit.assertj;

import java.util.List;

/** Creates the message of a request that some expected statements did not apply to. */
final class ShouldHaveMatchedStatements {

  private ShouldHaveMatchedStatements() {}

  static String shouldHaveMatchedStatements(Subject subject, List<String> expected, List<String> missing, List<String> applied) {
    return "Expecting statements " + String.join(", ", expected) + " to apply to " + subject.describe()
        + ", but " + String.join(", ", missing) + " did not; the statements that applied were "
        + (applied.isEmpty() ? "none" : String.join(", ", applied)) + OutcomeMessage.why(subject);
  }
}
