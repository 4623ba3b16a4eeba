package dev.iamunit.diff.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.BlastRadius;
import dev.iamunit.diff.DiffAccount;
import dev.iamunit.diff.Cause;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DiffRow;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The console report: a summary, then each kind of change by cause ({@link Cause}): who, how
 * many requests, the deciding statements on both sides, the diff of the statements that changed,
 * and a few example requests. With every request, each change grouped by principal, action and
 * resource follows.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TextReport {

  private TextReport() {}

  /** The report with a few examples per cause. */
  public static String render(AccessDiff diff) {
    return render(diff, false);
  }

  /** The report; with {@code all}, every request too, grouped by principal, action and resource. */
  public static String render(AccessDiff diff, boolean all) {
    StringBuilder out = new StringBuilder();
    out.append("IAMUnit access diff: base ").append(diff.base()).append(" -> head ").append(diff.head()).append('\n');
    Summary.gaps(diff).forEach(line -> out.append(line).append('\n'));
    Summary.filesRead(diff).forEach(line -> out.append(line).append('\n'));
    out.append("Request space: ").append(diff.space().describe()).append('\n');
    for (String note : diff.space().notes()) {
      out.append("  ").append(note).append('\n');
    }
    Summary.sampled(diff).forEach(line -> out.append("  ").append(line).append('\n'));
    out.append(Summary.scope(diff)).append('\n');
    out.append(Summary.line(diff)).append('\n');
    blastRadius(out, diff.blastRadius());
    if (diff.perAccount()) {
      Map<DiffAccount, List<Cause>> byAccount = diff.causesByAccount();
      byAccount.forEach((account, causes) -> {
        if (!causes.isEmpty()) {
          out.append('\n').append(Summary.account(account, causes)).append('\n');
          changes(out, causes, all);
        }
      });
      Summary.unchangedAccounts(byAccount).ifPresent(line -> out.append('\n').append(line).append('\n'));
    } else {
      changes(out, diff.causes(), all);
    }
    if (all) {
      every(out, diff);
    }
    out.append(String.format(Locale.ROOT, "%nCompared in %,d ms.%n", diff.elapsed().toMillis()));
    return out.toString();
  }

  /** Each kind of change of {@code every}, its causes numbered. */
  private static void changes(StringBuilder out, List<Cause> every, boolean all) {
    for (Change change : Change.values()) {
      List<Cause> causes = every.stream().filter(c -> c.change() == change).toList();
      if (causes.isEmpty()) {
        continue;
      }
      out.append('\n').append(Summary.heading(every, change)).append('\n');
      for (int i = 0; i < causes.size(); i++) {
        cause(out, i + 1, causes.get(i), all);
      }
    }
  }

  /** Each changed SCP or RCP: its edits, then each account it reaches with who gains or loses access there. */
  private static void blastRadius(StringBuilder out, List<BlastRadius> changes) {
    if (changes.isEmpty()) {
      return;
    }
    out.append('\n').append(Summary.blastRadiusHeading(changes)).append('\n');
    for (BlastRadius change : changes) {
      out.append("  ").append(Summary.blastRadiusTitle(change)).append('\n');
      Summary.blastRadiusEdits(change).forEach(line -> out.append("   ").append(line).append('\n'));
      for (BlastRadius.Reach reach : change.accounts()) {
        out.append("    ").append(Summary.reach(reach)).append('\n');
        for (Cause cause : reach.causes()) {
          out.append("      ").append(Summary.reachCause(cause)).append('\n');
          cause.examples(1).forEach(row -> out.append("        for example ").append(Cause.request(row)).append('\n'));
        }
      }
    }
  }

  private static void cause(StringBuilder out, int number, Cause cause, boolean all) {
    out.append(String.format(Locale.ROOT, "  %d. %s: %s%n", number, cause.who(), cause.extent()));
    out.append("     changed:\n");
    Summary.edits(cause).forEach(line -> out.append("     ").append(line).append('\n'));
    List<Cause.Decided> decided = all ? cause.decided() : cause.decided().subList(0, Math.min(Summary.DECIDED, cause.decided().size()));
    for (Cause.Decided d : decided) {
      out.append("     ").append(Summary.requests(d.rows().size())).append(" decided\n");
      out.append("       base: ").append(d.base().describe()).append('\n');
      out.append("       head: ").append(d.head().describe()).append('\n');
    }
    if (decided.size() < cause.decided().size()) {
      out.append("     (").append(cause.decided().size() - decided.size()).append(" more ways they were decided: iamunit diff --all, or the JSON report)\n");
    }
    if (all) {
      return;
    }
    List<DiffRow> examples = cause.examples(Summary.EXAMPLES);
    out.append("     for example:\n");
    examples.forEach(row -> out.append("       ").append(Cause.request(row)).append('\n'));
    String more = Summary.more(cause, examples.size());
    if (!more.isEmpty()) {
      out.append("       (").append(more).append(")\n");
    }
  }

  /** Every request, grouped by principal, then action, then resource with the credentials and contexts it holds for. */
  private static void every(StringBuilder out, AccessDiff diff) {
    for (Change change : Change.values()) {
      List<RequestGroup> groups = RequestGroup.of(diff.rows(change));
      if (groups.isEmpty()) {
        continue;
      }
      out.append('\n').append(Summary.title(change)).append(", every request (")
          .append(String.format(Locale.ROOT, "%,d", diff.rows(change).size())).append(")\n");
      String principal = null;
      String action = null;
      for (RequestGroup group : groups) {
        if (!group.principal().equals(principal)) {
          principal = group.principal();
          action = null;
          out.append("  ").append(principal).append('\n');
        }
        if (!group.action().equals(action)) {
          action = group.action();
          out.append("    ").append(action).append('\n');
        }
        out.append("      on ").append(group.resource()).append(" as ").append(group.conditionsText()).append('\n');
        if (!group.alike().isEmpty()) {
          out.append("        ").append(group.alike()).append('\n');
        }
        out.append("        base: ").append(group.base().describe()).append('\n');
        out.append("        head: ").append(group.head().describe()).append('\n');
      }
    }
  }
}
