package dev.iamunit.junit.internal;

import org.opentest4j.AssertionFailedError;

/**
 * Test failures for the user's mistakes: a one-paragraph message with neither a cause nor a stack
 * trace, since our own frames say nothing to the user and the message says everything.
 */
final class Failures {

  private Failures() {}

  public static AssertionFailedError failure(String message) {
    AssertionFailedError error = new AssertionFailedError(message);
    error.setStackTrace(new StackTraceElement[0]);
    return error;
  }
}
