package dev.iamunit.iac.terraform;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/** Terraform's operators and type conversions, with unknown operands giving unknown results. */
final class Operators {

  private Operators() {}

  static Value binary(Expr.Binary binary, Value left, Value right, ExpressionEvaluator evaluator) {
    Expr.Span span = binary.span();
    switch (binary.operator()) {
      case "&&", "||" -> {
        boolean and = binary.operator().equals("&&");
        Optional<Boolean> l = toBool(left, binary.left().span());
        Optional<Boolean> r = toBool(right, binary.right().span());
        // false && x is false and true || x is true whatever x is.
        if (l.isPresent() && l.get() != and || r.isPresent() && r.get() != and) {
          return Value.of(!and);
        }
        if (l.isPresent() && r.isPresent()) {
          return Value.of(and);
        }
        return evaluator.unknown(span, "depends on " + ExpressionEvaluator.describe(l.isEmpty() ? left : right));
      }
      case "==", "!=" -> {
        Optional<Boolean> equal = equal(left, right);
        if (equal.isEmpty()) {
          return evaluator.unknown(span, "compares " + ExpressionEvaluator.describe(isKnown(left) ? right : left));
        }
        return Value.of(equal.get() == binary.operator().equals("=="));
      }
      default -> {
        if (!isKnown(left) || !isKnown(right)) {
          return evaluator.unknown(span, "depends on " + ExpressionEvaluator.describe(isKnown(left) ? right : left));
        }
        BigDecimal a = toNumber(left, binary.left().span());
        BigDecimal b = toNumber(right, binary.right().span());
        return switch (binary.operator()) {
          case "+" -> new Value.Num(a.add(b));
          case "-" -> new Value.Num(a.subtract(b));
          case "*" -> new Value.Num(a.multiply(b));
          case "/" -> {
            if (b.signum() == 0) {
              throw new EvalError("division by zero", span);
            }
            yield new Value.Num(a.divide(b, MathContext.DECIMAL64));
          }
          case "%" -> {
            if (b.signum() == 0) {
              throw new EvalError("modulo by zero", span);
            }
            yield new Value.Num(a.remainder(b));
          }
          case "<" -> Value.of(a.compareTo(b) < 0);
          case ">" -> Value.of(a.compareTo(b) > 0);
          case "<=" -> Value.of(a.compareTo(b) <= 0);
          case ">=" -> Value.of(a.compareTo(b) >= 0);
          default -> throw new EvalError("unknown operator " + binary.operator(), span);
        };
      }
    }
  }

  static Value unary(Expr.Unary unary, Value operand) {
    if (!isKnown(operand)) {
      if (operand instanceof Value.Unknown) {
        return operand;
      }
      List<dev.iamunit.model.Unresolved> unresolved = Value.unresolvedIn(operand);
      if (unresolved.isEmpty()) {
        // A whole resource or module (-module.x, !aws_iam_role): not a number or a bool.
        throw new EvalError("\"" + unary.operator() + "\" applies to a number or a bool, not to "
            + Value.typeName(operand) + " " + unary.operand().span().text(), unary.span());
      }
      return new Value.Unknown(unresolved.get(0));
    }
    if (unary.operator().equals("!")) {
      return Value.of(!toBool(operand, unary.span()).orElseThrow());
    }
    return new Value.Num(toNumber(operand, unary.span()).negate());
  }

  /** Whether a value holds nothing unknown at its top level. */
  static boolean isKnown(Value value) {
    final var sel14 = value;
    if (sel14 instanceof Value.Unknown u) {
      return false;
    }
    else if (sel14 instanceof Value.Str s) {
      return s.known();
    }
    else if (sel14 instanceof Value.Instance i) {
      return false;
    }
    else {
      return true;
    }

  }

  static boolean isWhollyKnown(Value value) {
    return !(value instanceof Value.Instance) && Value.unresolvedIn(value).isEmpty() && !containsInstance(value);
  }

  private static boolean containsInstance(Value value) {
    final var sel15 = value;
    if (sel15 instanceof Value.Instance i) {
      return true;
    }
    else if (sel15 instanceof Value.Tuple t) {
      return t.items().stream().anyMatch(Operators::containsInstance);
    }
    else if (sel15 instanceof Value.Obj o) {
      return o.members().values().stream().anyMatch(Operators::containsInstance);
    }
    else {
      return false;
    }

  }

