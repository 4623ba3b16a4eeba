package dev.iamunit.cli.lint;

import dev.iamunit.model.SourceLocation;
import java.util.Objects;

/**
 * One thing a lint rule found in a policy.
 *
 * @param rule the id of the rule, such as {@code unknown-action}
 * @param location where it is written
 * @param message what is wrong and what to do, without the location
 */
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
