package dev.iamunit.iac.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Calls Terraform's built-in functions: the table of every function IAMUnit evaluates, one {@link
 * FunctionSpec} each, and the one place that checks a call against its spec. A function we do not
 * implement, or one given an unknown argument where the result would depend on it, returns an
 * unknown value, never a guess.
 *
 * <p>The functions are grouped as Terraform's documentation groups them
 * (developer.hashicorp.com/terraform/language/functions): string, collection, numeric, encoding,
 * filesystem, date and time, hash, and type conversion functions.
 */
final class Functions {

  private Functions() {}

  /** Every function IAMUnit evaluates, by name. */
  static final Map<String, FunctionSpec> TABLE = table(Stream.of(
      StringFunctions.SPECS, CollectionFunctions.SPECS, NumericFunctions.SPECS, EncodingFunctions.SPECS,
      FilesystemFunctions.SPECS, DateTimeFunctions.SPECS, HashFunctions.SPECS, TypeFunctions.SPECS).flatMap(List::stream).toList());

  private static Map<String, FunctionSpec> table(List<FunctionSpec> specs) {
    Map<String, FunctionSpec> table = new LinkedHashMap<>();
    for (FunctionSpec spec : specs) {
      if (table.put(spec.name(), spec) != null) {
        throw new IllegalStateException("two specs for the function " + spec.name());
      }
    }
    return java.util.Collections.unmodifiableMap(table);
  }

  static Value call(Expr.Call call, ExpressionEvaluator ev) {
    FunctionSpec spec = TABLE.get(call.name());
    if (spec != null && spec.implementation() instanceof FunctionSpec.Implementation.Unevaluated lazy) {
      checkArity(spec, call.args().size(), call.span());
      return lazy.body().apply(call, ev);
    }
    List<Value> args = new ArrayList<>();
    for (Expr arg : call.args()) {
      args.add(ev.evaluate(arg));
    }
    if (call.expandLast() && !args.isEmpty()) {
      Value last = args.remove(args.size() - 1);
      if (!(last instanceof Value.Tuple tuple)) {
        return ev.unknown(call.span(), "the expanded argument is " + ExpressionEvaluator.describe(last));
      }
      args.addAll(tuple.items());
    }
    if (spec == null) {
      return ev.unknown(call.span(), "IAMUnit does not evaluate the function " + call.name() + "()");
    }
    Optional<Value> unknown = check(spec, args, call, ev);
    if (unknown.isPresent()) {
      return unknown.get();
    }
    FunctionSpec.Implementation.Evaluated eager = (FunctionSpec.Implementation.Evaluated) spec.implementation();
    return eager.body().apply(new FunctionCall(spec.name(), args, call, ev));
  }

  /**
   * Checks the arguments as Terraform does before it calls a function: their number, null where
   * the parameter does not allow it, and types (Terraform reports these even when another argument
   * is unknown); then an unknown argument the function does not take makes the result unknown.
   */
  private static Optional<Value> check(FunctionSpec spec, List<Value> args, Expr.Call call, ExpressionEvaluator ev) {
    checkArity(spec, args.size(), call.span());
    for (int i = 0; i < args.size(); i++) {
      FunctionSpec.Param param = spec.param(i).orElseThrow();
      Value value = args.get(i);
      if (value instanceof Value.Null) {
        if (!param.nullable()) {
          throw new EvalError(spec.name() + "(): the argument \"" + param.name() + "\" must not be null", call.span());
        }
      } else if (!accepts(param.type(), value)) {
        throw new EvalError(spec.name() + "() takes " + param.type().described + " as \"" + param.name() + "\", not "
            + Value.typeName(value), call.span());
      }
    }
    for (int i = 0; i < args.size(); i++) {
      Value value = args.get(i);
      if (!spec.param(i).orElseThrow().unknown() && !Operators.isKnown(value)) {
        return Optional.of(ev.unknown(call.span(), spec.name() + "() is given " + ExpressionEvaluator.describe(value)));
      }
    }
    return Optional.empty();
  }

  private static void checkArity(FunctionSpec spec, int given, Expr.Span span) {
    int min = spec.params().size();
    if (given < min) {
      throw new EvalError(spec.name() + "() takes " + (spec.variadic().isPresent() ? "at least " : "") + min
          + " argument(s), not " + given + "; missing \"" + spec.params().get(given).name() + "\"", span);
    }
    if (given > spec.maxArgs()) {
      throw new EvalError(spec.name() + "() takes " + (min == spec.maxArgs() ? "" : "at most ") + spec.maxArgs()
          + " argument(s), not " + given, span);
    }
  }

  /** Whether a value may stand for a parameter of {@code type}; what is not yet known may stand for any. */
  private static boolean accepts(FunctionSpec.Type type, Value value) {
    if (value instanceof Value.Unknown || value instanceof Value.Instance) {
      return true;
    }
    return switch (type) {
      case STRING -> value instanceof Value.Str || value instanceof Value.Num || value instanceof Value.Bool;
      case NUMBER -> value instanceof Value.Num || value instanceof Value.Str;
      case LIST -> value instanceof Value.Tuple;
      case MAP -> value instanceof Value.Obj;
      case ANY -> true;
    };
  }

  /** A path as a message shows it, with control characters escaped. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(200).forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