  /** Deep equality as Terraform compares; empty when an unknown part decides it. */
  static Optional<Boolean> equal(Value a, Value b) {
    // Null equals only null: once both values are themselves known, a comparison with null is
    // decided even if parts of the other value are not (go-cty, Value.Equals: "If only one is null
    // then the result must be false"), so `var.statements != null` holds for a map whose values
    // are known only after apply.
    if (isKnown(a) && isKnown(b) && (a instanceof Value.Null || b instanceof Value.Null)) {
      return Optional.of(a instanceof Value.Null && b instanceof Value.Null);
    }
    if (!isWhollyKnown(a) || !isWhollyKnown(b)) {
      return Optional.empty();
    }
    return Optional.of(plain(a).equals(plain(b)));
  }

  /** A comparable Java form of a known value. */
  static Object plain(Value value) {
    final var sel16 = value;
    if (sel16 instanceof Value.Str s) {
      return s.text();
    }
    else if (sel16 instanceof Value.Num n) {
      return n.value().stripTrailingZeros();
    }
    else if (sel16 instanceof Value.Bool b) {
      return b.value();
    }
    else if (sel16 instanceof Value.Null n) {
      return n;
    }
    else if (sel16 instanceof Value.Tuple t) {
      return t.items().stream().map(Operators::plain).toList();
    }
    else if (sel16 instanceof Value.Obj o) {

        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        o.members().forEach((k, v) -> map.put(k, plain(v)));
        return map;
      
    }
    else {
      return value;
    }

  }

  /** A boolean, converting "true"/"false" as Terraform does; empty when unknown. */
  static Optional<Boolean> toBool(Value value, Expr.Span span) {
    final var sel17 = value;
    if (sel17 instanceof Value.Bool b) {
      return Optional.of(b.value());
    }
    else if (sel17 instanceof Value.Str s && (s.known() && s.text().equals("true"))) {
      return Optional.of(true);
    }
    else if (sel17 instanceof Value.Str s && (s.known() && s.text().equals("false"))) {
      return Optional.of(false);
    }
    else if (sel17 instanceof Value.Str s && (!s.known())) {
      return Optional.empty();
    }
    else if (sel17 instanceof Value.Unknown u) {
      return Optional.empty();
    }
    else if (sel17 instanceof Value.Null n) {
      throw new EvalError("a condition cannot be null", span);
    }
    else {
      throw new EvalError("expected a bool, found " + Value.typeName(value), span);
    }

  }

  /** A number as a whole count or index; too large for one is an error, not a wrapped value. */
  static int toInt(Value value, Expr.Span span) {
    BigDecimal n = toNumber(value, span);
    try {
      return n.setScale(0, java.math.RoundingMode.DOWN).intValueExact();
    } catch (ArithmeticException e) {
      throw new EvalError(n.toString() + " is too large to be a count or an index", span);
    }
  }

  static BigDecimal toNumber(Value value, Expr.Span span) {
    final var sel18 = value;
    if (sel18 instanceof Value.Num n) {
      return n.value();
    }
    else if (sel18 instanceof Value.Str s && (s.known())) {

        try {
          return new BigDecimal(s.text());
        } catch (NumberFormatException e) {
          throw new EvalError("\"" + s.text() + "\" is not a number", span);
        }
      
    }
    else {
      throw new EvalError("expected a number, found " + Value.typeName(value), span);
    }

  }

  /** The text of a known string, number or bool. */
  static String toText(Value value, Expr.Span span) {
    final var sel19 = value;
    if (sel19 instanceof Value.Str s) {
      return s.text();
    }
    else if (sel19 instanceof Value.Num n) {
      return n.toString();
    }
    else if (sel19 instanceof Value.Bool b) {
      return String.valueOf(b.value());
    }
    else {
      throw new EvalError("expected a string, found " + Value.typeName(value), span);
    }

  }

  /** A value as a string with its unknown parts kept as placeholders; null for non-strings. */
  static Value.Str toStr(Value value) {
    StringBuilder text = new StringBuilder();
    List<dev.iamunit.model.Unresolved> parts = new java.util.ArrayList<>();
    if (!ExpressionEvaluator.append(value, text, parts)) {
      return null;
    }
    return value instanceof Value.Str s ? s : new Value.Str(text.toString(), parts, Optional.empty());
  }
}
