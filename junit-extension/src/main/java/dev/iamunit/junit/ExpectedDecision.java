package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.Outcome;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** What a test expects of a request: a decision, or a denial of either kind. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ExpectedDecision {
  ALLOWED("allowed"),
  DENIED("denied"),
  EXPLICITLY_DENIED("explicitly denied"),
  IMPLICITLY_DENIED("implicitly denied");

  private final String description;

  ExpectedDecision(String description) {
    this.description = description;
  }

  /** {@code explicitly denied}, as in "to be explicitly denied". */
  public String description() {
    return description;
  }

  public boolean matches(Outcome outcome) {
    return switch (this) {
      case ALLOWED -> outcome == Outcome.ALLOWED;
      case DENIED -> outcome.isDenied();
      case EXPLICITLY_DENIED -> outcome == Outcome.EXPLICIT_DENY;
      case IMPLICITLY_DENIED -> outcome == Outcome.IMPLICIT_DENY;
    };
  }

  /**
   * Reads a table cell: a constant's name or an {@link Outcome}'s ({@code EXPLICIT_DENY}),
   * ignoring case, with spaces or dashes for underscores.
   */
  public static Optional<ExpectedDecision> parse(String text) {
    String name = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return switch (name) {
      case "ALLOWED", "ALLOW" -> Optional.of(ALLOWED);
      case "DENIED", "DENY" -> Optional.of(DENIED);
      case "EXPLICITLY_DENIED", "EXPLICIT_DENY" -> Optional.of(EXPLICITLY_DENIED);
      case "IMPLICITLY_DENIED", "IMPLICIT_DENY" -> Optional.of(IMPLICITLY_DENIED);
      default -> Optional.empty();
    };
  }
}
