package dev.iamunit.cli.lint;

import dev.iamunit.model.SourceLocation;

/** How lint output names a place. */
public final class Locations {

  private Locations() {}

  /** {@code file:line:column}, leaving out what is unknown. */
  public static String fileLineColumn(SourceLocation location) {
    if (location.line() <= 0) {
      return location.file();
    }
    return location.file() + ":" + location.line() + (location.column() > 0 ? ":" + location.column() : "");
  }
}
