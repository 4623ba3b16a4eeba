package dev.iamunit.iac.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamunit.IamUnitException;
import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders {@code data "aws_iam_policy_document"} as the AWS provider does
 * (internal/service/iam/policy_document_data_source.go): Version 2012-10-17 by default, Effect
 * Allow by default, a list of one element written as a string and longer lists sorted in reverse,
 * source documents first, then this document's statements replacing source statements of the same
 * Sid, then override documents replacing by Sid, and {@code &{...}} written as {@code ${...}}.
 */
final class PolicyDocumentRenderer {

  private PolicyDocumentRenderer() {}

  /**
   * The document the data source renders, as its {@code json} (and {@code minified_json}, which
   * IAMUnit writes alike) attribute: a string whose text is written when first read.
   */
  static Value.Str render(Body body, Body.Block block, ExpressionEvaluator ev) {
    SourceLocation at = ev.location(block.span());
    List<DocNode> statements = new ArrayList<>();
    for (Value source : documents(body, "source_policy_documents", ev)) {
      statements.addAll(statementsOf(source, at, ev));
    }
    for (BlockExpansion.Expanded statement : BlockExpansion.blocks(body, "statement", ev)) {
      DocNode rendered = statement(statement, ev);
      replaceOrAdd(statements, rendered, false);
    }
    for (Value override : documents(body, "override_policy_documents", ev)) {
      for (DocNode statement : statementsOf(override, at, ev)) {
        replaceOrAdd(statements, statement, true);
      }
    }
    List<DocObject.Member> members = new ArrayList<>();
    Value version = attribute(body, "version", ev);
    members.add(new DocObject.Member("Version", at, scalar(version instanceof Value.Null ? Value.of("2012-10-17") : version, at)));
    Value id = attribute(body, "policy_id", ev);
    if (!(id instanceof Value.Null)) {
      members.add(new DocObject.Member("Id", at, scalar(id, at)));
    }
    members.add(new DocObject.Member("Statement", at, new DocArray(statements, at)));
    DocObject document = new DocObject(members, at);
    // Policies read the document; the JSON is written only for an expression that reads it as text.
    return Value.Str.rendered(document, unresolvedIn(document), PolicyDocumentRenderer::json);
  }

  private static List<Value> documents(Body body, String name, ExpressionEvaluator ev) {
    Value value = attribute(body, name, ev);
    if (value instanceof Value.Null) {
      return List.of();
    }
    if (value instanceof Value.Tuple tuple) {
      return tuple.items();
    }
    ev.report.add(Unresolved.of(
        name, ev.location(body.attribute(name).get().span()),
        "its statements are left out: the list depends on " + ExpressionEvaluator.describe(value)));
    return List.of();
  }

  private static List<DocNode> statementsOf(Value document, SourceLocation at, ExpressionEvaluator ev) {
    if (document instanceof Value.Null) {
      return List.of();
    }
    DocNode root;
    if (document instanceof Value.Str s && s.document().isPresent()) {
      root = s.document().get();
    } else if (document instanceof Value.Str s) {
      try {
        root = JsonValues.annotate(JsonDocuments.read(s.text(), at), s.parts());
      } catch (IamUnitException e) {
        ev.report.add(Unresolved.of("policy document", at,
            "a source or override document is not JSON as far as it is known: " + dev.iamunit.iac.internal.PolicyDocuments.message(e)));
        return List.of();
      }
    } else {
      ev.report.add(Unresolved.of("policy document", at,
          "a source or override document's statements are left out: it is " + ExpressionEvaluator.describe(document)));
      return List.of();
    }
    if (root instanceof DocObject object && object.member("Statement").isPresent()) {
      DocNode statements = object.member("Statement").get().value();
      return statements instanceof DocArray array ? array.items() : List.of(statements);
    }
    return List.of();
  }

  /** Statements with a Sid replace the one with the same Sid; others are appended. */
  private static void replaceOrAdd(List<DocNode> statements, DocNode statement, boolean override) {
    Optional<String> sid = sid(statement);
    if (sid.isPresent()) {
      for (int i = 0; i < statements.size(); i++) {
        if (sid(statements.get(i)).equals(sid)) {
          statements.set(i, statement);
          return;
        }
      }
    }
    statements.add(statement);
  }

  private static Optional<String> sid(DocNode statement) {
    if (statement instanceof DocObject object) {
      return object.member("Sid")
          .map(DocObject.Member::value)
          .filter(v -> v instanceof DocScalar s && !s.text().isEmpty())
          .map(v -> ((DocScalar) v).text());
    }
    return Optional.empty();
  }

