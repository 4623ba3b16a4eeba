package dev.iamunit.assertj;

/** Creates the message of a request that should have been explicitly denied and was not. */
final class ShouldBeExplicitlyDenied {

  private ShouldBeExplicitlyDenied() {}

  static String shouldBeExplicitlyDenied(Subject subject) {
    return OutcomeMessage.expecting(subject, "explicitly denied");
  }
}
