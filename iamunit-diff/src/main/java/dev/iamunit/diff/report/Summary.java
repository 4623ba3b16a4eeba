package dev.iamunit.diff.report;

import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.Change;
import java.util.Locale;

/** The sentences every format shares, built in one place. */
final class Summary {

  private Summary() {}

  /** {@code 2 requests newly allowed, 3 newly denied, 0 with a changed reason.} */
  static String line(AccessDiff diff) {
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
