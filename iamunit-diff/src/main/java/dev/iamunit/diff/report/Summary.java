package dev.iamunit.diff.report;

import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.LoadGaps;
import dev.iamunit.iac.LoadReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sentences every format shares, built in one place. */
final class Summary {

  private Summary() {}

  /** {@code 2 requests newly allowed, 3 newly denied, 0 with a changed reason.} */
  static String line(AccessDiff diff) {
    return decided(diff) + (diff.mayHaveUnseenAccess()
        ? String.format(Locale.ROOT, " Not \"no new access\": the head holds %d thing%s IAMUnit could not evaluate that could grant access.",
            diff.headGaps().couldGrant().size(), diff.headGaps().couldGrant().size() == 1 ? "" : "s")
        : "");
  }

  /**
   * What each version's load could not read or compute, version by version, then what in the
   * head could grant access unseen: the lines every format starts with. Empty when both loads
   * were complete.
   */
  static List<String> gaps(AccessDiff diff) {
    List<String> lines = new ArrayList<>();
    version(lines, "base " + diff.base(), diff.baseGaps());
    version(lines, "head " + diff.head(), diff.headGaps());
    if (diff.mayHaveUnseenAccess()) {
      lines.add("Could grant access that no request shows (head):");
      diff.headGaps().couldGrant().forEach(gap -> lines.add("  " + gap));
    }
    return lines;
  }

  /** {@code Read in base main: 2 files: main.tf, stacks/app.yaml}: one line per version. */
  static List<String> filesRead(AccessDiff diff) {
    return List.of(filesRead("base " + diff.base(), diff.baseGaps()), filesRead("head " + diff.head(), diff.headGaps()));
  }

  private static String filesRead(String name, LoadGaps gaps) {
    return "Read in " + name + ": " + LoadReport.filesRead(gaps.files());
  }

  private static void version(List<String> lines, String name, LoadGaps gaps) {
    if (gaps.isEmpty()) {
      return;
    }
    lines.add(String.format(Locale.ROOT, "Not evaluated in %s: %d unresolved value%s, %d problem%s", name,
        gaps.unresolved().size(), gaps.unresolved().size() == 1 ? "" : "s",
        gaps.problems().size(), gaps.problems().size() == 1 ? "" : "s"));
    gaps.problems().forEach(p -> lines.add("  problem " + p.location().fileAndLine() + ": " + p.message()));
    gaps.unresolved().forEach(u -> lines.add("  unresolved " + u.display() + " at " + u.location().fileAndLine() + ": " + u.reason()));
  }

  private static String decided(AccessDiff diff) {
    if (diff.isEmpty()) {
      return "No change in who may do what.";
    }
    return String.format(Locale.ROOT, "%,d request%s newly allowed, %,d newly denied, %,d with a changed reason.",
        diff.rows(Change.NEWLY_ALLOWED).size(), diff.rows(Change.NEWLY_ALLOWED).size() == 1 ? "" : "s",
        diff.rows(Change.NEWLY_DENIED).size(), diff.rows(Change.CHANGED_REASON).size());
  }

  static String title(Change change) {
    return switch (change) {
      case NEWLY_ALLOWED -> "Newly allowed";
      case NEWLY_DENIED -> "Newly denied";
      case CHANGED_REASON -> "Changed reason";
    };
  }
}
