package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.Outcome;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What an organization policy change reaches: an SCP or RCP whose statements were edited, that was
 * attached elsewhere, added or removed, the accounts it reaches in either version (by its
 * attachments, through the accounts' organization levels, the rule the evaluator applies), and in
 * each of them the principals and actions that gain or lose access because of it, with the
 * requests that prove it. An SCP reaches an account's principals; an RCP its resources, so an
 * RCP's findings are listed under the account that owns the resource, whoever asks.
 *
 * @param kind {@code SCP} or {@code RCP}
 * @param policy the policy's name ({@code region-lock})
 * @param location where the policy is declared, in the head if there, else in the base
 * @param statements the edits to its statements, as every statement diff reads
 * @param attachments the attachments the base had ({@code -}) and the head has ({@code +}): {@code
 *     + "Target": "OU Workloads"} at the attachment's declaration
 * @param accounts every account it reaches in either version, and any other account where a
 *     request it decided changed, in the order of the accounts
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BlastRadius(
    String kind, String policy, SourceLocation location, List<StatementChange> statements, List<StatementChange.Line> attachments,
    List<Reach> accounts) {

  public BlastRadius {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(location, "location");
    statements = List.copyOf(statements);
    attachments = List.copyOf(attachments);
    accounts = List.copyOf(accounts);
  }

  /**
   * One account the policy reaches.
   *
   * @param account the account
   * @param base whether the policy reaches it in the base
   * @param head whether it reaches it in the head
   * @param causes the requests the policy decided in one version that are newly allowed or newly
   *     denied, by cause: who gains or loses access to what
   * @param changedReason how many requests it decided in one version that keep their outcome,
   *     decided by other statements in the other
   */
  public record Reach(DiffAccount account, boolean base, boolean head, List<Cause> causes, int changedReason) {
    public Reach {
      Objects.requireNonNull(account, "account");
      causes = List.copyOf(causes);
    }

    /** {@code in base and head}, {@code in the base only}, {@code in the head only}, {@code not by attachment}. */
    public String versions() {
      return base && head ? "base and head" : base ? "base only" : head ? "head only" : "not by attachment";
    }
  }

  /** Every organization policy either version changes, with what it reaches, in the head's order then the base's. */
  static List<BlastRadius> of(Accounts before, Accounts after, List<DiffRow> rows, List<StatementChange> statements,
      List<PrincipalChange> principals, List<DiffAccount> accounts) {
    ControlPolicies base = ControlPolicies.of(before);
    ControlPolicies head = ControlPolicies.of(after);
    Set<ControlPolicies.Key> keys = new LinkedHashSet<>(head.entries().keySet());
    keys.addAll(base.entries().keySet());
    List<BlastRadius> all = new ArrayList<>();
    for (ControlPolicies.Key key : keys) {
      ControlPolicies.Entry b = base.entries().get(key);
      ControlPolicies.Entry h = head.entries().get(key);
      Set<String> files = files(key, b, h);
      List<StatementChange> edits = statements.stream()
          .filter(s -> s.policy().equals(key.name()) && files.contains(s.head().or(s::base).map(SourceLocation::file).orElseThrow()))
          .distinct().toList();
      List<StatementChange.Line> attachments = attachments(b, h);
      Set<String> reachedBase = b == null ? Set.of() : b.reached();
      Set<String> reachedHead = h == null ? Set.of() : h.reached();
      if (b != null && h != null && edits.isEmpty() && attachments.isEmpty() && reachedBase.equals(reachedHead)) {
        continue;
      }
      Set<String> reached = new LinkedHashSet<>(reachedBase);
      reached.addAll(reachedHead);
      Map<String, List<DiffRow>> byAccount = new LinkedHashMap<>();
      for (DiffRow row : rows) {
        if (decidedBy(key, files, row, reached)) {
          String account = key.resourceControl() ? resourceAccount(before, after, row) : row.account();
          byAccount.computeIfAbsent(account, a -> new ArrayList<>()).add(row);
        }
      }
      List<Reach> reaches = new ArrayList<>();
      for (DiffAccount account : accounts) {
        List<DiffRow> found = byAccount.getOrDefault(account.id(), List.of());
        if (!reached.contains(account.id()) && found.isEmpty()) {
          continue;
        }
        List<DiffRow> access = found.stream().filter(r -> r.change() != Change.CHANGED_REASON).toList();
        reaches.add(new Reach(account, reachedBase.contains(account.id()), reachedHead.contains(account.id()),
            Cause.of(access, statements, principals), found.size() - access.size()));
      }
      all.add(new BlastRadius(key.kind(), key.name(), (h == null ? b : h).policy().location(), edits, attachments, reaches));
    }
    return List.copyOf(all);
  }

  /** The files the policy and its statements are written in (a policy may read its document from another file). */
  private static Set<String> files(ControlPolicies.Key key, ControlPolicies.Entry base, ControlPolicies.Entry head) {
    Set<String> files = new LinkedHashSet<>();
    files.add(key.file());
    for (ControlPolicies.Entry entry : new ControlPolicies.Entry[] {base, head}) {
      if (entry != null) {
        entry.policy().statements().forEach(s -> files.add(s.location().file()));
      }
    }
    return files;
  }

  /** The targets only the base attaches the policy to ({@code -}), then those only the head does ({@code +}). */
  private static List<StatementChange.Line> attachments(ControlPolicies.Entry base, ControlPolicies.Entry head) {
    List<ControlPolicies.Target> before = base == null ? List.of() : base.targets();
    List<ControlPolicies.Target> after = head == null ? List.of() : head.targets();
    List<StatementChange.Line> lines = new ArrayList<>();
    before.stream().filter(t -> after.stream().noneMatch(o -> o.name().equals(t.name())))
        .forEach(t -> lines.add(new StatementChange.Line('-', "\"Target\": \"" + t.name() + "\"", t.location())));
    after.stream().filter(t -> before.stream().noneMatch(o -> o.name().equals(t.name())))
        .forEach(t -> lines.add(new StatementChange.Line('+', "\"Target\": \"" + t.name() + "\"", t.location())));
    return lines;
  }

  /**
   * Whether the policy decided the row in either version: one of its statements decided, or, for an
   * SCP that reaches the principal's account, an SCP level allowed nothing (an allow list widened,
   * narrowed or detached leaves no deciding statement, only that reason).
   */
  private static boolean decidedBy(ControlPolicies.Key key, Set<String> files, DiffRow row, Set<String> reached) {
    for (SideDecision side : List.of(row.base(), row.head())) {
      if (side.deciding().stream().anyMatch(d -> d.policy().equals(key.name()) && files.contains(d.file()))) {
        return true;
      }
      // The evaluator's words for an SCP level without an Allow (Evaluator.decide).
      if (!key.resourceControl() && reached.contains(row.account()) && side.outcome() == Outcome.IMPLICIT_DENY
          && side.reasons().stream().anyMatch(r -> r.startsWith("no service control policy at organization level"))) {
        return true;
      }
    }
    return false;
  }

  /** The account that owns the row's resource, as the evaluator finds it ({@link Accounts#owning}); else the caller's own. */
  private static String resourceAccount(Accounts before, Accounts after, DiffRow row) {
    return after.owning(row.resource()).or(() -> before.owning(row.resource())).map(Account::id).orElse(row.account());
  }

  /** {@code SCP region-lock (main.tf:72)}. */
  public String describe() {
    return kind + " " + policy + " (" + location.fileAndLine() + ")";
  }

  /** {@code statements edited}, {@code attachments changed}, {@code added}, … what changed, in words. */
  public String what() {
    List<String> parts = new ArrayList<>();
    if (!statements.isEmpty()) {
      parts.add("statements edited");
    }
    if (!attachments.isEmpty()) {
      parts.add("attachments changed");
    }
    if (parts.isEmpty()) {
      parts.add("the accounts it reaches changed");
    }
    return String.join(", ", parts);
  }
}
