package dev.iamunit.iac.terraform;

import static dev.iamunit.iac.terraform.FunctionSpec.Param.any;
import static dev.iamunit.iac.terraform.FunctionSpec.Param.list;
import static dev.iamunit.iac.terraform.FunctionSpec.Param.map;
import static dev.iamunit.iac.terraform.FunctionSpec.Param.number;
import static dev.iamunit.iac.terraform.FunctionSpec.Param.string;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Terraform's collection functions (developer.hashicorp.com/terraform/language/functions,
 * "Collection Functions"). Most take a list whose elements may be unknown: the result keeps them,
 * since its shape is still known.
 */
final class CollectionFunctions {

  private CollectionFunctions() {}

  static final List<FunctionSpec> SPECS = List.of(
      FunctionSpec.variadic("concat", CollectionFunctions::concat, list("seqs").orUnknown(), list("seqs").orUnknown()),
      FunctionSpec.variadic("merge", CollectionFunctions::merge, map("maps").orUnknown().orNull()),
      FunctionSpec.of("flatten", CollectionFunctions::flatten, list("list").orUnknown()),
      FunctionSpec.of("distinct", c -> c.arg(0) instanceof Value.Tuple t ? new Value.Tuple(distinct(t.items())) : c.unknownFrom(c.arg(0)),
          list("list").orUnknown()),
      FunctionSpec.variadic("lookup", CollectionFunctions::lookup, any("default").orUnknown().orNull(),
          map("inputMap").orUnknown(), string("key").orUnknown()).atMost(3),
      FunctionSpec.of("length", CollectionFunctions::length, any("value").orUnknown()),
      FunctionSpec.of("compact", CollectionFunctions::compact, list("list").orUnknown()),
      FunctionSpec.of("element", CollectionFunctions::element, list("list").orUnknown(), number("index").orUnknown()),
      FunctionSpec.of("keys", c -> sortedByKey(c, true), map("inputMap").orUnknown()),
      FunctionSpec.of("values", c -> sortedByKey(c, false), map("mapping").orUnknown()),
      FunctionSpec.of("zipmap", CollectionFunctions::zipmap, list("keyslist").orUnknown(), list("valueslist").orUnknown()),
      FunctionSpec.of("contains", CollectionFunctions::contains, list("list").orUnknown(), any("value").orUnknown()),
      FunctionSpec.of("one", CollectionFunctions::one, list("list").orUnknown()),
      FunctionSpec.variadic("coalescelist", CollectionFunctions::coalescelist, list("vals").orUnknown(), list("vals").orUnknown()),
      FunctionSpec.variadic("coalesce", CollectionFunctions::coalesce, any("vals").orUnknown().orNull(), any("vals").orUnknown().orNull()),
      FunctionSpec.of("reverse", c -> {
        List<Value> out = new ArrayList<>(c.items(0));
        Collections.reverse(out);
        return new Value.Tuple(out);
      }, list("list")),
      FunctionSpec.of("sort", CollectionFunctions::sort, list("list")),
      FunctionSpec.variadic("range", CollectionFunctions::range, number("params"), number("params")).atMost(3),
      FunctionSpec.of("slice", CollectionFunctions::slice, list("list"), number("start_index"), number("end_index")));

  private static Value concat(FunctionCall c) {
    List<Value> out = new ArrayList<>();
    for (Value value : c.args()) {
      if (!(value instanceof Value.Tuple t)) {
        return c.unknownFrom(value);
      }
      out.addAll(t.items());
    }
    return new Value.Tuple(out);
  }

  private static Value merge(FunctionCall c) {
    Map<String, Value> out = new LinkedHashMap<>();
    for (Value value : c.args()) {
      if (value instanceof Value.Null) {
        continue;
      }
      if (!(value instanceof Value.Obj o)) {
        return c.unknownFrom(value);
      }
      out.putAll(o.members());
    }
    return new Value.Obj(out, c.location());
  }

  private static Value flatten(FunctionCall c) {
    if (!(c.arg(0) instanceof Value.Tuple)) {
      return c.unknownFrom(c.arg(0));
    }
    List<Value> out = new ArrayList<>();
    return flatten(c.arg(0), out).orElse(new Value.Tuple(out));
  }

