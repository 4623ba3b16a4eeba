package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.Unresolved;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A decision depends on a value a loader could not compute: with it one way the request is
 * allowed, with it another way denied. IAMUnit does not guess.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class UnresolvedValueException extends IamUnitException {
  private static final long serialVersionUID = 1L;

  private final transient List<Unresolved> values;

  public UnresolvedValueException(Request request, List<Unresolved> values) {
    super(message(request, values), values.isEmpty() ? null : values.get(0).location());
    this.values = List.copyOf(values);
  }

  public List<Unresolved> values() {
    return values;
  }

  private static String message(Request request, List<Unresolved> values) {
    return "the decision for " + request + " depends on values IAMUnit could not compute: "
        + values.stream().map(Unresolved::toString).collect(Collectors.joining("; "))
        + ". Give these values to the loader (variables, parameters) or test a request that does not depend on them";
  }
}
