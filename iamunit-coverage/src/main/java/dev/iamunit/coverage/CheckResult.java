package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What the gate found.
 *
 * @param violations every way the gate is not met; the build fails when there is any
 * @param notes what may be improved without failing, such as baseline entries covered now
 */
@API(status = EXPERIMENTAL)
public record CheckResult(List<Violation> violations, List<String> notes) {

  public CheckResult {
    violations = List.copyOf(violations);
    notes = List.copyOf(notes);
  }

  public boolean passed() {
    return violations.isEmpty();
  }

  /** Every violation on its own line, then the notes: the text of the failing build. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (violations.isEmpty()) {
      text.append("IAMUnit coverage checks have been met.\n");
    } else {
      text.append("IAMUnit coverage checks have not been met (").append(violations.size()).append(" violation")
          .append(violations.size() == 1 ? "" : "s").append("):\n");
      violations.forEach(v -> text.append("  ").append(v.message().replace("\n", "\n    ")).append('\n'));
    }
    notes.forEach(n -> text.append(n).append('\n'));
    return text.toString();
  }
}
