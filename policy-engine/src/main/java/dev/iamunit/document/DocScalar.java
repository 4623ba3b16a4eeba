package dev.iamunit.document;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A string, number, boolean or null, with its text as written ({@code 0123} stays {@code 0123}:
 * account ids and version dates are never reinterpreted). A string a loader assembled from parts it
 * could not all compute holds their {@link Unresolved#placeholder() placeholders} and lists them.
 * Immutable; equal when text, kind, location and unresolved parts are.
 */
@API(status = INTERNAL, since = "0.1")
public final class DocScalar extends Located implements DocNode {

  /** The JSON type the value was written as. */
  public enum Kind {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  private final String text;
  private final Kind kind;
  private final List<Unresolved> unresolved;

  public DocScalar(String text, Kind kind, SourceLocation location, List<Unresolved> unresolved) {
    this(text, kind, location, WHOLE, WHOLE, List.copyOf(unresolved));
  }

  public DocScalar(String text, Kind kind, SourceLocation location) {
    this(text, kind, location, WHOLE, WHOLE, List.of());
  }

  /** A value read from a document that starts at {@code origin}: see {@link Located}. */
  DocScalar(String text, Kind kind, SourceLocation origin, int line, int column, List<Unresolved> unresolved) {
    super(origin, line, column, "location");
    this.text = Objects.requireNonNull(text, "text");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.unresolved = unresolved;
  }

  public static DocScalar string(String text, SourceLocation location) {
    return new DocScalar(text, Kind.STRING, location);
  }

  public String text() {
    return text;
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public SourceLocation location() {
    return located();
  }

  public List<Unresolved> unresolved() {
    return unresolved;
  }

  @Override
  public String describe() {
    return describe(kind, text);
  }

  /** How a scalar of {@code kind} written as {@code text} reads in an error message. */
  static String describe(Kind kind, String text) {
    return switch (kind) {
      case STRING -> "the string \"" + text + "\"";
      case NUMBER -> "the number " + text;
      case BOOLEAN -> "the boolean " + text;
      case NULL -> "null";
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DocScalar that
        && text.equals(that.text)
        && kind == that.kind
        && location().equals(that.location())
        && unresolved.equals(that.unresolved);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, kind, location(), unresolved);
  }

  @Override
  public String toString() {
    return "DocScalar[text=" + text + ", kind=" + kind + ", location=" + location() + ", unresolved=" + unresolved + "]";
  }
}
