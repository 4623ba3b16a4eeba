package dev.iamunit.junit.internal;

import dev.iamunit.eval.space.AllowedRequests;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.IamRequest;
import dev.iamunit.junit.IamRequests;
import dev.iamunit.junit.SpaceSearch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The requests of an action pattern in a scenario, each a {@link ScenarioRequest}. */
final class ScenarioRequests implements IamRequests {

  private final RequestEvaluator evaluator;
  private final String pattern;
  private final List<String> actions;
  private final Optional<String> resource;
  private final Map<String, List<String>> context;
  private final Optional<IamPrincipal> principal;

  ScenarioRequests(
      RequestEvaluator evaluator,
      String pattern,
      List<String> actions,
      Optional<String> resource,
      Map<String, List<String>> context,
      Optional<IamPrincipal> principal) {
    this.evaluator = evaluator;
    this.pattern = pattern;
    this.actions = List.copyOf(actions);
    this.resource = resource;
    this.context = Map.copyOf(context);
    this.principal = principal;
  }

  @Override
  public String actionPattern() {
    return pattern;
  }

  @Override
  public String description() {
    return pattern + " on " + resource.orElse("each action's default resource")
        + principal.map(p -> " as " + p).orElse("");
  }

  @Override
  public List<IamRequest> requests() {
    return actions.stream()
        .<IamRequest>map(action -> new ScenarioRequest(evaluator, action, resource, context, principal))
        .toList();
  }

  @Override
  public Optional<SpaceSearch> allowedRequests() {
    if (resource.isPresent() || !context.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(evaluator.allowedRequests(principal, AllowedRequests.matching(List.of(pattern))));
  }

  @Override
  public IamRequests on(String resourceArn) {
    return new ScenarioRequests(evaluator, pattern, actions, Optional.of(resourceArn), context, principal);
  }

  @Override
  public IamRequests withContext(String key, String... values) {
    Map<String, List<String>> more = new LinkedHashMap<>(context);
    more.put(key, List.of(values));
    return new ScenarioRequests(evaluator, pattern, actions, resource, more, principal);
  }

  @Override
  public String toString() {
    return description();
  }
}