  private static DocNode statement(BlockExpansion.Expanded statement, ExpressionEvaluator outer) {
    Body body = statement.body();
    ExpressionEvaluator ev = statement.evaluator();
    SourceLocation at = ev.location(statement.block().span());
    List<DocObject.Member> members = new ArrayList<>();
    Value sid = attribute(body, "sid", ev);
    if (!(sid instanceof Value.Null) && !(sid instanceof Value.Str s && s.known() && s.text().isEmpty())) {
      members.add(new DocObject.Member("Sid", keyAt(body, "sid", at, ev), scalar(sid, keyAt(body, "sid", at, ev))));
    }
    Value effect = attribute(body, "effect", ev);
    members.add(new DocObject.Member("Effect", keyAt(body, "effect", at, ev),
        scalar(effect instanceof Value.Null ? Value.of("Allow") : effect, keyAt(body, "effect", at, ev))));
    list(body, "actions", "Action", members, at, ev);
    list(body, "not_actions", "NotAction", members, at, ev);
    list(body, "resources", "Resource", members, at, ev);
    list(body, "not_resources", "NotResource", members, at, ev);
    principals(body, "principals", "Principal", members, at, ev);
    principals(body, "not_principals", "NotPrincipal", members, at, ev);
    conditions(body, members, at, ev);
    return new DocObject(members, at);
  }

  private static void list(Body body, String attribute, String element, List<DocObject.Member> into, SourceLocation at,
      ExpressionEvaluator ev) {
    Value value = attribute(body, attribute, ev);
    if (value instanceof Value.Null) {
      return;
    }
    SourceLocation key = keyAt(body, attribute, at, ev);
    DocNode node = stringList(value, key);
    if (node instanceof DocArray array && array.items().isEmpty()) {
      return;
    }
    into.add(new DocObject.Member(element, key, node));
  }

