package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.CredentialKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Requests that changed the same way for the same reason, what a reviewer reads as one finding:
 * one principal with one kind of credentials, and the edits to the statements that decided them
 * (a condition's operator, an action added). Replacing one {@code BoolIfExists} with {@code Bool}
 * newly allows thousands of requests, decided in the head by several statements; they read as one
 * cause naming that condition, with how each was decided before and after. Requests whose deciding
 * statements read the same in both versions (an attachment or membership changed) group by those
 * statements.
 *
 * @param change how the requests differ
 * @param principal {@code user MFAUser}
 * @param credentials how the caller signed
 * @param changed the deciding statements, of either side, whose elements differ between the
 *     versions (empty when every deciding statement reads the same in both: then what changed is
 *     which policies apply, an attachment, membership or boundary)
 * @param decided how the requests were decided in the base and the head, most requests first
 * @param principalChange when no deciding statement was edited, what changed in the principal's
 *     groups, attachments, boundary or the SCPs that reach its account, if anything
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Cause(
    Change change, String principal, CredentialKind credentials, List<StatementChange> changed, List<Decided> decided,
    Optional<PrincipalChange> principalChange) {

  public Cause {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(credentials, "credentials");
    changed = List.copyOf(changed);
    decided = List.copyOf(decided);
    Objects.requireNonNull(principalChange, "principalChange");
  }

  /**
   * Requests of a cause decided alike: by the same statements in the base, and in the head.
   *
   * @param base the base's decision
   * @param head the head's decision
   * @param rows the requests, in the diff's order
   */
  public record Decided(SideDecision base, SideDecision head, List<DiffRow> rows) {
    public Decided {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(head, "head");
      rows = List.copyOf(rows);
    }
  }

  /**
   * {@code rows} grouped by cause, new access first, then by principal and credentials, and the
   * largest first within them.
   */
  static List<Cause> of(List<DiffRow> rows, List<StatementChange> statementChanges, List<PrincipalChange> principalChanges) {
    record Sides(SideDecision base, SideDecision head) {}
    record Key(Change change, String principal, CredentialKind credentials, List<StatementChange> changed, Sides unchanged) {}
    Map<Sides, List<StatementChange>> edits = new HashMap<>();
    Map<Key, Map<Sides, List<DiffRow>>> groups = new LinkedHashMap<>();
    for (DiffRow row : rows) {
      Sides sides = new Sides(row.base(), row.head());
      List<StatementChange> changed = edits.computeIfAbsent(sides, s -> changedAmong(s.base(), s.head(), statementChanges));
      Key key = new Key(row.change(), row.principal(), row.credentials(), changed, changed.isEmpty() ? sides : null);
      groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(sides, s -> new ArrayList<>()).add(row);
    }
    List<Cause> causes = new ArrayList<>();
    groups.forEach((k, bySides) -> {
      List<Decided> decided = new ArrayList<>();
      bySides.forEach((sides, members) -> decided.add(new Decided(sides.base(), sides.head(), members)));
      decided.sort(Comparator.comparingInt((Decided d) -> d.rows().size()).reversed());
      Optional<PrincipalChange> principal = k.changed().isEmpty()
          ? principalChanges.stream().filter(p -> p.principal().equals(k.principal())).findFirst()
          : Optional.empty();
      causes.add(new Cause(k.change(), k.principal(), k.credentials(), k.changed(), decided, principal));
    });
    causes.sort(Comparator.comparing(Cause::change)
        .thenComparing(Cause::principal)
        .thenComparing(Cause::credentials)
        .thenComparing(Comparator.comparingInt(Cause::requests).reversed()));
    return causes;
  }

  private static List<StatementChange> changedAmong(SideDecision base, SideDecision head, List<StatementChange> changes) {
    Set<StatementChange> found = new LinkedHashSet<>();
    for (SideDecision side : List.of(base, head)) {
      for (DecidingStatement deciding : side.deciding()) {
        changes.stream().filter(c -> c.is(deciding)).forEach(found::add);
      }
    }
    return List.copyOf(found);
  }

  /** The id of its principal's account (every request of a cause is one principal's), empty when the rows name none. */
  public String account() {
    return decided.isEmpty() ? "" : decided.get(0).rows().get(0).account();
  }

  /** How many requests this cause holds. */
  public int requests() {
    return decided.stream().mapToInt(d -> d.rows().size()).sum();
  }

  /** Every request of this cause, in the diff's order within each way it was decided. */
  public List<DiffRow> rows() {
    return decided.stream().flatMap(d -> d.rows().stream()).toList();
  }

  /**
   * The distinct actions these requests stand for, sorted: each row's action and the actions alike
   * ({@link DiffRow#actions()}), which changed as it did.
   */
  public List<String> actions() {
    return List.copyOf(rows().stream().flatMap(row -> row.actions().stream()).collect(TreeSet::new, Set::add, Set::addAll));
  }

  /**
   * Whether every request of this cause stands for a region decided in full (the complete space),
   * not a sample of the fallback space.
   */
  public boolean proved() {
    return rows().stream().allMatch(DiffRow::proved);
  }

  /** {@code 1,200 requests: 640 actions of autoscaling, ec2, … on 12 resources (proved)}. */
  public String extent() {
    List<String> actions = actions();
    List<DiffRow> rows = rows();
    Set<String> services = new TreeSet<>();
    actions.forEach(a -> services.add(a.substring(0, Math.max(0, a.indexOf(':')))));
    long resources = rows.stream().map(DiffRow::resource).distinct().count();
    String serviceList = services.size() <= 4 ? String.join(", ", services)
        : String.join(", ", List.copyOf(services).subList(0, 4)) + ", …";
    return String.format(Locale.ROOT, "%,d request%s: %s on %,d resource%s", rows.size(), rows.size() == 1 ? "" : "s",
        actions.size() == 1 ? actions.get(0) : String.format(Locale.ROOT, "%,d actions of %s", actions.size(), serviceList),
        resources, resources == 1 ? "" : "s") + (proved() ? " (proved)" : " (sampled)");
  }

  /** {@code user MFAUser, long-term access keys}. */
  public String who() {
    return principal + ", " + credentials.description();
  }

  /**
   * Up to {@code most} of the requests, one of each way they were decided first, each of another
   * action while there are enough: what a reviewer reads to recognise the finding.
   */
  public List<DiffRow> examples(int most) {
    List<DiffRow> picked = new ArrayList<>();
    Set<String> actions = new LinkedHashSet<>();
    // One of each way they were decided first, then other actions.
    for (Decided d : decided) {
      if (picked.size() < most && actions.add(d.rows().get(0).action())) {
        picked.add(d.rows().get(0));
      }
    }
    List<DiffRow> rows = rows();
    for (DiffRow row : rows) {
      if (picked.size() < most && actions.add(row.action())) {
        picked.add(row);
      }
    }
    for (DiffRow row : rows) {
      if (picked.size() < most && !picked.contains(row)) {
        picked.add(row);
      }
    }
    return picked;
  }

  /**
   * The request, its context and the actions alike as one line: {@code ec2:RunInstances on arn:…
   * (aws:SourceIp=10.0.0.1) and 2 more actions alike: ec2:StartInstances, ec2:StopInstances}.
   */
  public static String request(DiffRow row) {
    StringBuilder text = new StringBuilder(row.action()).append(" on ").append(row.resource());
    if (!row.context().isEmpty()) {
      text.append(" (");
      row.context().forEach((k, v) -> text.append(text.charAt(text.length() - 1) == '(' ? "" : ", ").append(k).append('=').append(v));
      text.append(')');
    }
    if (!row.alike().isEmpty()) {
      text.append(' ').append(row.alikeText());
    }
    return text.toString();
  }
}
