package dev.iamunit.diff.report;

import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.Change;
import java.util.List;
import java.util.Locale;

/** The console report: a summary, then each change grouped by principal and action. */
public final class TextReport {

  private TextReport() {}

  public static String render(AccessDiff diff) {
    StringBuilder out = new StringBuilder();
    out.append("IAMUnit access diff: base ").append(diff.base()).append(" -> head ").append(diff.head()).append('\n');
    Summary.gaps(diff).forEach(line -> out.append(line).append('\n'));
    Summary.filesRead(diff).forEach(line -> out.append(line).append('\n'));
    out.append("Request space: ").append(diff.space().describe()).append('\n');
    for (String note : diff.space().notes()) {
      out.append("  ").append(note).append('\n');
    }
    out.append(Summary.line(diff)).append('\n');
    for (Change change : Change.values()) {
      List<RequestGroup> groups = RequestGroup.of(diff.rows(change));
      if (groups.isEmpty()) {
        continue;
      }
      out.append('\n').append(Summary.title(change)).append(" (").append(diff.rows(change).size()).append(")\n");
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
        out.append("        base: ").append(group.base().describe()).append('\n');
        out.append("        head: ").append(group.head().describe()).append('\n');
      }
    }
    out.append(String.format(Locale.ROOT, "%nCompared in %,d ms.%n", diff.elapsed().toMillis()));
    return out.toString();
  }
}
