package dev.iamunit.iac.terraform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform's JSON syntax ({@code .tf.json}) into the same {@link Body} as native syntax. JSON has
 * no schema of its own, so nested blocks are recognized by the names IAM resources use; strings are
 * templates, as Terraform reads them. Locations are the line of each block's key.
 */
final class HclJson {

  /** Labels each top-level block type has. */
  private static final Map<String, Integer> LABELS =
      Map.of("resource", 2, "data", 2, "module", 1, "variable", 1, "output", 1, "provider", 1, "locals", 0, "terraform", 0);

  /** Nested block types of the IAM resources and policy documents. */
  private static final Set<String> NESTED =
      Set.of("statement", "condition", "principals", "not_principals", "inline_policy", "dynamic", "content", "lifecycle");

  /** Characters of a value's JSON text its span keeps, for messages. */
  private static final int SPAN_TEXT = 200;

  private HclJson() {}

  static Body parseFile(String file, String text) {
    JsonNode root = object(file, text, "a .tf.json file holds one JSON object, with \"resource\", \"variable\"... at its top level");
    List<Body.Block> blocks = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      Integer labels = LABELS.get(entry.getKey());
      if (labels != null) {
        labelled(file, entry.getKey(), entry.getValue(), labels, new ArrayList<>(), blocks);
      }
    }
    return new Body(Map.of(), blocks);
  }

  /** A variable definitions file ({@code .tfvars.json}): one attribute per top-level key. */
  static Body parseVariables(String file, String text) {
    JsonNode root = object(file, text, "a .tfvars.json file holds one JSON object, a member per variable");
    Map<String, Body.Attribute> attributes = new LinkedHashMap<>();
    root.fields().forEachRemaining(e -> attributes.put(e.getKey(), new Body.Attribute(e.getKey(), expression(file, e.getValue()),
        span(file, e.getKey()))));
    return new Body(attributes, List.of());
  }

  private static JsonNode object(String file, String text, String expected) {
    JsonNode root;
    try (JsonParser parser = JsonTrees.FACTORY.createParser(text)) {
      try {
        root = JsonTrees.read(parser);
      } catch (IOException e) {
        throw JsonValues.syntaxError("malformed JSON", e, file, parser);
      }
    } catch (IOException e) {
      throw JsonValues.syntaxError("malformed JSON", e, file, null);
    }
    if (root == null || !root.isObject()) {
      throw new TemplateException(expected, SourceLocation.of(file, 1, 1));
    }
    return root;
  }

  /** A block's labels are nested object keys; any level may also be an array of such objects. */
  private static void labelled(String file, String type, JsonNode node, int labels, List<String> seen, List<Body.Block> into) {
    if (node.isArray()) {
      node.forEach(item -> labelled(file, type, item, labels, seen, into));
      return;
    }
    if (seen.size() == labels) {
      into.add(new Body.Block(type, List.copyOf(seen), body(file, node), span(file, type)));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      List<String> more = new ArrayList<>(seen);
      more.add(entry.getKey());
      labelled(file, type, entry.getValue(), labels, more, into);
    }
  }

  private static Body body(String file, JsonNode node) {
    Map<String, Body.Attribute> attributes = new LinkedHashMap<>();
    List<Body.Block> blocks = new ArrayList<>();
    if (!(node instanceof ObjectNode)) {
      return new Body(attributes, blocks);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      if (key.equals("dynamic")) {
        labelled(file, "dynamic", value, 1, new ArrayList<>(), blocks);
        // labelled() parsed each dynamic body, with its "content" as a nested block.
      } else if (NESTED.contains(key) && (value.isObject() || value.isArray() && value.size() > 0 && value.get(0).isObject())) {
        if (value.isArray()) {
          value.forEach(item -> blocks.add(new Body.Block(key, List.of(), body(file, item), span(file, key))));
        } else {
          blocks.add(new Body.Block(key, List.of(), body(file, value), span(file, key)));
        }
      } else {
        attributes.put(key, new Body.Attribute(key, expression(file, value), span(file, key)));
      }
    }
    return new Body(attributes, blocks);
  }

  private static Expr expression(String file, JsonNode node) {
    if (node.isTextual()) {
      return HclParser.parseTemplate(file, node.asText(), 0);
    }
    // Only the start of the value's text is kept: writing whole subtrees at every level of a
    // large .tf.json file costs its size times its depth.
    Expr.Span at = span(file, JsonTrees.compactStart(node, SPAN_TEXT));
    if (node.isNumber()) {
      return new Expr.Literal(new Value.Num(JsonValues.number(node, SourceLocation.of(file, 0, 0))), at);
    }
    if (node.isBoolean()) {
      return new Expr.Literal(Value.of(node.asBoolean()), at);
    }
    if (node.isArray()) {
      List<Expr> items = new ArrayList<>();
      node.forEach(item -> items.add(expression(file, item)));
      return new Expr.TupleCons(items, at);
    }
    if (node.isObject()) {
      List<Expr.ObjectCons.Item> items = new ArrayList<>();
      node.fields().forEachRemaining(e -> items.add(new Expr.ObjectCons.Item(
          HclParser.parseTemplate(file, e.getKey(), 0), expression(file, e.getValue()))));
      return new Expr.ObjectCons(items, at);
    }
    return new Expr.Literal(Value.NULL, at);
  }

  /** Jackson's tree has no positions; JSON-syntax locations name the file only. */
  private static Expr.Span span(String file, String text) {
    return new Expr.Span(file, 0, 0, text.length() > SPAN_TEXT ? text.substring(0, SPAN_TEXT) : text);
  }
}
