package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Condition;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How one condition evaluated.
 *
 * @param condition the condition as written
 * @param met whether it held
 * @param requestValue the key's value in the request, empty when the key was absent
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ConditionResult(Condition condition, boolean met, Optional<RequestContext.Entry> requestValue) {

  public ConditionResult {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(requestValue, "requestValue");
  }
}
