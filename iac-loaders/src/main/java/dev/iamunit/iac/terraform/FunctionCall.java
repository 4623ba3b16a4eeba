package dev.iamunit.iac.terraform;

import dev.iamunit.model.SourceLocation;
import java.math.BigDecimal;
import java.util.List;

/**
 * One call of a Terraform function, its arguments evaluated and checked against its {@link
 * FunctionSpec}: what a function's implementation reads its arguments through.
 */
record FunctionCall(String name, List<Value> args, Expr.Call call, ExpressionEvaluator ev) {

  FunctionCall {
    args = List.copyOf(args);
  }

  Expr.Span span() {
    return call.span();
  }

  SourceLocation location() {
    return ev.location(call.span());
  }

  int count() {
    return args.size();
  }

  Value arg(int i) {
    return args.get(i);
  }

  /** The arguments from {@code from} on: a variadic parameter's. */
  List<Value> rest(int from) {
    return args.subList(Math.min(from, args.size()), args.size());
  }

  /** The text of a string, number or bool argument. */
  String text(int i) {
    return Operators.toText(args.get(i), span());
  }

  /** A string argument with its unknown parts kept as placeholders. */
  Value.Str str(int i) {
    Value.Str s = Operators.toStr(args.get(i));
    if (s == null) {
      throw error("takes a string, not " + Value.typeName(args.get(i)));
    }
    return s;
  }

  BigDecimal number(int i) {
    return Operators.toNumber(args.get(i), span());
  }

  int integer(int i) {
    return Operators.toInt(args.get(i), span());
  }

  List<Value> items(int i) {
    return ((Value.Tuple) args.get(i)).items();
  }

  java.util.Map<String, Value> members(int i) {
    return ((Value.Obj) args.get(i)).members();
  }

  /** A value not known before apply, with why; the report lists it. */
  Value unknown(String reason) {
    return ev.unknown(span(), reason);
  }

  /** {@code value} itself when it is unknown, else an unknown that depends on it. */
  Value unknownFrom(Value value) {
    return value instanceof Value.Unknown ? value : unknown("depends on " + ExpressionEvaluator.describe(value));
  }

  /** What Terraform would reject, worded after the function's name. */
  EvalError error(String message) {
    return new EvalError(name + "() " + message, span());
  }

  /** A string result; it carries the unknown parts of {@code from}. */
  static Value string(String text, Value.Str from) {
    return new Value.Str(text, from.parts(), java.util.Optional.empty());
  }
}
