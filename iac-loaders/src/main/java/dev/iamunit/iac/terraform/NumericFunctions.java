package dev.iamunit.iac.terraform;

import static dev.iamunit.iac.terraform.FunctionSpec.Param.number;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BinaryOperator;

/** Terraform's numeric functions (developer.hashicorp.com/terraform/language/functions, "Numeric Functions"). */
final class NumericFunctions {

  private NumericFunctions() {}

  static final List<FunctionSpec> SPECS = List.of(
      FunctionSpec.variadic("min", c -> best(c, BigDecimal::min), number("numbers"), number("numbers")),
      FunctionSpec.variadic("max", c -> best(c, BigDecimal::max), number("numbers"), number("numbers")),
      FunctionSpec.of("abs", c -> new Value.Num(c.number(0).abs()), number("num")));

  private static Value best(FunctionCall c, BinaryOperator<BigDecimal> better) {
    BigDecimal best = c.number(0);
    for (int i = 1; i < c.count(); i++) {
      best = better.apply(best, c.number(i));
    }
    return new Value.Num(best);
  }
}
