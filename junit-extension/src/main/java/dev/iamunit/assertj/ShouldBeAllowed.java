package dev.iamunit.assertj;

/** Creates the message of a request that should have been allowed and was not. */
final class ShouldBeAllowed {

  private ShouldBeAllowed() {}

  static String shouldBeAllowed(Subject subject) {
    return OutcomeMessage.expecting(subject, "allowed");
  }
}
