package dev.iamunit.cli.lint;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.model.SourceLocation;
import org.apiguardian.api.API;

/** How lint output names a place. */
@API(status = INTERNAL, since = "0.1")
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
