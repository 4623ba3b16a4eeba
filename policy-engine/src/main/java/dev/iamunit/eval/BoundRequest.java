package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A request and every policy that applies to it, made together by {@link Caller#request} so that
 * the two cannot disagree on the principal or the resource: the resource-based policy in {@code
 * policies} is the one of {@code request}'s resource. Decide it with {@link Evaluator#decide(BoundRequest)}
 * or {@link Evaluator#explain(BoundRequest)}.
 *
 * @param request the request, with its full context
 * @param policies the caller's policies, plus the resource-based policy of the request's resource
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BoundRequest(Request request, PolicySet policies) {

  public BoundRequest {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(policies, "policies");
  }
}
