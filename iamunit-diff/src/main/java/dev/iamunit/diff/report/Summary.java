package dev.iamunit.diff.report;

import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.BlastRadius;
import dev.iamunit.diff.DiffAccount;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.diff.Cause;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.StatementChange;
import dev.iamunit.diff.LoadGaps;
import dev.iamunit.diff.RequestSpace;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The sentences every format shares, built in one place. */
final class Summary {

  private Summary() {}

  /** {@code 2 requests newly allowed, 3 newly denied, 0 with a changed reason.} */
  static String line(AccessDiff diff) {
    int unseen = diff.newCouldGrant().size();
    return decided(diff) + " " + proof(diff) + (unseen > 0
        ? String.format(Locale.ROOT, " Not \"no new access\": the head holds %d thing%s IAMUnit could not evaluate that could grant access.",
            unseen, unseen == 1 ? "" : "s")
        : "");
  }

  /** Whether the answer is a proof: {@code Proved over every region of 1,234 principal/action pairs.} */
  static String proof(AccessDiff diff) {
    RequestSpace.Proof proof = diff.space().proof();
    return proof.complete()
        ? String.format(Locale.ROOT, "Proved over every region of requests (%,d principal/action pair%s).", proof.proved(),
            proof.proved() == 1 ? "" : "s")
        : String.format(Locale.ROOT, "Proved for %,d principal/action pair%s; SAMPLED for %,d, where a change may be missed.",
            proof.proved(), proof.proved() == 1 ? "" : "s", proof.sampled().size());
  }

  /**
   * Which principals were asked and why ({@link dev.iamunit.diff.Scope}): {@code Re-decided 1 of
   * 3,000 principals: role team-17's inline policy team-17 changed.}
   */
  static String scope(AccessDiff diff) {
    return diff.space().scope().describe();
  }

  /** How many sampled pairs every format names; the rest are in JSON. */
  static final int SAMPLED = 10;

  /** The warning on one sampled pair: {@code Sampled, not proved: user alice s3:GetObject: why; a change may be missed here.} */
  static String notProved(String pair) {
    return "Sampled, not proved: " + pair + "; a change may be missed here, so \"no new access\" is not proved.";
  }

  /** {@code Sampled: user alice s3:GetObject: ...}, the first few, then how many more. */
  static List<String> sampled(AccessDiff diff) {
    List<String> pairs = diff.space().proof().sampled();
    List<String> lines = new ArrayList<>();
    pairs.subList(0, Math.min(SAMPLED, pairs.size())).forEach(p -> lines.add("Sampled: " + p));
    if (pairs.size() > SAMPLED) {
      lines.add(String.format(Locale.ROOT, "Sampled: %,d more pairs, in the JSON report", pairs.size() - SAMPLED));
    }
    return lines;
  }

  /**
   * What each version's load could not read or compute, counted version by version, then each
   * value or problem once, saying whether the base, the head or both hold it; then what new in the
   * head could grant access unseen: the lines every format starts with. Empty when both loads were
   * complete.
   */
  static List<String> gaps(AccessDiff diff) {
    List<String> lines = new ArrayList<>();
    count(lines, "base " + diff.base(), diff.baseGaps());
    count(lines, "head " + diff.head(), diff.headGaps());
    notEvaluated(diff).forEach(n -> lines.add("  " + n.kind() + " " + n.text() + " (" + n.versions() + ")"));
    if (diff.mayHaveUnseenAccess()) {
      lines.add("Could grant access that no request shows (head):");
      diff.newCouldGrant().forEach(gap -> lines.add("  " + gap));
    }
    return lines;
  }

  /**
   * A value a load could not compute or a problem it reported, once however many times and in
   * however many versions it occurs.
   *
   * @param kind {@code unresolved} or {@code problem}
   * @param text what and where: {@code <unresolved: var.x> at main.tf:4: why}
   * @param versions {@code base}, {@code head} or {@code base and head}
   */
  record NotEvaluated(String kind, SourceLocation location, String text, String versions) {}

  /** Every value and problem of both loads, each once (unresolved values by expression and why), the base's first. */
  static List<NotEvaluated> notEvaluated(AccessDiff diff) {
    Map<String, NotEvaluated> unresolved = new LinkedHashMap<>();
    Map<String, NotEvaluated> problems = new LinkedHashMap<>();
    for (boolean head : new boolean[] {false, true}) {
      LoadGaps gaps = head ? diff.headGaps() : diff.baseGaps();
      String version = head ? "head" : "base";
      for (Unresolved u : gaps.unresolved()) {
        once(unresolved, LoadGaps.identity(u), new NotEvaluated("unresolved", u.location(),
            u.display() + " at " + u.location().fileAndLine() + ": " + u.reason(), version));
      }
      for (LoadReport.Problem p : gaps.problems()) {
        once(problems, p.location().fileAndLine() + " " + p.message(), new NotEvaluated("problem", p.location(),
            p.location().fileAndLine() + ": " + p.message(), version));
      }
    }
    List<NotEvaluated> all = new ArrayList<>(problems.values());
    all.addAll(unresolved.values());
    return all;
  }

