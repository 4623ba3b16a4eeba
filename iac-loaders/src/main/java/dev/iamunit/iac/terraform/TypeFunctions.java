package dev.iamunit.iac.terraform;

import static dev.iamunit.iac.terraform.FunctionSpec.Param.any;

import java.util.List;

/**
 * Terraform's type conversion functions (developer.hashicorp.com/terraform/language/functions,
 * "Type Conversion Functions"), {@code try} and {@code can} among them. A conversion of null is
 * null ({@code tonumber(null)} is null in Terraform).
 */
final class TypeFunctions {

  private TypeFunctions() {}

  static final List<FunctionSpec> SPECS = List.of(
      FunctionSpec.unevaluated("try", 1, Integer.MAX_VALUE, TypeFunctions::tryEach),
      FunctionSpec.unevaluated("can", 1, 1, TypeFunctions::can),
      FunctionSpec.of("tostring", TypeFunctions::tostring, any("v").orUnknown().orNull()),
      FunctionSpec.of("tonumber", c -> c.arg(0) instanceof Value.Null ? c.arg(0) : new Value.Num(c.number(0)), any("v").orNull()),
      FunctionSpec.of("tobool", c -> c.arg(0) instanceof Value.Str s ? Value.of(Operators.toBool(s, c.span()).orElseThrow()) : c.arg(0),
          any("v").orNull()),
      FunctionSpec.of("tolist", c -> c.arg(0), any("v").orUnknown().orNull()),
      FunctionSpec.of("tomap", c -> c.arg(0), any("v").orNull()),
      // Terraform orders a set of strings lexically.
      FunctionSpec.of("toset", TypeFunctions::toset, any("v").orUnknown().orNull()));

  /** {@code try}: the first argument that evaluates without an error; it sees the errors, so it evaluates them itself. */
  private static Value tryEach(Expr.Call call, ExpressionEvaluator ev) {
    for (Expr arg : call.args()) {
      try {
        return ev.evaluate(arg);
      } catch (EvalError e) {
        // Terraform moves on to the next argument.
      }
    }
    throw new EvalError("no argument of try() could be evaluated", call.span());
  }

  private static Value can(Expr.Call call, ExpressionEvaluator ev) {
    try {
      Value value = ev.evaluate(call.args().get(0));
      return Operators.isKnown(value) ? Value.of(true) : value;
    } catch (EvalError e) {
      return Value.of(false);
    }
  }

  private static Value tostring(FunctionCall c) {
    Value value = c.arg(0);
    if (value instanceof Value.Null || value instanceof Value.Unknown) {
      return value;
    }
    Value.Str s = Operators.toStr(value);
    if (s == null) {
      throw c.error("takes a primitive value, not " + Value.typeName(value));
    }
    return s;
  }

  private static Value toset(FunctionCall c) {
    if (c.arg(0) instanceof Value.Null) {
      return c.arg(0);
    }
    if (!(c.arg(0) instanceof Value.Tuple t)) {
      if (Operators.isKnown(c.arg(0))) {
        throw c.error("takes a list or set, not " + Value.typeName(c.arg(0)));
      }
      return c.unknownFrom(c.arg(0));
    }
    List<Value> out = new java.util.ArrayList<>(CollectionFunctions.distinct(t.items()));
    if (out.stream().allMatch(v -> v instanceof Value.Str s && s.known())) {
      out.sort((x, y) -> ((Value.Str) x).text().compareTo(((Value.Str) y).text()));
    }
    return new Value.Tuple(out);
  }
}
