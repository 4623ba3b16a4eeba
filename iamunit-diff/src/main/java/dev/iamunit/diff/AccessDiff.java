package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
 * @param principalChanges every principal whose groups, attachments, boundary or SCPs differ: what a
 *     cause names when none of its deciding statements was edited
 * @param accounts the accounts either version loads; reports group by account when there are several
 * @param blastRadius every SCP or RCP whose statements or attachments differ, with the accounts it
 *     reaches and who gains or loses access there
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AccessDiff(
    String base, String head, RequestSpace space, List<DiffRow> rows, Duration elapsed, LoadGaps baseGaps, LoadGaps headGaps,
    List<StatementChange> statementChanges, List<PrincipalChange> principalChanges, List<DiffAccount> accounts,
    List<BlastRadius> blastRadius) {

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
    accounts = List.copyOf(accounts);
    blastRadius = List.copyOf(blastRadius);
  }

  /** A diff of one account, or of accounts not named. */
  public AccessDiff(
      String base, String head, RequestSpace space, List<DiffRow> rows, Duration elapsed, LoadGaps baseGaps, LoadGaps headGaps,
      List<StatementChange> statementChanges, List<PrincipalChange> principalChanges) {
    this(base, head, space, rows, elapsed, baseGaps, headGaps, statementChanges, principalChanges, List.of(), List.of());
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
    return new AccessDiff(this.base, this.head, space, rows, elapsed, base, head, statementChanges, principalChanges, accounts,
        blastRadius);
  }

  /** The same diff, naming the statements and principals that differ between the versions. */
  public AccessDiff withEdits(List<StatementChange> statements, List<PrincipalChange> principals) {
    return new AccessDiff(base, head, space, rows, elapsed, baseGaps, headGaps, statements, principals, accounts, blastRadius);
  }

  /** The same diff, naming what differs between the accounts {@code before} and {@code after}. */
  public AccessDiff withEditsBetween(Account before, Account after) {
    return withEditsBetween(Accounts.of(before), Accounts.of(after));
  }

  /**
   * The same diff, naming what differs between each account of {@code before} and the account of
   * {@code after} with the same id, and between the organization policies of the two (compared once
   * however many accounts they reach); a principal of an organization's account is named with it.
   * An SCP that reaches an account in one version only is a change of its principals ({@code -
   * "ServiceControlPolicies": "protect-cloudtrail (through account prod (111111111111))"}); every
   * changed SCP or RCP gets its {@link BlastRadius}.
   */
  public AccessDiff withEditsBetween(Accounts before, Accounts after) {
    List<StatementChange> statements = new ArrayList<>();
    Map<String, List<StatementChange.Line>> principals = new LinkedHashMap<>();
    ControlPolicies baseOrganization = ControlPolicies.of(before);
    ControlPolicies headOrganization = ControlPolicies.of(after);
    for (String id : AccessDiffer.accountIds(before, after)) {
      Account b = before.byId(id).orElseGet(() -> Account.empty(id));
      Account h = after.byId(id).orElseGet(() -> Account.empty(id));
      statements.addAll(StatementChange.between(AccountPolicies.declared(b), AccountPolicies.declared(h)));
      String where = AccessDiffer.where(before, after, id);
      PrincipalChange.between(b, h).values().forEach(c ->
          principals.computeIfAbsent(c.principal() + where, k -> new ArrayList<>()).addAll(c.lines()));
      List<StatementChange.Line> scps = scpsReaching(id, baseOrganization, headOrganization);
      if (!scps.isEmpty()) {
        for (String principal : principalLabels(b, h)) {
          principals.computeIfAbsent(principal + where, k -> new ArrayList<>()).addAll(scps);
        }
      }
    }
    statements.addAll(StatementChange.between(baseOrganization.policies(), headOrganization.policies()));
    List<PrincipalChange> changes = new ArrayList<>();
    principals.forEach((principal, lines) -> changes.add(new PrincipalChange(principal, lines)));
    List<DiffAccount> named = DiffAccount.of(before, after);
    return new AccessDiff(base, head, space, rows, elapsed, baseGaps, headGaps, statements, changes, named,
        BlastRadius.of(before, after, rows, statements, changes, named));
  }

  /** The SCPs that reach account {@code id} in one version only, at the attachments through which they do. */
  private static List<StatementChange.Line> scpsReaching(String id, ControlPolicies base, ControlPolicies head) {
    List<StatementChange.Line> lines = new ArrayList<>();
    Set<ControlPolicies.Key> keys = new LinkedHashSet<>(base.entries().keySet());
    keys.addAll(head.entries().keySet());
    for (ControlPolicies.Key key : keys) {
      if (key.resourceControl()) {
        continue;
      }
      boolean before = base.entries().containsKey(key) && base.entries().get(key).reached().contains(id);
      boolean after = head.entries().containsKey(key) && head.entries().get(key).reached().contains(id);
      if (before != after) {
        ControlPolicies version = before ? base : head;
        ControlPolicies.Entry entry = version.entries().get(key);
        List<ControlPolicies.Target> through = version.targetsReaching(key, id);
        if (through.isEmpty()) {
          lines.add(new StatementChange.Line(before ? '-' : '+', "\"ServiceControlPolicies\": \"" + key.name() + "\"",
              entry.policy().location()));
        }
        through.forEach(t -> lines.add(new StatementChange.Line(before ? '-' : '+',
            "\"ServiceControlPolicies\": \"" + key.name() + " (through " + t.name() + ")\"", t.location())));
      }
    }
    return lines;
  }

  /** {@code user alice}, {@code role deploy}: every principal either version declares in the account. */
  private static Set<String> principalLabels(Account base, Account head) {
    Set<String> labels = new TreeSet<>();
    for (Account account : List.of(base, head)) {
      account.users().keySet().forEach(name -> labels.add("user " + name));
      account.roles().keySet().forEach(name -> labels.add("role " + name));
    }
    return labels;
  }

  /** Whether the diff covers several accounts, so that reports group its changes by account. */
  public boolean perAccount() {
    return accounts.size() > 1;
  }

  /** The causes ({@link #causes()}) of each account's principals ({@link Cause#account()}), every account, in order. */
  public Map<DiffAccount, List<Cause>> causesByAccount() {
    List<Cause> all = causes();
    Map<DiffAccount, List<Cause>> byAccount = new LinkedHashMap<>();
    for (DiffAccount account : accounts) {
      byAccount.put(account, all.stream().filter(c -> c.account().equals(account.id())).toList());
    }
    return byAccount;
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
   * Whether the diff cannot rule out new access: the head holds something new IAMUnit could not
   * evaluate that could grant access ({@link #newCouldGrant()}), so "no new access" would be a guess.
   */
  public boolean mayHaveUnseenAccess() {
    return !newCouldGrant().isEmpty();
  }

  /**
   * What the head holds that could grant access unseen ({@link LoadGaps#couldGrant()}) and the base
   * does not, each once: a gap with an {@link LoadGaps.Gap#identity()} (an unresolved value's
   * expression, wherever written) that the base holds too gives no access the base did not have; a
   * gap without one (a policy left out) always counts.
   */
  public List<LoadGaps.Gap> newCouldGrant() {
    Set<String> inBase = new HashSet<>();
    baseGaps.couldGrant().forEach(gap -> gap.identity().ifPresent(inBase::add));
    Map<Object, LoadGaps.Gap> fresh = new LinkedHashMap<>();
    for (LoadGaps.Gap gap : headGaps.couldGrant()) {
      if (gap.identity().isEmpty() || !inBase.contains(gap.identity().get())) {
        fresh.putIfAbsent(gap.identity().isPresent() ? gap.identity().get() : gap, gap);
      }
    }
    return List.copyOf(fresh.values());
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
