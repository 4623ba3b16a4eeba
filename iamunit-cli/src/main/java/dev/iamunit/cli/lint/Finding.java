package dev.iamunit.cli.lint;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.model.SourceLocation;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One thing a lint rule found in a policy.
 *
 * @param rule the id of the rule, such as {@code unknown-action}
 * @param location where it is written
 * @param message what is wrong and what to do, without the location
 */
@API(status = INTERNAL, since = "0.1")
public record Finding(String rule, SourceLocation location, String message) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:column: warning: message [rule]}, the form editors and CI annotations read. */
  public String format() {
    return Locations.fileLineColumn(location) + ": warning: " + message + " [" + rule + "]";
  }
}