  private static Optional<Value> flatten(Value value, List<Value> out) {
    if (value instanceof Value.Tuple t) {
      for (Value item : t.items()) {
        Optional<Value> unknown = flatten(item, out);
        if (unknown.isPresent()) {
          return unknown;
        }
      }
      return Optional.empty();
    }
    if (value instanceof Value.Unknown) {
      // An unknown element may itself be a list: the flattened length is unknown.
      return Optional.of(value);
    }
    out.add(value);
    return Optional.empty();
  }

  /** The items without repeats, first occurrence kept; an item not wholly known is kept, never dropped. */
  static List<Value> distinct(List<Value> items) {
    List<Value> out = new ArrayList<>();
    Set<Object> seen = new LinkedHashSet<>();
    for (Value item : items) {
      if (!Operators.isWhollyKnown(item) || seen.add(Operators.plain(item))) {
        out.add(item);
      }
    }
    return out;
  }

  private static Value lookup(FunctionCall c) {
    Value map = c.arg(0);
    Value key = c.arg(1);
    if (!Operators.isKnown(key)) {
      return c.unknownFrom(key);
    }
    if (!(map instanceof Value.Obj o)) {
      return c.unknownFrom(map);
    }
    Value found = o.members().get(c.text(1));
    if (found != null) {
      return found;
    }
    if (c.count() > 2) {
      return c.arg(2);
    }
    throw c.error("found no key \"" + c.text(1) + "\" and has no default");
  }

  /** {@code length}: of a string, its characters (Unicode code points), not its bytes. */
  private static Value length(FunctionCall c) {
    Value value = c.arg(0);
    if (value instanceof Value.Tuple t) {
      return Value.of(t.items().size());
    }
    if (value instanceof Value.Obj o) {
      return Value.of(o.members().size());
    }
    if (value instanceof Value.Str s && s.known()) {
      return Value.of(s.text().codePointCount(0, s.text().length()));
    }
    if (Operators.isKnown(value)) {
      throw c.error("takes a list, map or string, not " + Value.typeName(value));
    }
    return c.unknownFrom(value);
  }

  private static Value compact(FunctionCall c) {
    if (!(c.arg(0) instanceof Value.Tuple t)) {
      return c.unknownFrom(c.arg(0));
    }
    List<Value> out = new ArrayList<>();
    for (Value item : t.items()) {
      if (!(item instanceof Value.Null || item instanceof Value.Str s && s.known() && s.text().isEmpty())) {
        out.add(item);
      }
    }
    return new Value.Tuple(out);
  }

  /** {@code element}: "If the given index is greater than the length of the list then the index is wrapped around". */
  private static Value element(FunctionCall c) {
    if (!(c.arg(0) instanceof Value.Tuple t)) {
      return c.unknownFrom(c.arg(0));
    }
    if (!Operators.isKnown(c.arg(1))) {
      return c.unknownFrom(c.arg(1));
    }
    if (t.items().isEmpty()) {
      throw c.error("cannot use an empty list");
    }
    return t.items().get(Math.floorMod(c.integer(1), t.items().size()));
  }

  /** {@code keys} and {@code values}: both in the lexical order of the keys. */
  private static Value sortedByKey(FunctionCall c, boolean keys) {
    if (!(c.arg(0) instanceof Value.Obj o)) {
      return c.unknownFrom(c.arg(0));
    }
    List<String> sorted = new ArrayList<>(o.members().keySet());
    Collections.sort(sorted);
    return new Value.Tuple(sorted.stream().map(k -> keys ? Value.of(k) : o.members().get(k)).toList());
  }

  private static Value zipmap(FunctionCall c) {
    if (!(c.arg(0) instanceof Value.Tuple k)) {
      return c.unknownFrom(c.arg(0));
    }
    if (!(c.arg(1) instanceof Value.Tuple v)) {
      return c.unknownFrom(c.arg(1));
    }
    if (k.items().size() != v.items().size()) {
      throw c.error("has " + k.items().size() + " keys but " + v.items().size() + " values");
    }
    Map<String, Value> out = new LinkedHashMap<>();
    for (int i = 0; i < k.items().size(); i++) {
      Value key = k.items().get(i);
      if (!Operators.isKnown(key)) {
        return c.unknownFrom(key);
      }
      out.put(Operators.toText(key, c.span()), v.items().get(i));
    }
    return new Value.Obj(out, c.location());
  }

