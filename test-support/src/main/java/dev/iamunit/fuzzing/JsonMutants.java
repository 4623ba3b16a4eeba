package dev.iamunit.fuzzing;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Damage to the structure of a JSON document, one member or item at a time: removed, written
 * twice, renamed (to lower case, and to its "Not" twin), or its value replaced by a value of every
 * type and by valid values of the wrong element. Where {@link Mutations} damages bytes, these keep
 * the JSON well-formed (but for the duplicates), so that they reach a grammar's every rule.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonMutants {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a value is replaced with: every type, and valid values of the wrong element. */
  private static final List<String> REPLACEMENTS = List.of(
      "null", "1", "true", "\"\"", "\"*\"", "\"x\"", "[]", "{}", "[\"*\",\"*\"]", "[null]", "[[\"*\"]]",
      "\"arn:aws:s3:::bucket/*\"", "\"s3:GetObject\"", "\"sts:AssumeRole\"", "{\"AWS\":\"*\"}",
      "{\"StringEquals\":{\"aws:username\":\"a\"}}", "\"2008-10-17\"", "\"Deny\"", "\"EXPLICIT_DENY\"");

  private JsonMutants() {}

  /**
   * Copies of {@code line} with one member or item changed: removed, written twice, renamed (to
   * lower case, and to its "Not" twin), or its value replaced by each of {@link #REPLACEMENTS}.
   */
  public static void of(String line, Consumer<String> mutants) throws IOException {
    JsonNode root = JSON.readTree(line);
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(root, containers);
    for (JsonNode container : containers) {
      int size = container.size();
      List<String> keys = new ArrayList<>();
      container.fieldNames().forEachRemaining(keys::add);
      for (int i = 0; i < size; i++) {
        String key = container.isObject() ? keys.get(i) : null;
        List<Change> changes = new ArrayList<>(List.of(Change.REMOVE, Change.DUPLICATE));
        if (key != null) {
          changes.add(Change.renamed(key.toLowerCase(java.util.Locale.ROOT)));
          changes.add(Change.renamed("Not" + key));
        }
        REPLACEMENTS.forEach(value -> changes.add(Change.replaced(value)));
        for (Change change : changes) {
          StringBuilder out = new StringBuilder();
          render(root, container, i, change, out);
          mutants.accept(out.toString());
        }
      }
    }
  }

  private static void collectContainers(JsonNode node, List<JsonNode> into) {
    if (node.isContainerNode()) {
      into.add(node);
      node.elements().forEachRemaining(child -> collectContainers(child, into));
    }
  }

  /** What happens to one member or item: {@code kind} with a new key or value. */
  private record Change(String kind, String text) {
    static final Change REMOVE = new Change("remove", null);
    static final Change DUPLICATE = new Change("duplicate", null);

    static Change renamed(String key) {
      return new Change("rename", key);
    }

    static Change replaced(String value) {
      return new Change("replace", value);
    }
  }

  /** Writes {@code node} as JSON, with {@code change} made to child {@code index} of {@code target}. */
  private static void render(JsonNode node, JsonNode target, int index, Change change, StringBuilder out) throws IOException {
    if (!node.isContainerNode()) {
      out.append(node);
      return;
    }
    out.append(node.isObject() ? '{' : '[');
    boolean first = true;
    Iterator<Map.Entry<String, JsonNode>> members = node.isObject() ? node.fields() : null;
    for (int i = 0; i < node.size(); i++) {
      String key = members != null ? members.next().getKey() : null;
      JsonNode child = node.get(i) != null ? node.get(i) : node.get(key);
      int copies = 1;
      String value = null;
      if (node == target && i == index) {
        switch (change.kind()) {
          case "remove" -> copies = 0;
          case "duplicate" -> copies = 2;
          case "rename" -> key = change.text();
          default -> value = change.text();
        }
      }
      for (int copy = 0; copy < copies; copy++) {
        if (!first) {
          out.append(',');
        }
        first = false;
        if (key != null) {
          out.append(JSON.writeValueAsString(key)).append(':');
        }
        if (value != null) {
          out.append(value);
        } else {
          render(child, target, index, change, out);
        }
      }
    }
    out.append(node.isObject() ? '}' : ']');
  }
}
