package dev.iamunit.document;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.model.SourceLocation;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/** A JSON array. Immutable; equal when items and location are. */
@API(status = INTERNAL, since = "0.1")
public final class DocArray extends Located implements DocNode {

  /** What {@link #describe()} says of every array. */
  static final String DESCRIPTION = "an array";

  private final List<DocNode> items;

  public DocArray(List<DocNode> items, SourceLocation location) {
    this(List.copyOf(items), location, WHOLE, WHOLE);
  }

  /** An array read from a document that starts at {@code origin}, its items a List.of list: see {@link Located}. */
  DocArray(List<DocNode> items, SourceLocation origin, int line, int column) {
    super(origin, line, column, "location");
    this.items = items;
  }

  public List<DocNode> items() {
    return items;
  }

  @Override
  public SourceLocation location() {
    return located();
  }

  @Override
  public String describe() {
    return DESCRIPTION;
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
