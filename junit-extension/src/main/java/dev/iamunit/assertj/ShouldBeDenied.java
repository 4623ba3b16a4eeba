package dev.iamunit.assertj;

/** Creates the message of a request that should have been denied and was not. */
final class ShouldBeDenied {

  private ShouldBeDenied() {}

  static String shouldBeDenied(Subject subject) {
    return OutcomeMessage.expecting(subject, "denied");
  }
}
