package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How often one condition of a statement (one key under one operator) held and failed.
 *
 * @param operator the operator as written, such as {@code BoolIfExists}
 * @param key the context key
 * @param values the values it compares with
 * @param line the line the key is written on, 0 when unknown
 * @param timesTrue evaluations in which it held
 * @param timesFalse evaluations in which it did not
 */
@API(status = EXPERIMENTAL)
public record ConditionCoverage(String operator, String key, List<String> values, int line, long timesTrue, long timesFalse) {

  public ConditionCoverage {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(key, "key");
    values = List.copyOf(values);
  }

  /** Covered when both outcomes were seen, as JaCoCo counts a branch pair. */
  public boolean covered() {
    return timesTrue > 0 && timesFalse > 0;
  }

  /** {@code BoolIfExists aws:MultiFactorAuthPresent "false"}. */
  public String describe() {
    return operator + " " + key + " " + (values.size() == 1 ? "\"" + values.get(0) + "\"" : values.toString());
  }

  ConditionCoverage plus(ConditionCoverage other) {
    return new ConditionCoverage(operator, key, values, line, timesTrue + other.timesTrue, timesFalse + other.timesFalse);
  }
}
