package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One row of a {@link PolicyCases} table.
 *
 * @param principal who asks
 * @param action the action
 * @param resource the resource ARN, empty for the action's default (see {@link IamRequest#on})
 * @param context context keys the row adds
 * @param expected the decision the row expects
 * @param location {@code src/test/iam/cases.csv:3}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PolicyCase(
    IamPrincipal principal,
    String action,
    Optional<String> resource,
    Map<String, List<String>> context,
    ExpectedDecision expected,
    String location) {

  public PolicyCase {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    // In the row's order: the row's test name shows it, and must be the same on every run.
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    context.forEach((key, values) -> ordered.put(key, List.copyOf(values)));
    context = Collections.unmodifiableMap(ordered);
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(location, "location");
  }

  /** The row's request in {@code scenario}, which adds what the test's annotations say. */
  public IamRequest in(IamScenario scenario) {
    IamRequest request = scenario.request(action).as(principal);
    if (resource.isPresent()) {
      request = request.on(resource.get());
    }
    for (Map.Entry<String, List<String>> entry : context.entrySet()) {
      request = request.withContext(entry.getKey(), entry.getValue().toArray(String[]::new));
    }
    return request;
  }

  /** {@code MFAUser ec2:RunInstances on arn:… → EXPLICITLY_DENIED}, the row's test name. */
  @Override
  public String toString() {
    return principal + " " + action + resource.map(r -> " on " + r).orElse("")
        + (context.isEmpty() ? "" : " with " + context) + " → " + expected;
  }
}
