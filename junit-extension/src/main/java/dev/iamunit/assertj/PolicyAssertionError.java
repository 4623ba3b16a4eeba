package dev.iamunit.assertj;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.model.SourceLocation;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A failed assertion on a decision, carrying the template line it is about: the statement that
 * decided, else the statement that came closest. The JUnit extension records it for the SARIF
 * report, so a pull request shows the failure on the policy line, not only in the test log.
 */
@API(status = INTERNAL, since = "0.1")
public final class PolicyAssertionError extends AssertionError {

  private static final long serialVersionUID = 1L;

  private final transient SourceLocation statement;

  private PolicyAssertionError(AssertionError failure, SourceLocation statement) {
    super(failure.getMessage());
    setStackTrace(failure.getStackTrace());
    this.statement = statement;
  }

  /** AssertJ's {@code failure} (description and stack trace as AssertJ made them) about {@code subject}. */
  static PolicyAssertionError about(AssertionError failure, Subject subject) {
    SourceLocation statement = subject.decision().deciding().stream().findFirst()
        .or(() -> subject.decision().explanation().nearMisses().stream().findFirst())
        .map(result -> result.statement().location())
        .orElse(null);
    return new PolicyAssertionError(failure, statement);
  }

  /** Where the statement the failure is about is written, when a statement is involved. */
  public Optional<SourceLocation> statement() {
    return Optional.ofNullable(statement);
  }
}
