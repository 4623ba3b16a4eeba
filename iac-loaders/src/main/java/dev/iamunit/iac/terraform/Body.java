package dev.iamunit.iac.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The contents of a file or block: attributes and nested blocks, in the order written. */
record Body(Map<String, Attribute> attributes, List<Block> blocks) {

  Body {
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    blocks = List.copyOf(blocks);
  }

  record Attribute(String name, Expr expr, Expr.Span span) {}

  record Block(String type, List<String> labels, Body body, Expr.Span span) {
    String label(int i) {
      return i < labels.size() ? labels.get(i) : "";
    }
  }

  Optional<Attribute> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  List<Block> blocks(String type) {
    List<Block> found = new ArrayList<>();
    for (Block block : blocks) {
      if (block.type().equals(type)) {
        found.add(block);
      }
    }
    return found;
  }
}
