package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

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
 * @param statementChanges every statement whose elements differ between the versions, or that one
 *     of them lacks: what {@link #causes()} names as the edit behind each group of requests
 * @param principalChanges every principal whose groups, attachments or boundary differ: what a
 *     cause names when none of its deciding statements was edited
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AccessDiff(
    String base, String head, RequestSpace space, List<DiffRow> rows, Duration elapsed, LoadGaps baseGaps, LoadGaps headGaps,
    List<StatementChange> statementChanges, List<PrincipalChange> principalChanges) {

  public AccessDiff {
    Objects.requireNonNull(baseGaps, "baseGaps");
    Objects.requireNonNull(headGaps, "headGaps");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(space, "space");
    rows = List.copyOf(rows);
    Objects.requireNonNull(elapsed, "elapsed");
    statementChanges = List.copyOf(statementChanges);
    principalChanges = List.copyOf(principalChanges);
  }

  /** A diff with what each version's load left out, and no statement changes named. */
  public AccessDiff(
      String base, String head, RequestSpace space, List<DiffRow> rows, Duration elapsed, LoadGaps baseGaps, LoadGaps headGaps) {
    this(base, head, space, rows, elapsed, baseGaps, headGaps, List.of(), List.of());
  }

  /** A diff of two accounts that hold everything their templates declare. */
  public AccessDiff(String base, String head, RequestSpace space, List<DiffRow> rows, Duration elapsed) {
    this(base, head, space, rows, elapsed, LoadGaps.NONE, LoadGaps.NONE);
  }

  /** The same diff, with what each version's load left out. */
  public AccessDiff withGaps(LoadGaps base, LoadGaps head) {
    return new AccessDiff(this.base, this.head, space, rows, elapsed, base, head, statementChanges, principalChanges);
  }

  /** The same diff, naming the statements and principals that differ between the versions. */
  public AccessDiff withEdits(List<StatementChange> statements, List<PrincipalChange> principals) {
    return new AccessDiff(base, head, space, rows, elapsed, baseGaps, headGaps, statements, principals);
  }

  /** The same diff, naming what differs between the accounts {@code before} and {@code after}. */
  public AccessDiff withEditsBetween(Account before, Account after) {
    return withEditsBetween(Accounts.of(before), Accounts.of(after));
  }

  /**
   * The same diff, naming what differs between each account of {@code before} and the account of
   * {@code after} with the same id; a principal of an organization's account is named with it.
   */
  public AccessDiff withEditsBetween(Accounts before, Accounts after) {
    List<StatementChange> statements = new ArrayList<>();
    List<PrincipalChange> principals = new ArrayList<>();
    for (String id : AccessDiffer.accountIds(before, after)) {
      Account b = before.byId(id).orElseGet(() -> Account.empty(id));
      Account h = after.byId(id).orElseGet(() -> Account.empty(id));
      statements.addAll(StatementChange.between(b, h));
      String where = AccessDiffer.where(before, after, id);
      PrincipalChange.between(b, h).values().forEach(c -> principals.add(new PrincipalChange(c.principal() + where, c.lines())));
    }
    return withEdits(statements, principals);
  }

  /**
   * The rows grouped by cause ({@link Cause}): principal and credentials, the statements that
   * decided in each version, and the edits to them. Thousands of requests a one-word edit changed
   * read as a few causes.
   */
  public List<Cause> causes() {
    return Cause.of(rows, statementChanges, principalChanges);
  }

  /** The rows of {@code change}, grouped by cause. */
  public List<Cause> causes(Change change) {
    return causes().stream().filter(c -> c.change() == change).toList();
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
