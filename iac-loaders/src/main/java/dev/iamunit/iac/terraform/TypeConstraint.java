package dev.iamunit.iac.terraform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A variable's {@code type} constraint, and the conversion Terraform applies to every value given
 * to the variable (and to its default): primitives convert between string, number and bool;
 * collections convert their elements; an object keeps its declared attributes only, and an
 * {@code optional(type, default)} attribute that is absent or null takes its default, or null
 * (Terraform language, "Type Constraints", "Optional Object Type Attributes": "Terraform will
 * return the default value ... if the attribute is omitted or null"). Checked against Terraform
 * 1.11's {@code terraform console}.
 */
sealed interface TypeConstraint {

  /** {@code any}, or a type IAMUnit does not check: the value as given. */
  record Any() implements TypeConstraint {}

  /** {@code string}, {@code number} or {@code bool}. */
  record Primitive(String name) implements TypeConstraint {}

  /** {@code list(T)}, {@code set(T)} (both a Tuple here) or {@code map(T)}. */
  record Collection(String kind, TypeConstraint element) implements TypeConstraint {}

  record Tuple(List<TypeConstraint> elements) implements TypeConstraint {}

  record ObjectType(Map<String, Attribute> attributes) implements TypeConstraint {}

  /** An object attribute; {@code fallback} is the expression of {@code optional()}'s second argument. */
  record Attribute(TypeConstraint type, boolean optional, Optional<Expr> fallback) {}

  TypeConstraint ANY = new Any();

  /** The constraint written as {@code expr}; a quoted type (JSON syntax, Terraform 0.11) is read as an expression. */
  static TypeConstraint of(Expr expr) {
    if (expr instanceof Expr.Literal literal && literal.value() instanceof Value.Str s) {
      return of(HclParser.parseExpression(expr.span().file(), s.text(), expr.span().line()));
    }
    if (expr instanceof Expr.Template template && template.parts().size() == 1) {
      return of(template.parts().get(0));
    }
    if (expr instanceof Expr.Variable variable) {
      return switch (variable.name()) {
        case "string", "number", "bool" -> new Primitive(variable.name());
        case "list", "set", "map" -> new Collection(variable.name(), ANY);
        case "any" -> ANY;
        default -> throw new EvalError("\"" + variable.name() + "\" is not a type", expr.span());
      };
    }
    if (expr instanceof Expr.Call call) {
      return switch (call.name()) {
        case "list", "set", "map" -> new Collection(call.name(), of(only(call)));
        case "tuple" -> {
          if (!(only(call) instanceof Expr.TupleCons items)) {
            throw new EvalError("tuple() takes a list of types", call.span());
          }
          yield new Tuple(items.items().stream().map(TypeConstraint::of).toList());
        }
        case "object" -> object(only(call));
        case "optional" -> throw new EvalError("optional() is allowed only as the type of an object attribute", call.span());
        default -> throw new EvalError(call.name() + "() is not a type constructor", call.span());
      };
    }
    throw new EvalError("\"" + expr.span().text() + "\" is not a type", expr.span());
  }

  private static Expr only(Expr.Call call) {
    if (call.args().size() != 1) {
      throw new EvalError(call.name() + "() takes exactly one argument", call.span());
    }
    return call.args().get(0);
  }

  private static TypeConstraint object(Expr attributes) {
    if (!(attributes instanceof Expr.ObjectCons cons)) {
      throw new EvalError("object() takes an object of attribute types", attributes.span());
    }
    Map<String, Attribute> declared = new LinkedHashMap<>();
    for (Expr.ObjectCons.Item item : cons.items()) {
      if (!(item.key() instanceof Expr.Literal key && key.value() instanceof Value.Str name)) {
        throw new EvalError("an object type's attribute names are written as names", item.key().span());
      }
      Expr type = item.value();
      if (type instanceof Expr.Call call && call.name().equals("optional")) {
        if (call.args().isEmpty() || call.args().size() > 2) {
          throw new EvalError("optional() takes a type and, optionally, a default", call.span());
        }
        declared.put(name.text(), new Attribute(of(call.args().get(0)), true,
            call.args().size() == 2 ? Optional.of(call.args().get(1)) : Optional.empty()));
      } else {
        declared.put(name.text(), new Attribute(of(type), false, Optional.empty()));
      }
    }
    return new ObjectType(declared);
  }

  /**
   * {@code value} converted to this type, defaults filled in. {@code ev} evaluates the defaults
   * (constants in practice: Terraform allows no references in a type constraint).
   *
   * @throws EvalError when Terraform would refuse the value, naming the attribute path
   */
  default Value convert(Value value, ExpressionEvaluator ev, Expr.Span span) {
    return Conversion.convert(this, value, ev, span, "");
  }

  /** The conversion rules, apart from the type grammar above. */
  final class Conversion {
    private Conversion() {}

    static Value convert(TypeConstraint type, Value value, ExpressionEvaluator ev, Expr.Span span, String path) {
      if (type instanceof Any || value instanceof Value.Null || value instanceof Value.Unknown || value instanceof Value.Instance) {
        // An instance is read attribute by attribute when used; an unknown stays unknown.
        return value;
      }
      if (type instanceof Primitive primitive) {
        return primitive(primitive.name(), value, span, path);
      }
      if (type instanceof Collection collection) {
        return collection(collection, value, ev, span, path);
      }
      if (type instanceof Tuple tuple) {
        if (!(value instanceof Value.Tuple items) || items.items().size() != tuple.elements().size()) {
          throw mismatch("a tuple of " + tuple.elements().size() + " elements", value, span, path);
        }
        List<Value> converted = new ArrayList<>();
        for (int i = 0; i < items.items().size(); i++) {
          converted.add(convert(tuple.elements().get(i), items.items().get(i), ev, span, path + "[" + i + "]"));
        }
        return new Value.Tuple(converted);
      }
      ObjectType object = (ObjectType) type;
      if (!(value instanceof Value.Obj given)) {
        throw mismatch("an object", value, span, path);
      }
      Map<String, Value> members = new LinkedHashMap<>();
      for (Map.Entry<String, Attribute> entry : object.attributes().entrySet()) {
        String name = entry.getKey();
        Attribute attribute = entry.getValue();
        Value member = given.members().get(name);
        if (member == null && !attribute.optional()) {
          throw new EvalError("attribute \"" + name + "\" is required" + at(path), span);
        }
        if ((member == null || member instanceof Value.Null) && attribute.fallback().isPresent()) {
          member = ev.evaluate(attribute.fallback().get());
        }
        members.put(name, convert(attribute.type(), member == null ? Value.NULL : member, ev, span, path + "." + name));
      }
      return new Value.Obj(members, given.location());
    }

    private static Value collection(Collection type, Value value, ExpressionEvaluator ev, Expr.Span span, String path) {
      if (type.kind().equals("map")) {
        if (!(value instanceof Value.Obj map)) {
          throw mismatch("a map", value, span, path);
        }
        Map<String, Value> members = new LinkedHashMap<>();
        map.members().forEach((k, v) -> members.put(k, convert(type.element(), v, ev, span, path + "[\"" + k + "\"]")));
        return new Value.Obj(members, map.location());
      }
      if (!(value instanceof Value.Tuple items)) {
        throw mismatch("a " + type.kind(), value, span, path);
      }
      List<Value> converted = new ArrayList<>();
      for (int i = 0; i < items.items().size(); i++) {
        Value item = convert(type.element(), items.items().get(i), ev, span, path + "[" + i + "]");
        // A set holds each value once.
        if (!type.kind().equals("set") || !converted.contains(item)) {
          converted.add(item);
        }
      }
      return new Value.Tuple(converted);
    }

    private static Value primitive(String name, Value value, Expr.Span span, String path) {
      return switch (name) {
        case "string" -> {
          if (value instanceof Value.Str) {
            yield value;
          }
          if (value instanceof Value.Num || value instanceof Value.Bool) {
            yield Value.of(Operators.toText(value, span));
          }
          throw mismatch("a string", value, span, path);
        }
        case "number" -> {
          if (value instanceof Value.Num) {
            yield value;
          }
          if (value instanceof Value.Str s && s.known()) {
            try {
              yield new Value.Num(new BigDecimal(s.text()));
            } catch (NumberFormatException e) {
              throw mismatch("a number", value, span, path);
            }
          }
          if (value instanceof Value.Str) {
            yield value; // unknown parts: whether it is a number is unknown too
          }
          throw mismatch("a number", value, span, path);
        }
        default -> {
          if (value instanceof Value.Bool) {
            yield value;
          }
          if (value instanceof Value.Str s && (s.text().equals("true") || s.text().equals("false"))) {
            yield Value.of(s.text().equals("true"));
          }
          if (value instanceof Value.Str s && !s.known()) {
            yield value;
          }
          throw mismatch("a bool", value, span, path);
        }
      };
    }

    private static EvalError mismatch(String expected, Value value, Expr.Span span, String path) {
      return new EvalError(expected + " is required" + at(path) + ", but the value is " + describe(value), span);
    }

    private static String describe(Value value) {
      return value instanceof Value.Tuple ? "a list" : value instanceof Value.Obj ? "an object" : "a " + Value.typeName(value);
    }

    private static String at(String path) {
      return path.isEmpty() ? "" : " at " + path.substring(path.startsWith(".") ? 1 : 0);
    }
  }
}
