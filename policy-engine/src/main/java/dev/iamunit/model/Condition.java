package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One key under one operator of a {@code Condition} block: {@code "BoolIfExists":
 * {"aws:MultiFactorAuthPresent": "false"}} is one condition.
 *
 * @param operator the operator, parsed
 * @param key the context key as written
 * @param values the values as written (booleans and numbers as their text); any one may match
 * @param location where the key is written
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Condition(ConditionOperator operator, String key, List<String> values, SourceLocation location) {

  public Condition {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(key, "key");
    values = List.copyOf(values);
    Objects.requireNonNull(location, "location");
  }

  @Override
  public String toString() {
    return operator.name() + " " + key + " " + (values.size() == 1 ? values.get(0) : values);
  }
}
