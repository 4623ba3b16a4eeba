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
 * @param baseGaps what the base version's load could not read or compute
 * @param headGaps what the head version's load could not read or compute
 */
public record AccessDiff(
    String base, String head, RequestSpace space, List<DiffRow> rows, Duration elapsed, LoadGaps baseGaps, LoadGaps headGaps) {

  public AccessDiff {
    Objects.requireNonNull(baseGaps, "baseGaps");
    Objects.requireNonNull(headGaps, "headGaps");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(space, "space");
    rows = List.copyOf(rows);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** A diff of two accounts that hold everything their templates declare. */
  public AccessDiff(String base, String head, RequestSpace space, List<DiffRow> rows, Duration elapsed) {
    this(base, head, space, rows, elapsed, LoadGaps.NONE, LoadGaps.NONE);
  }

  /** The same diff, with what each version's load left out. */
  public AccessDiff withGaps(LoadGaps base, LoadGaps head) {
    return new AccessDiff(this.base, this.head, space, rows, elapsed, base, head);
  }

  public List<DiffRow> rows(Change change) {
    return rows.stream().filter(r -> r.change() == change).toList();
  }

  /** Whether some request is allowed in the head that the base denied. */
  public boolean hasNewAccess() {
    return rows.stream().anyMatch(r -> r.change() == Change.NEWLY_ALLOWED);
  }

  /**
   * Whether the diff cannot rule out new access: the head holds something IAMUnit could not
   * evaluate that could grant access ({@link LoadGaps#couldGrant()}), so "no new access" would be
   * a guess.
   */
  public boolean mayHaveUnseenAccess() {
    return !headGaps.couldGrant().isEmpty();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