  private static Value contains(FunctionCall c) {
    if (!(c.arg(0) instanceof Value.Tuple t)) {
      return c.unknownFrom(c.arg(0));
    }
    for (Value item : t.items()) {
      Optional<Boolean> equal = Operators.equal(item, c.arg(1));
      if (equal.isEmpty()) {
        return c.unknown("contains() compares unknown values");
      }
      if (equal.get()) {
        return Value.of(true);
      }
    }
    return Value.of(false);
  }

  private static Value one(FunctionCall c) {
    if (!(c.arg(0) instanceof Value.Tuple t)) {
      return c.unknownFrom(c.arg(0));
    }
    if (t.items().size() > 1) {
      throw c.error("was given more than one element");
    }
    return t.items().isEmpty() ? Value.NULL : t.items().get(0);
  }

  private static Value coalescelist(FunctionCall c) {
    for (Value value : c.args()) {
      if (!(value instanceof Value.Tuple t)) {
        return c.unknownFrom(value);
      }
      if (!t.items().isEmpty()) {
        return t;
      }
    }
    return new Value.Tuple(List.of());
  }

  /** {@code coalesce}: the first argument that is not null or "": unknown if an unknown comes first. */
  private static Value coalesce(FunctionCall c) {
    for (Value value : c.args()) {
      if (value instanceof Value.Null || value instanceof Value.Str s && s.known() && s.text().isEmpty()) {
        continue;
      }
      if (!Operators.isKnown(value) && !(value instanceof Value.Str)) {
        return value;
      }
      if (value instanceof Value.Str s && !s.known() && s.text().equals(s.parts().get(0).placeholder())) {
        // Whether it is "" is unknown, so which argument wins is unknown.
        return c.unknown("coalesce() is given " + ExpressionEvaluator.describe(value));
      }
      return value;
    }
    throw c.error("found no non-empty argument");
  }

  /** {@code sort}: "sort takes a list of strings and returns a new list with those strings sorted lexicographically". */
  private static Value sort(FunctionCall c) {
    List<String> texts = new ArrayList<>();
    for (Value item : c.items(0)) {
      texts.add(Operators.toText(item, c.span()));
    }
    Collections.sort(texts);
    return new Value.Tuple(texts.stream().map(Value::of).toList());
  }

  /**
   * {@code range(limit)}, {@code range(start, limit)}, {@code range(start, limit, step)}: "If start
   * is greater than limit and step is not specified, step defaults to -1"; at most 1024 values
   * ("more than 1024 values were generated" is Terraform's error).
   */
  private static Value range(FunctionCall c) {
    BigDecimal start = c.count() > 1 ? c.number(0) : BigDecimal.ZERO;
    BigDecimal limit = c.number(c.count() > 1 ? 1 : 0);
    BigDecimal step = c.count() > 2 ? c.number(2) : BigDecimal.valueOf(start.compareTo(limit) > 0 ? -1 : 1);
    if (step.signum() == 0) {
      throw c.error("takes a step other than zero");
    }
    if (step.signum() < 0 && start.compareTo(limit) < 0) {
      throw c.error("takes a limit less than its start when the step is negative");
    }
    if (step.signum() > 0 && start.compareTo(limit) > 0) {
      throw c.error("takes a limit greater than its start when the step is positive");
    }
    List<Value> out = new ArrayList<>();
    for (BigDecimal n = start; step.signum() > 0 ? n.compareTo(limit) < 0 : n.compareTo(limit) > 0; n = n.add(step)) {
      if (out.size() == 1024) {
        throw c.error("would make more than 1024 values, which Terraform refuses");
      }
      out.add(new Value.Num(n));
    }
    return new Value.Tuple(out);
  }

  /** {@code slice(list, start_index, end_index)}: "start_index is inclusive, while end_index is exclusive". */
  private static Value slice(FunctionCall c) {
    List<Value> items = c.items(0);
    int start = c.integer(1);
    int end = c.integer(2);
    if (start < 0 || end > items.size() || start > end) {
      throw c.error("takes 0 <= start_index <= end_index <= " + items.size() + ", not " + start + " and " + end);
    }
    return new Value.Tuple(items.subList(start, end));
  }
}
