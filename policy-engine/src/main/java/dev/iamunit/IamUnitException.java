package dev.iamunit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.SourceLocation;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A mistake in what the user gave IAMUnit: a malformed policy, an unknown condition operator, an
 * unresolvable template expression, an unknown user. The message names where and what to do; it is
 * meant to be shown as it is, without a stack trace.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class IamUnitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient SourceLocation location;

  public IamUnitException(String message) {
    this(message, null, null);
  }

  public IamUnitException(String message, SourceLocation location) {
    this(message, location, null);
  }

  public IamUnitException(String message, SourceLocation location, Throwable cause) {
    super(location == null ? message : location + ": " + message, cause);
    this.location = location;
  }

  /** Where the mistake is, when it is in a file. */
  public Optional<SourceLocation> location() {
    return Optional.ofNullable(location);
  }
}
