package dev.iamunit.assertj;

/**
 * Creates the message of a denial expected of a request that AWS does not authorize through
 * policies at all, such as {@code sts:GetCallerIdentity}: no policy can deny it.
 */
final class ShouldNotBeOutsidePolicies {

  private ShouldNotBeOutsidePolicies() {}

  static String shouldNotBeOutsidePolicies(Subject subject, String expected) {
    return "Expecting " + subject.describe() + " to be " + expected + ", but it cannot be: "
        + subject.decision().outsidePolicies().orElse("") + "; no policy can deny it, so the assertion cannot hold";
  }
}
