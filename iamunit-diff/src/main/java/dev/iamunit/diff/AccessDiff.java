package dev.iamunit.diff;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What changed in who may do what between two versions of the templates.
 *
 * @param base how the base version was named ({@code origin/main}, a folder)
 * @param head how the head version was named
 * @param space the requests both versions were asked
 * @param rows every request whose decision or deciding statements differ, sorted by change,
 *     principal, action, resource, credentials and context
 * @param elapsed how long loading excluded, the comparison took
 */
public record AccessDiff(String base, String head, RequestSpace space, List<DiffRow> rows, Duration elapsed) {

  public AccessDiff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(space, "space");
    rows = List.copyOf(rows);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  public List<DiffRow> rows(Change change) {
    return rows.stream().filter(r -> r.change() == change).toList();
  }

  /** Whether some request is allowed in the head that the base denied. */
  public boolean hasNewAccess() {
    return rows.stream().anyMatch(r -> r.change() == Change.NEWLY_ALLOWED);
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
