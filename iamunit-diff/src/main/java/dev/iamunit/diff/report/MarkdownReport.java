package dev.iamunit.diff.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.BlastRadius;
import dev.iamunit.diff.DiffAccount;
import dev.iamunit.diff.Cause;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.diff.SideDecision;
import dev.iamunit.diff.StatementChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The report as a pull request comment that fits one screen: the summary, the diff of every
 * statement whose edit changed a decision, then one folded {@code <details>} per cause (who, how
 * many requests, both sides' deciding statements, example requests). At most {@link
 * #VISIBLE_CAUSES} causes show a line of their own, the rest are folded together; the comment never
 * exceeds GitHub's {@link #MAX_CHARS} characters ({@link CommentLimit}). It starts with {@link
 * #MARKER}, by which the GitHub Action finds the comment to update.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MarkdownReport {

  /** The hidden first line by which a pull request's IAMUnit comment is found again. */
  public static final String MARKER = "<!-- iamunit-diff -->";

  /** GitHub's limit on a comment's body, in characters. */
  public static final int MAX_CHARS = 65_536;

  /** Causes that get a line of their own; more are folded into one line. */
  static final int VISIBLE_CAUSES = 15;

  /** Lines of statement diffs shown unfolded; more are folded. */
  static final int VISIBLE_EDIT_LINES = 12;

  /** Lines of what could not be evaluated shown unfolded; more are folded. */
  static final int VISIBLE_GAP_LINES = 6;

  private MarkdownReport() {}

  public static String render(AccessDiff diff) {
    StringBuilder out = new StringBuilder();
    out.append(MARKER).append('\n');
    out.append("### IAMUnit access diff\n\n");
    out.append('`').append(diff.base()).append("` → `").append(diff.head()).append("`: ").append(Summary.line(diff)).append('\n');
    out.append('\n').append(Summary.scope(diff)).append('\n');
    folded(out, Summary.gaps(diff), VISIBLE_GAP_LINES, "", "more lines of what could not be evaluated");
    List<Cause> all = diff.causes();
    List<String> edits = edits(all);
    if (!edits.isEmpty()) {
      out.append("\nThe statement edits that change decisions:\n");
      folded(out, edits, VISIBLE_EDIT_LINES, "diff", "more lines of statement edits");
    }
    blastRadius(out, diff.blastRadius());
    int[] visible = {0};
    List<Cause> hidden = new ArrayList<>();
    if (diff.perAccount()) {
      Map<DiffAccount, List<Cause>> byAccount = diff.causesByAccount();
      byAccount.forEach((account, causes) -> {
        if (!causes.isEmpty()) {
          out.append("\n#### ").append(Summary.account(account, causes)).append('\n');
          changes(out, causes, visible, hidden, "#####");
        }
      });
      Summary.unchangedAccounts(byAccount).ifPresent(line -> out.append('\n').append(line).append('\n'));
    } else {
      changes(out, all, visible, hidden, "####");
    }
    if (!hidden.isEmpty()) {
      out.append(String.format(Locale.ROOT, "%n<details><summary>%,d more causes</summary>%n%n", hidden.size()));
      for (Cause cause : hidden) {
        out.append("- ").append(Summary.title(cause.change())).append(": ").append(cell(summary(cause))).append('\n');
      }
      out.append("\n</details>\n");
    }
    out.append("\n<details><summary>Request space: ").append(diff.space().describe()).append("</summary>\n\n");
    for (String note : diff.space().notes()) {
      out.append("- ").append(cell(note)).append('\n');
    }
    Summary.sampled(diff).forEach(line -> out.append("- ").append(cell(line)).append('\n'));
    out.append("\n</details>\n");
    return CommentLimit.fit(out.toString(), MAX_CHARS);
  }

  /** Each kind of change of {@code all}, a folded block per cause while fewer than {@link #VISIBLE_CAUSES} are shown. */
  private static void changes(StringBuilder out, List<Cause> all, int[] visible, List<Cause> hidden, String heading) {
    for (Change change : Change.values()) {
      List<Cause> causes = all.stream().filter(c -> c.change() == change).toList();
      if (causes.isEmpty()) {
        continue;
      }
      out.append('\n').append(heading).append(' ').append(Summary.heading(all, change)).append("\n\n");
      for (Cause cause : causes) {
        if (visible[0]++ < VISIBLE_CAUSES) {
          cause(out, cause);
        } else {
          hidden.add(cause);
        }
      }
    }
  }

  /** Rows of a blast radius table shown unfolded; more accounts are folded. */
  static final int VISIBLE_ACCOUNTS = 10;

  /**
   * Each changed SCP or RCP: its edits as a diff, then a table of the accounts it reaches, with
   * who gains or loses access there and a request that proves it.
   */
  private static void blastRadius(StringBuilder out, List<BlastRadius> changes) {
    if (changes.isEmpty()) {
      return;
    }
    out.append("\n#### ").append(html(Summary.blastRadiusHeading(changes))).append('\n');
    for (BlastRadius change : changes) {
      out.append("\n**").append(cell(Summary.blastRadiusTitle(change))).append("**\n\n");
      code(out, Summary.blastRadiusEdits(change), "diff");
      List<String> rows = new ArrayList<>();
      for (BlastRadius.Reach reach : change.accounts()) {
        List<String> who = new ArrayList<>();
        for (Cause cause : reach.causes()) {
          who.add(cell(Summary.reachCause(cause)) + ", e.g. `" + cell(Cause.request(cause.examples(1).get(0))) + "`");
        }
        rows.add("| " + cell(Summary.reachedAccount(reach)) + " | " + cell(Summary.reachedAccess(reach)) + (who.isEmpty() ? "" : "<br>" + String.join("<br>", who)) + " |");
      }
      String header = "\n| Account | Who gains or loses access |\n| --- | --- |\n";
      int shown = rows.size() <= VISIBLE_ACCOUNTS + 1 ? rows.size() : VISIBLE_ACCOUNTS;
      out.append(header);
      rows.subList(0, shown).forEach(row -> out.append(row).append('\n'));
      if (shown < rows.size()) {
        out.append(String.format(Locale.ROOT, "%n<details><summary>%,d more accounts</summary>%n", rows.size() - shown)).append(header);
        rows.subList(shown, rows.size()).forEach(row -> out.append(row).append('\n'));
        out.append("\n</details>\n");
      }
    }
  }

  /**
   * The diff of each statement whose edit decides some request differently, and of each
   * principal's groups, attachments or boundary where no statement was edited, once however many
   * causes it is behind.
   */
  private static List<String> edits(List<Cause> causes) {
    Set<StatementChange> deciding = new LinkedHashSet<>();
    Set<String> principals = new LinkedHashSet<>();
    List<String> lines = new ArrayList<>();
    for (Cause cause : causes) {
      cause.changed().stream().filter(deciding::add).forEach(change -> lines.addAll(Summary.edit(change)));
      if (cause.principalChange().isPresent() && principals.add(cause.principal())) {
        lines.addAll(Summary.edits(cause));
      }
    }
    return lines;
  }

  /**
   * {@code lines}, the first {@code visible} as they are, the rest in a {@code <details>} block:
   * each part in a code block of {@code language}.
   */
  private static void folded(StringBuilder out, List<String> lines, int visible, String language, String rest) {
    if (lines.isEmpty()) {
      return;
    }
    int shown = lines.size() <= visible + 1 ? lines.size() : visible;
    code(out.append('\n'), lines.subList(0, shown), language);
    if (shown < lines.size()) {
      out.append(String.format(Locale.ROOT, "<details><summary>%,d %s</summary>%n%n", lines.size() - shown, rest));
      code(out, lines.subList(shown, lines.size()), language);
      out.append("\n</details>\n");
    }
  }

  private static void code(StringBuilder out, List<String> lines, String language) {
    out.append("```").append(language).append('\n');
    lines.forEach(line -> out.append(line.replace("```", "ˋˋˋ")).append('\n'));
    out.append("```\n");
  }

  /** {@code user MFAUser, long-term access keys: 1,200 requests: …; Deny X (Force_MFA) edited}. */
  private static String summary(Cause cause) {
    return cause.who() + ": " + cause.extent() + "; " + Summary.edited(cause);
  }

  /** One cause: a folded block whose summary line says who, how many and which way. */
  private static void cause(StringBuilder out, Cause cause) {
    out.append("<details><summary>").append(html(summary(cause))).append("</summary>\n\n");
    code(out, Summary.edits(cause), "diff");
    out.append("\n| Requests | Base | Head |\n| ---: | --- | --- |\n");
    List<Cause.Decided> decided = cause.decided();
    for (int i = 0; i < decided.size() && i < Summary.DECIDED; i++) {
      Cause.Decided d = decided.get(i);
      out.append(String.format(Locale.ROOT, "| %,d | ", d.rows().size())).append(side(d.base())).append(" | ")
          .append(side(d.head())).append(" |\n");
    }
    if (decided.size() > Summary.DECIDED) {
      out.append(String.format(Locale.ROOT, "%n%d more ways they were decided: `iamunit diff --all`, or the JSON report.%n",
          decided.size() - Summary.DECIDED));
    }
    out.append('\n');
    List<DiffRow> examples = cause.examples(Summary.EXAMPLES);
    out.append("For example:\n");
    examples.forEach(row -> out.append("- `").append(cell(Cause.request(row))).append("`\n"));
    String more = Summary.more(cause, examples.size());
    if (!more.isEmpty()) {
      out.append("\n").append(more.replace("iamunit diff --all", "`iamunit diff --all`")).append(".\n");
    }
    out.append("\n</details>\n");
  }

  /** A decision as every report summarises it ({@link SideDecision#describe()}), inside a table cell. */
  private static String side(SideDecision side) {
    return cell(side.describe());
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("`", "'").replace("\n", " ");
  }

  /** Text inside an HTML element of the comment: {@code <summary>} does not render Markdown. */
  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
  }
}
