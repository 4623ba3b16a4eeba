package dev.iamunit.document;

import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.List;
import java.util.Objects;

/**
 * A string, number, boolean or null, with its text as written ({@code 0123} stays {@code 0123}:
 * account ids and version dates are never reinterpreted). A string a loader assembled from parts it
 * could not all compute holds their {@link Unresolved#placeholder() placeholders} and lists them.
 */
public record DocScalar(String text, Kind kind, SourceLocation location, List<Unresolved> unresolved)
    implements DocNode {

  /** The JSON type the value was written as. */
  public enum Kind {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  public DocScalar {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    unresolved = List.copyOf(unresolved);
  }

  public DocScalar(String text, Kind kind, SourceLocation location) {
    this(text, kind, location, List.of());
  }

  public static DocScalar string(String text, SourceLocation location) {
    return new DocScalar(text, Kind.STRING, location);
  }

  @Override
  public String describe() {
    return switch (kind) {
      case STRING -> "the string \"" + text + "\"";
      case NUMBER -> "the number " + text;
      case BOOLEAN -> "the boolean " + text;
      case NULL -> "null";
    };
  }
}
