package dev.iamunit.document;

import dev.iamunit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/** A JSON array. Immutable; equal when items and location are. */
public final class DocArray implements DocNode {

  private final List<DocNode> items;
  private final SourceLocation origin;
  private final int line;
  private final int column;

  public DocArray(List<DocNode> items, SourceLocation location) {
    this(List.copyOf(items), location, Locations.WHOLE, Locations.WHOLE);
  }

  /** An array read from a document that starts at {@code origin}, its items a List.of list: see {@link Locations}. */
  DocArray(List<DocNode> items, SourceLocation origin, int line, int column) {
    this.items = items;
    this.origin = Objects.requireNonNull(origin, "location");
    this.line = line;
    this.column = column;
  }

  public List<DocNode> items() {
    return items;
  }

  @Override
  public SourceLocation location() {
    return Locations.at(origin, line, column);
  }

  @Override
  public String describe() {
    return "an array";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DocArray that && items.equals(that.items) && location().equals(that.location());
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, location());
  }

  @Override
  public String toString() {
    return "DocArray[items=" + items + ", location=" + location() + "]";
  }
}