  private static void once(Map<String, NotEvaluated> seen, String identity, NotEvaluated entry) {
    NotEvaluated earlier = seen.get(identity);
    if (earlier == null) {
      seen.put(identity, entry);
    } else if (!earlier.versions().contains(entry.versions())) {
      seen.put(identity, new NotEvaluated(earlier.kind(), earlier.location(), earlier.text(), earlier.versions() + " and " + entry.versions()));
    }
  }

  /** {@code Read in base main: 2 files: main.tf, stacks/app.yaml}: one line per version. */
  static List<String> filesRead(AccessDiff diff) {
    return List.of(filesRead("base " + diff.base(), diff.baseGaps()), filesRead("head " + diff.head(), diff.headGaps()));
  }

  private static String filesRead(String name, LoadGaps gaps) {
    return "Read in " + name + ": " + LoadReport.filesRead(gaps.files());
  }

  /** {@code Not evaluated in base main: 2 unresolved values, 0 problems}, each value counted once. */
  private static void count(List<String> lines, String name, LoadGaps gaps) {
    if (gaps.isEmpty()) {
      return;
    }
    long unresolved = gaps.unresolved().stream().map(LoadGaps::identity).distinct().count();
    long problems = gaps.problems().stream().map(p -> p.location().fileAndLine() + " " + p.message()).distinct().count();
    lines.add(String.format(Locale.ROOT, "Not evaluated in %s: %d unresolved value%s, %d problem%s", name,
        unresolved, unresolved == 1 ? "" : "s", problems, problems == 1 ? "" : "s"));
  }

  private static String decided(AccessDiff diff) {
    return decided(diff.rows());
  }

  /** {@code 2 requests newly allowed, 3 newly denied, 0 with a changed reason.}, or that nothing changed. */
  private static String decided(List<DiffRow> rows) {
    if (rows.isEmpty()) {
      return "No change in who may do what.";
    }
    long allowed = rows.stream().filter(r -> r.change() == Change.NEWLY_ALLOWED).count();
    return String.format(Locale.ROOT, "%,d request%s newly allowed, %,d newly denied, %,d with a changed reason.",
        allowed, allowed == 1 ? "" : "s", rows.stream().filter(r -> r.change() == Change.NEWLY_DENIED).count(),
        rows.stream().filter(r -> r.change() == Change.CHANGED_REASON).count());
  }

  /** {@code Account prod (111111111111): 2 requests newly allowed, 0 newly denied, 0 with a changed reason.} */
  static String account(DiffAccount account, List<Cause> causes) {
    return "Account " + account.description() + ": " + decided(causes.stream().flatMap(c -> c.rows().stream()).toList());
  }

  /** {@code No change in who may do what in 123456789012, dev (222222222222).}, when some account has no change. */
  static Optional<String> unchangedAccounts(Map<DiffAccount, List<Cause>> byAccount) {
    List<String> unchanged = byAccount.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(e -> e.getKey().description()).toList();
    return unchanged.isEmpty() ? Optional.empty()
        : Optional.of("No change in who may do what in " + String.join(", ", unchanged) + ".");
  }

  /** {@code Organization policy changes: 2 (SCP region-lock, RCP s3-over-tls): what each reaches}. */
  static String blastRadiusHeading(List<BlastRadius> changes) {
    return "Organization policy change" + (changes.size() == 1 ? "" : "s") + ": " + changes.size() + " ("
        + String.join(", ", changes.stream().map(b -> b.kind() + " " + b.policy()).toList()) + "): the accounts each reaches, and who gains or loses access there";
  }

  /** {@code SCP region-lock (main.tf:72): statements edited; reaches 2 accounts}. */
  static String blastRadiusTitle(BlastRadius change) {
    long reached = change.accounts().stream().filter(r -> r.base() || r.head()).count();
    return change.describe() + ": " + change.what() + "; reaches " + reached + " account" + (reached == 1 ? "" : "s");
  }

  /** The statement edits and attachment changes of an organization policy, each as a diff line at file:line. */
  static List<String> blastRadiusEdits(BlastRadius change) {
    List<String> lines = new ArrayList<>();
    change.statements().forEach(s -> lines.addAll(edit(s)));
    change.attachments().forEach(l -> lines.add(l + "   " + l.location().fileAndLine()));
    return lines;
  }

  /**
   * {@code prod (111111111111), in base and head: 68 requests newly allowed, 0 newly denied}, or that
   * it applies there and no declared principal's access changed.
   */
  static String reach(BlastRadius.Reach reach) {
    return reachedAccount(reach) + ": " + reachedAccess(reach);
  }

