package dev.iamunit.iac.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Jackson's JSON tree ({@link JsonNode}) read from and written to text with Jackson's streaming
 * parser and generator, without an {@code ObjectMapper}: building one (and {@code
 * JsonNode.toString()}, which builds one of its own) loads some 400 classes of Jackson's data
 * binding, a tenth of a second of every cold test run, for trees alone. The trees and texts are
 * those {@code ObjectMapper.readTree} and {@code writeValueAsString} give with their defaults
 * ({@code JsonTreesTests} holds them to it): integers as int, long or big-integer nodes, other
 * numbers as doubles, a repeated key's last value kept at its first place, and nothing read past
 * the first value.
 */
final class JsonTrees {

  /**
   * How deeply plans and .tf.json files may nest. Terraform's own values rarely go past twenty
   * levels; Jackson's default (1,000) would let the recursive conversions after parsing overflow
   * the stack.
   */
  static final int MAX_NESTING = 200;

  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
      .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /** The first JSON value of the parser's input, or null when it holds none. */
  static JsonNode read(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    return first == null ? null : value(parser, first);
  }

  /** The first JSON value of the text, or a missing node when it holds none. */
  static JsonNode read(String text) throws JsonProcessingException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonNode root = read(parser);
      return root == null ? NODES.missingNode() : root;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JSON from memory", e);
    }
  }

  /** The value starting at {@code token}; the parser's nesting limit bounds the recursion. */
  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
          object.replace(key, value(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
          array.add(value(parser, item));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new IllegalStateException("a JSON parser gave " + token + " where a value starts");
    }
  }

  static ObjectNode emptyObject() {
    return NODES.objectNode();
  }

  /** The tree as compact JSON. */
  static String compact(JsonNode node) {
    return write(node, false, Integer.MAX_VALUE);
  }

  /**
   * The first {@code limit} characters of the tree's compact JSON, and one more when it is longer:
   * writing stops there, so that a large tree is not written out for a short excerpt.
   */
  static String compactStart(JsonNode node, int limit) {
    return write(node, false, limit);
  }

  /** The tree as JSON indented by Jackson's default pretty printer. */
  static String pretty(JsonNode node) {
    return write(node, true, Integer.MAX_VALUE);
  }

  private static String write(JsonNode node, boolean pretty, int limit) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      if (pretty) {
        generator.setPrettyPrinter(new DefaultPrettyPrinter());
      }
      write(generator, node, out, limit);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a JSON tree into memory", e);
    }
    String text = out.toString();
    return text.length() > limit ? text.substring(0, limit + 1) : text;
  }

  private static void write(JsonGenerator generator, JsonNode node, StringWriter out, int limit) throws IOException {
    if (node.isObject()) {
      generator.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext() && !full(generator, out, limit); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        generator.writeFieldName(field.getKey());
        write(generator, field.getValue(), out, limit);
      }
      generator.writeEndObject();
    } else if (node.isArray()) {
      generator.writeStartArray();
      for (int i = 0; i < node.size() && !full(generator, out, limit); i++) {
        write(generator, node.get(i), out, limit);
      }
      generator.writeEndArray();
    } else if (node.isTextual()) {
      generator.writeString(node.textValue());
    } else if (node.isNumber()) {
      switch (node.numberType()) {
        case INT -> generator.writeNumber(node.intValue());
        case LONG -> generator.writeNumber(node.longValue());
        case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
        case FLOAT -> generator.writeNumber(node.floatValue());
        case DOUBLE -> generator.writeNumber(node.doubleValue());
        case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
      }
    } else if (node.isBoolean()) {
      generator.writeBoolean(node.booleanValue());
    } else if (node.isNull()) {
      generator.writeNull();
    } else {
      // Only read() and the loaders' own conversions build these trees: no binary or POJO nodes.
      throw new IllegalArgumentException("a " + node.getNodeType() + " node has no JSON text");
    }
  }

  private static boolean full(JsonGenerator generator, StringWriter out, int limit) {
    return limit != Integer.MAX_VALUE && out.getBuffer().length() + generator.getOutputBuffered() > limit;
  }
}
