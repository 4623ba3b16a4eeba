package dev.iamunit.iac.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Between Terraform values and JSON: {@code jsonencode}, {@code jsondecode}, plan JSON. */
final class JsonValues {

  /** A JSON parse error as a message and a location: the parser's first line, and its line and column. */
  static dev.iamunit.iac.TemplateException syntaxError(String what, java.io.IOException e, String file,
      com.fasterxml.jackson.core.JsonParser parser) {
    com.fasterxml.jackson.core.JsonLocation at = e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? p.getLocation() : null;
    if ((at == null || at.getLineNr() <= 0) && parser != null) {
      at = parser.currentLocation();
    }
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
      message = "the JSON nests more than " + JsonTrees.MAX_NESTING + " levels deep, deeper than IAMUnit reads";
    }
    return new dev.iamunit.iac.TemplateException(what + ": " + message,
        dev.iamunit.model.SourceLocation.of(file, at == null ? 0 : Math.max(0, at.getLineNr()), at == null ? 0 : Math.max(0, at.getColumnNr())));
  }

  private JsonValues() {}

  /** {@code jsonencode(value)}, as Terraform writes it (compact), with the document tree attached. */
  static Value encode(Value value, SourceLocation at) {
    String text = JsonTrees.compact(toJson(value));
    return new Value.Str(text, Value.unresolvedIn(value), Optional.of(document(value, at)));
  }

  private static JsonNode toJson(Value value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    final var sel11 = value;
    if (sel11 instanceof Value.Str s) {
      return f.textNode(s.text());
    }
    else if (sel11 instanceof Value.Num n) {
      return f.numberNode(n.value());
    }
    else if (sel11 instanceof Value.Bool b) {
      return f.booleanNode(b.value());
    }
    else if (sel11 instanceof Value.Null n) {
      return f.nullNode();
    }
    else if (sel11 instanceof Value.Unknown u) {
      return f.textNode(u.unresolved().placeholder());
    }
    else if (sel11 instanceof Value.Instance i) {
      return f.textNode("<" + i.address() + ">");
    }
    else if (sel11 instanceof Value.Tuple t) {

        ArrayNode array = f.arrayNode();
        t.items().forEach(item -> array.add(toJson(item)));
        return array;
      
    }
    else if (sel11 instanceof Value.Obj o) {

        ObjectNode object = f.objectNode();
        o.members().forEach((k, v) -> object.set(k, toJson(v)));
        return object;
      
    }
    else {
      throw new IllegalStateException("unreachable");
    }

  }

  /** The document tree of a value, each node located at the object constructor that wrote it. */
  static DocNode document(Value value, SourceLocation at) {
    final var sel12 = value;
    if (sel12 instanceof Value.Str s) {
      return new DocScalar(s.text(), DocScalar.Kind.STRING, at, s.parts());
    }
    else if (sel12 instanceof Value.Num n) {
      return new DocScalar(n.toString(), DocScalar.Kind.NUMBER, at);
    }
    else if (sel12 instanceof Value.Bool b) {
      return new DocScalar(String.valueOf(b.value()), DocScalar.Kind.BOOLEAN, at);
    }
    else if (sel12 instanceof Value.Null n) {
      return new DocScalar("null", DocScalar.Kind.NULL, at);
    }
    else if (sel12 instanceof Value.Unknown u) {
      return new DocUnresolved(u.unresolved());
    }
    else if (sel12 instanceof Value.Instance i) {
      return new DocScalar("<" + i.address() + ">", DocScalar.Kind.STRING, at);
    }
    else if (sel12 instanceof Value.Tuple t) {

        List<DocNode> items = new ArrayList<>();
        t.items().forEach(item -> items.add(document(item, at)));
        return new DocArray(items, at);
      
    }
    else if (sel12 instanceof Value.Obj o) {

        SourceLocation here = o.location().line() > 0 ? o.location() : at;
        List<DocObject.Member> members = new ArrayList<>();
        o.members().forEach((k, v) -> members.add(new DocObject.Member(k, here, document(v, here))));
        return new DocObject(members, here);
      
    }
    else {
      throw new IllegalStateException("unreachable");
    }

  }

  /** A JSON number; one too large for a double (1e999) is an error, as it is to Terraform. */
  static BigDecimal number(JsonNode node, SourceLocation at) {
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      throw new dev.iamunit.iac.TemplateException("the number " + node.asText() + " is out of range", at);
    }
    return new BigDecimal(node.asText());
  }

  /** A JSON tree as a value; strings holding placeholders get their unresolved parts back. */
  static Value fromJson(JsonNode node, List<Unresolved> parts, SourceLocation at) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Value.NULL;
    }
    if (node.isTextual()) {
      return string(node.asText(), parts);
    }
    if (node.isNumber()) {
      return new Value.Num(number(node, at));
    }
    if (node.isBoolean()) {
      return Value.of(node.asBoolean());
    }
    if (node.isArray()) {
      List<Value> items = new ArrayList<>();
      node.forEach(item -> items.add(fromJson(item, parts, at)));
      return new Value.Tuple(items);
    }
    Map<String, Value> members = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      members.put(field.getKey(), fromJson(field.getValue(), parts, at));
    }
    return new Value.Obj(members, at);
  }

  static Value.Str string(String text, List<Unresolved> parts) {
    return new Value.Str(text, partsIn(text, parts), Optional.empty());
  }

  /** Those of {@code parts} whose placeholder {@code text} holds. */
  static List<Unresolved> partsIn(String text, List<Unresolved> parts) {
    if (!Unresolved.isIn(text)) {
      return List.of();
    }
    List<Unresolved> found = new ArrayList<>();
    for (Unresolved part : parts) {
      if (text.contains(part.placeholder()) && !found.contains(part)) {
        found.add(part);
      }
    }
    return found;
  }

  /** Gives each string of a parsed JSON document the unresolved parts its placeholders stand for. */
  static DocNode annotate(DocNode node, List<Unresolved> parts) {
    if (parts.isEmpty()) {
      return node;
    }
    final var sel13 = node;
    if (sel13 instanceof DocScalar s && (s.kind() == DocScalar.Kind.STRING && Unresolved.isIn(s.text()))) {
      return new DocScalar(s.text(), s.kind(), s.location(), partsIn(s.text(), parts));
    }
    else if (sel13 instanceof DocArray a) {
      return new DocArray(a.items().stream().map(i -> annotate(i, parts)).toList(), a.location());
    }
    else if (sel13 instanceof DocObject o) {
      return new DocObject(
          o.members().stream()
              .map(m -> new DocObject.Member(m.key(), m.keyLocation(), annotate(m.value(), parts)))
              .toList(),
          o.location());
    }
    else {
      return node;
    }

  }
}
