package dev.iamunit.eval;

import dev.iamunit.model.Condition;
import java.util.Objects;
import java.util.Optional;

/**
 * How one condition evaluated.
 *
 * @param condition the condition as written
 * @param met whether it held
 * @param requestValue the key's value in the request, empty when the key was absent
 */
public record ConditionResult(Condition condition, boolean met, Optional<RequestContext.Entry> requestValue) {

  public ConditionResult {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(requestValue, "requestValue");
  }
}
