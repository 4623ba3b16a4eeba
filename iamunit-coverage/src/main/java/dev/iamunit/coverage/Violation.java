package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One way the coverage gate is not met.
 *
 * @param message what is wrong, naming Sids and file:line
 * @param file the template it is about, or an empty string for a principal or the whole run
 * @param line the line, 0 when the violation is about a whole file or more
 */
@API(status = EXPERIMENTAL)
public record Violation(String message, String file, int line) {

  public Violation {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(file, "file");
  }

  @Override
  public String toString() {
    return message;
  }
}
