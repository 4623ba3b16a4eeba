package dev.iamunit.diff.report;

import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.Change;
import java.util.List;

/**
 * The report as a pull request comment: one table per kind of change, new access first, changed
 * reasons folded away; the request space in a folded note. GitHub limits a comment's length, so
 * each table stops after {@link #MAX_LINES} lines and says how many it left out.
 */
public final class MarkdownReport {

  static final int MAX_LINES = 100;

  private MarkdownReport() {}

  public static String render(AccessDiff diff) {
    StringBuilder out = new StringBuilder();
    out.append("### IAMUnit access diff\n\n");
    out.append('`').append(diff.base()).append("` → `").append(diff.head()).append("`: ").append(Summary.line(diff)).append('\n');
    List<String> gaps = Summary.gaps(diff);
    if (!gaps.isEmpty()) {
      out.append("\n```\n");
      gaps.forEach(line -> out.append(line).append('\n'));
      out.append("```\n");
    }
    for (Change change : Change.values()) {
      List<RequestGroup> groups = RequestGroup.of(diff.rows(change));
      if (groups.isEmpty()) {
        continue;
      }
      String title = Summary.title(change) + " (" + diff.rows(change).size() + ")";
      boolean folded = change == Change.CHANGED_REASON;
      out.append('\n').append(folded ? "<details><summary>" + title + "</summary>\n\n" : "#### " + title + "\n\n");
      out.append("| Principal | Action | Resource | Credentials | Base | Head |\n");
      out.append("| --- | --- | --- | --- | --- | --- |\n");
      for (int i = 0; i < groups.size() && i < MAX_LINES; i++) {
        RequestGroup g = groups.get(i);
        out.append("| ").append(cell(g.principal()))
            .append(" | `").append(cell(g.action()))
            .append("` | `").append(cell(g.resource()))
            .append("` | ").append(cell(g.conditionsText()))
            .append(" | ").append(cell(g.base().describe()))
            .append(" | ").append(cell(g.head().describe()))
            .append(" |\n");
      }
      if (groups.size() > MAX_LINES) {
        out.append("\n… and ").append(groups.size() - MAX_LINES).append(" more lines: run `iamunit diff` for all of them.\n");
      }
      if (folded) {
        out.append("\n</details>\n");
      }
    }
    out.append("\n<details><summary>Request space: ").append(diff.space().describe()).append("</summary>\n\n");
    for (String note : diff.space().notes()) {
      out.append("- ").append(cell(note)).append('\n');
    }
    out.append("\n</details>\n");
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
