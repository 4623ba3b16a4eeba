package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A policy assertion that failed in a test, kept so the SARIF report can show it on the pull
 * request at the statement (or template) it is about.
 *
 * @param testId the failing test
 * @param message the assertion's message
 * @param file the template file it points at
 * @param line 1-based line, 0 when unknown
 */
@API(status = EXPERIMENTAL)
public record AssertionFailure(String testId, String message, String file, int line) {

  public AssertionFailure {
    Objects.requireNonNull(testId, "testId");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(file, "file");
  }
}
