package dev.iamunit.document;

import dev.iamunit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/** A JSON array. */
public record DocArray(List<DocNode> items, SourceLocation location) implements DocNode {

  public DocArray {
    items = List.copyOf(items);
    Objects.requireNonNull(location, "location");
  }

  @Override
  public String describe() {
    return "an array";
  }
}
