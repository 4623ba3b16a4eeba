package dev.iamunit.iac.terraform;

import java.util.List;
import java.util.Optional;

/**
 * One Terraform function as its documentation states it: its name, its parameters (the last may
 * repeat), what each accepts, and what it computes. {@link Functions} checks the arguments against
 * the parameters before it runs the implementation, so an implementation sees only arguments of
 * the types it declared, known unless it said it takes unknown ones.
 *
 * @param maxArgs the most arguments a variadic function takes ({@code lookup}'s one default), or
 *     {@link Integer#MAX_VALUE}
 */
record FunctionSpec(String name, List<Param> params, Optional<Param> variadic, int maxArgs, Implementation implementation) {

  FunctionSpec {
    params = List.copyOf(params);
  }

  /** A function with fixed parameters. */
  static FunctionSpec of(String name, Computation body, Param... params) {
    return new FunctionSpec(name, List.of(params), Optional.empty(), params.length, new Implementation.Evaluated(body));
  }

  /** A function whose last parameter, {@code repeated}, takes any number of arguments. */
  static FunctionSpec variadic(String name, Computation body, Param repeated, Param... params) {
    return new FunctionSpec(name, List.of(params), Optional.of(repeated), Integer.MAX_VALUE, new Implementation.Evaluated(body));
  }

  /** A function that sees its argument expressions unevaluated ({@code try}, {@code can}). */
  static FunctionSpec unevaluated(String name, int minArgs, int maxArgs, LazyComputation body) {
    List<Param> params = java.util.Collections.nCopies(minArgs, Param.any("expression").orUnknown().orNull());
    Optional<Param> rest = maxArgs > minArgs ? Optional.of(Param.any("expression").orUnknown().orNull()) : Optional.empty();
    return new FunctionSpec(name, params, rest, maxArgs, new Implementation.Unevaluated(body));
  }

  /** The same function taking at most {@code max} arguments in all. */
  FunctionSpec atMost(int max) {
    return new FunctionSpec(name, params, variadic, max, implementation);
  }

  /** The parameter argument {@code index} binds to; empty past the last. */
  Optional<Param> param(int index) {
    if (index < params.size()) {
      return Optional.of(params.get(index));
    }
    return index < maxArgs ? variadic : Optional.empty();
  }

  /** What a parameter accepts. */
  enum Type {
    /** A string; numbers and bools convert to one, as Terraform converts them. */
    STRING("a string"),
    /** A number, or a string that reads as one. */
    NUMBER("a number"),
    /** A list, set or tuple. */
    LIST("a list"),
    /** A map or object. */
    MAP("a map"),
    ANY("any value");

    final String described;

    Type(String described) {
      this.described = described;
    }
  }

  /**
   * One parameter.
   *
   * @param unknown whether the implementation takes an unknown argument itself (to keep its
   *     placeholders, say); otherwise an unknown argument makes the result unknown
   * @param nullable whether null is a valid argument; otherwise Terraform rejects it ("argument
   *     must not be null")
   */
  record Param(String name, Type type, boolean unknown, boolean nullable) {

    static Param string(String name) {
      return new Param(name, Type.STRING, false, false);
    }

    static Param number(String name) {
      return new Param(name, Type.NUMBER, false, false);
    }

    static Param list(String name) {
      return new Param(name, Type.LIST, false, false);
    }

    static Param map(String name) {
      return new Param(name, Type.MAP, false, false);
    }

    static Param any(String name) {
      return new Param(name, Type.ANY, false, false);
    }

    Param orUnknown() {
      return new Param(name, type, true, nullable);
    }

    Param orNull() {
      return new Param(name, type, unknown, true);
    }
  }

  /** What a function computes. */
  sealed interface Implementation {
    record Evaluated(Computation body) implements Implementation {}

    record Unevaluated(LazyComputation body) implements Implementation {}
  }

  /** A function of checked argument values. */
  @FunctionalInterface
  interface Computation {
    Value apply(FunctionCall call);
  }

  /** A function of its argument expressions, which it evaluates itself. */
  @FunctionalInterface
  interface LazyComputation {
    Value apply(Expr.Call call, ExpressionEvaluator ev);
  }
}