  /** {@code prod (111111111111), reached in base and head}. */
  static String reachedAccount(BlastRadius.Reach reach) {
    return reach.account().description() + ", reached in " + reach.versions();
  }

  /** {@code 68 requests newly allowed, 0 newly denied}, or that no declared principal's access changed. */
  static String reachedAccess(BlastRadius.Reach reach) {
    if (reach.causes().isEmpty()) {
      return "no declared principal's access changed" + (reach.changedReason() == 0 ? ""
          : String.format(Locale.ROOT, " (%,d request%s decided alike through other statements)", reach.changedReason(),
              reach.changedReason() == 1 ? "" : "s"));
    }
    List<DiffRow> rows = reach.causes().stream().flatMap(c -> c.rows().stream()).toList();
    long allowed = rows.stream().filter(r -> r.change() == Change.NEWLY_ALLOWED).count();
    return String.format(Locale.ROOT, "%,d request%s newly allowed, %,d newly denied", allowed, allowed == 1 ? "" : "s",
        rows.size() - allowed);
  }

  /** {@code role operator, assumed-role session: newly allowed: 34 requests: ec2:RunInstances on 34 resources (proved)}. */
  static String reachCause(Cause cause) {
    return cause.who() + ": " + title(cause.change()).toLowerCase(Locale.ROOT) + ": " + cause.extent();
  }

  /** How many examples of a cause every format shows; the rest are behind {@code --all} and in JSON. */
  static final int EXAMPLES = 3;

  /** {@code Newly allowed: 1,752 requests, 3 causes}. */
  static String heading(List<Cause> all, Change change) {
    int requests = all.stream().filter(c -> c.change() == change).mapToInt(Cause::requests).sum();
    int causes = (int) all.stream().filter(c -> c.change() == change).count();
    return String.format(Locale.ROOT, "%s: %,d request%s, %d cause%s", title(change), requests, requests == 1 ? "" : "s",
        causes, causes == 1 ? "" : "s");
  }

  /**
   * The edits behind a cause, a statement diff each: its name and location, then its removed and
   * added values with theirs. When no deciding statement differs, the one sentence saying so.
   */
  static List<String> edits(Cause cause) {
    if (cause.changed().isEmpty()) {
      if (cause.principalChange().isPresent()) {
        List<String> lines = new ArrayList<>();
        lines.add("  " + cause.principal() + " (no deciding statement differs)");
        cause.principalChange().get().lines().forEach(l -> lines.add(l + "   " + l.location().fileAndLine()));
        return lines;
      }
      return List.of("  (no deciding statement differs, nor " + cause.principal()
          + "'s groups, attachments, boundary or SCPs: an RCP or a resource policy changed)");
    }
    List<String> lines = new ArrayList<>();
    for (StatementChange change : cause.changed()) {
      lines.addAll(edit(change));
    }
    return lines;
  }

  /** One statement's diff: {@code   Deny X (Force_MFA, main.tf:88)}, then {@code - "BoolIfExists": {...}   main.tf:107}. */
  static List<String> edit(StatementChange change) {
    List<String> lines = new ArrayList<>();
    lines.add("  " + change.describe());
    change.lines().forEach(l -> lines.add(l + "   " + l.location().fileAndLine()));
    return lines;
  }

  /** How many ways a cause's requests were decided every format lists; the rest are behind {@code --all} and in JSON. */
  static final int DECIDED = 4;

  /** {@code 1 request}, {@code 1,374 requests}. */
  static String requests(int n) {
    return String.format(Locale.ROOT, "%,d request%s", n, n == 1 ? "" : "s");
  }

  /** {@code Deny BlockMostAccessUnlessSignedInWithMFA (Force_MFA) edited}, or that no deciding statement was. */
  static String edited(Cause cause) {
    return cause.changed().isEmpty()
        ? cause.principalChange().map(p -> "groups, attachments, boundary or SCPs edited").orElse("no deciding statement edited")
        : String.join("; ", cause.changed().stream().map(c -> c.effect().json() + " " + c.statement() + " (" + c.policy() + ")").toList())
            + " edited";
  }

  /** {@code 1,197 more: iamunit diff --all, or the JSON report}, or nothing when every request was shown. */
  static String more(Cause cause, int shown) {
    int rest = cause.rows().size() - shown;
    return rest <= 0 ? "" : String.format(Locale.ROOT, "%,d more: iamunit diff --all, or the JSON report", rest);
  }

  static String title(Change change) {
    return switch (change) {
      case NEWLY_ALLOWED -> "Newly allowed";
      case NEWLY_DENIED -> "Newly denied";
      case CHANGED_REASON -> "Changed reason";
    };
  }
}
