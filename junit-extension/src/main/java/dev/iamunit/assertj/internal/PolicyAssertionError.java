package dev.iamunit.assertj.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.model.SourceLocation;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A failed assertion on a decision, carrying the template line it is about: the statement that
 * decided, else the statement that came closest. The assertions throw it; the JUnit extension
 * records it for the SARIF report, so a pull request shows the failure on the policy line, not only
 * in the test log. Public only for that hand-over between the two packages.
 */
@API(status = INTERNAL, since = "0.1")
public final class PolicyAssertionError extends AssertionError {

  private static final long serialVersionUID = 1L;

  private final transient SourceLocation statement;

  /** AssertJ's {@code failure}, its description and stack trace as AssertJ made them, about {@code statement}. */
  public PolicyAssertionError(AssertionError failure, Optional<SourceLocation> statement) {
    super(failure.getMessage());
    setStackTrace(failure.getStackTrace());
    this.statement = statement.orElse(null);
  }

  /** Where the statement the failure is about is written, when a statement is involved. */
  public Optional<SourceLocation> statement() {
    return Optional.ofNullable(statement);
  }
}
