package dev.iamunit.assertj;

/** Creates the message of a request that should have been implicitly denied and was not. */
final class ShouldBeImplicitlyDenied {

  private ShouldBeImplicitlyDenied() {}

  static String shouldBeImplicitlyDenied(Subject subject) {
    return OutcomeMessage.expecting(subject, "implicitly denied");
  }
}