  /** One element as a string, more as a list sorted in reverse, unknown as unresolved. */
  private static DocNode stringList(Value value, SourceLocation at) {
    if (!(value instanceof Value.Tuple tuple)) {
      return scalar(value, at);
    }
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    List<DocNode> items = new ArrayList<>();
    for (Value item : tuple.items()) {
      DocNode node = scalar(item, at);
      String key = node instanceof DocScalar s ? s.text() : ((DocUnresolved) node).value().placeholder();
      if (seen.add(key)) {
        items.add(node);
      }
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    items.sort(Comparator.comparing(PolicyDocumentRenderer::text).reversed());
    return new DocArray(items, at);
  }

  private static String text(DocNode node) {
    return node instanceof DocScalar s ? s.text() : ((DocUnresolved) node).value().placeholder();
  }

  private static void principals(Body body, String type, String element, List<DocObject.Member> into, SourceLocation at,
      ExpressionEvaluator outer) {
    Map<String, List<Value>> byType = new LinkedHashMap<>();
    SourceLocation first = null;
    for (BlockExpansion.Expanded block : BlockExpansion.blocks(body, type, outer)) {
      ExpressionEvaluator ev = block.evaluator();
      SourceLocation here = ev.location(block.block().span());
      first = first == null ? here : first;
      Value kind = attribute(block.body(), "type", ev);
      Value identifiers = attribute(block.body(), "identifiers", ev);
      if (!(kind instanceof Value.Str s && s.known())) {
        into.add(new DocObject.Member(element, here, unresolved(kind, here, ev, "the principal type")));
        return;
      }
      List<Value> list = byType.computeIfAbsent(s.text(), k -> new ArrayList<>());
      if (identifiers instanceof Value.Tuple t) {
        list.addAll(t.items());
      } else {
        list.add(identifiers);
      }
    }
    if (byType.isEmpty()) {
      return;
    }
    // The provider writes "Principal": "*" for a single principals block of type "*".
    if (byType.size() == 1 && byType.containsKey("*")) {
      into.add(new DocObject.Member(element, first, DocScalar.string("*", first)));
      return;
    }
    List<DocObject.Member> members = new ArrayList<>();
    for (Map.Entry<String, List<Value>> entry : byType.entrySet()) {
      members.add(new DocObject.Member(entry.getKey(), first, stringList(new Value.Tuple(entry.getValue()), first)));
    }
    into.add(new DocObject.Member(element, first, new DocObject(members, first)));
  }

  private static void conditions(Body body, List<DocObject.Member> into, SourceLocation at, ExpressionEvaluator outer) {
    Map<String, List<DocObject.Member>> byTest = new LinkedHashMap<>();
    SourceLocation first = null;
    for (BlockExpansion.Expanded block : BlockExpansion.blocks(body, "condition", outer)) {
      ExpressionEvaluator ev = block.evaluator();
      SourceLocation here = ev.location(block.block().span());
      first = first == null ? here : first;
      Value test = attribute(block.body(), "test", ev);
      Value variable = attribute(block.body(), "variable", ev);
      Value values = attribute(block.body(), "values", ev);
      if (!(test instanceof Value.Str t && t.known())) {
        ev.report.add(Unresolved.of(block.block().span().text().lines().findFirst().orElse("condition"), here,
            "the condition block is left out: its test depends on " + ExpressionEvaluator.describe(test)));
        continue;
      }
      String key = variable instanceof Value.Str v ? v.text() : unresolved(variable, here, ev, "a condition key") instanceof DocUnresolved u
          ? u.value().placeholder() : "";
      byTest.computeIfAbsent(t.text(), k -> new ArrayList<>()).add(new DocObject.Member(key, here, stringList(values, here)));
    }
    if (byTest.isEmpty()) {
      return;
    }
    List<DocObject.Member> operators = new ArrayList<>();
    for (Map.Entry<String, List<DocObject.Member>> entry : byTest.entrySet()) {
      SourceLocation here = entry.getValue().get(0).keyLocation();
      operators.add(new DocObject.Member(entry.getKey(), here, new DocObject(entry.getValue(), here)));
    }
    into.add(new DocObject.Member("Condition", first, new DocObject(operators, first)));
  }

  private static DocNode unresolved(Value value, SourceLocation at, ExpressionEvaluator ev, String what) {
    if (value instanceof Value.Unknown u) {
      return new DocUnresolved(u.unresolved());
    }
    return new DocUnresolved(ev.report.add(Unresolved.of(what, at, what + " is " + Value.typeName(value))));
  }

  /** A string, number or bool as the provider writes it; {@code &{} becomes {@code ${}. */
  private static DocNode scalar(Value value, SourceLocation at) {
    final var sel20 = value;
        if (sel20 instanceof Value.Str s) {
          return new DocScalar(s.text().replace("&{", "${"), DocScalar.Kind.STRING, at, s.parts());
        }
        else if (sel20 instanceof Value.Num n) {
          return DocScalar.string(n.toString(), at);
        }
        else if (sel20 instanceof Value.Bool b) {
          return DocScalar.string(String.valueOf(b.value()), at);
        }
        else if (sel20 instanceof Value.Unknown u) {
          return new DocUnresolved(u.unresolved());
        }
        else {
          return new DocUnresolved(Unresolved.of(value.toString(), at, "expected a string, found " + Value.typeName(value)));
        }

  }

  private static Value attribute(Body body, String name, ExpressionEvaluator ev) {
    return body.attribute(name).map(a -> ev.evaluateOrUnknown(a.expr())).orElse(Value.NULL);
  }

  private static SourceLocation keyAt(Body body, String name, SourceLocation fallback, ExpressionEvaluator ev) {
    return body.attribute(name).map(a -> ev.location(a.span())).orElse(fallback);
  }

  /** The document as the provider's JSON text, unknown parts as placeholders. */
  static String json(DocNode document) {
    return JsonTrees.pretty(toJson(document));
  }

  /** The unknown parts of {@code node}, in the order its JSON text holds their placeholders. */
  private static List<Unresolved> unresolvedIn(DocNode node) {
    List<Unresolved> parts = new ArrayList<>();
    collect(node, parts);
    return parts;
  }

  private static void collect(DocNode node, List<Unresolved> parts) {
    if (node instanceof DocScalar s) {
      parts.addAll(s.unresolved());
    } else if (node instanceof DocUnresolved u) {
      parts.add(u.value());
    } else if (node instanceof DocArray a) {
      a.items().forEach(item -> collect(item, parts));
    } else if (node instanceof DocObject o) {
      o.members().forEach(m -> collect(m.value(), parts));
    }
  }

  private static JsonNode toJson(DocNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof DocScalar s) {
      return s.kind() == DocScalar.Kind.NULL ? f.nullNode() : f.textNode(s.text());
    } else if (node instanceof DocUnresolved u) {
      return f.textNode(u.value().placeholder());
    } else if (node instanceof DocArray a) {
      ArrayNode array = f.arrayNode();
      a.items().forEach(item -> array.add(toJson(item)));
      return array;
    } else if (node instanceof DocObject o) {
      ObjectNode object = f.objectNode();
      o.members().forEach(m -> object.set(m.key(), toJson(m.value())));
      return object;
    }
    throw new IllegalStateException("unreachable");
  }
}
