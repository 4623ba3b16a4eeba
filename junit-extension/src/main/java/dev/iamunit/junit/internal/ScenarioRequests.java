package dev.iamunit.junit.internal;

import dev.iamunit.junit.IamRequest;
import dev.iamunit.junit.IamRequests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The requests of an action pattern in a {@link DefaultIamScenario}. */
final class ScenarioRequests implements IamRequests {

  private final DefaultIamScenario scenario;
  private final String pattern;
  private final List<String> actions;
  private final Optional<String> resource;
  private final Map<String, List<String>> context;

  ScenarioRequests(
      DefaultIamScenario scenario,
      String pattern,
      List<String> actions,
      Optional<String> resource,
      Map<String, List<String>> context) {
    this.scenario = scenario;
    this.pattern = pattern;
    this.actions = List.copyOf(actions);
    this.resource = resource;
    this.context = Map.copyOf(context);
  }

  @Override
  public String actionPattern() {
    return pattern;
  }

  @Override
  public String description() {
    return pattern + " on " + resource.orElse("each action's default resource")
        + scenario.principal().map(p -> " as " + p).orElse("");
  }

  @Override
  public List<IamRequest> requests() {
    return actions.stream()
        .<IamRequest>map(action -> new ScenarioRequest(scenario, action, resource, context, scenario.principal()))
        .toList();
  }

  @Override
  public IamRequests on(String resourceArn) {
    return new ScenarioRequests(scenario, pattern, actions, Optional.of(resourceArn), context);
  }

  @Override
  public IamRequests withContext(String key, String... values) {
    Map<String, List<String>> more = new LinkedHashMap<>(context);
    more.put(key, List.of(values));
    return new ScenarioRequests(scenario, pattern, actions, resource, more);
  }

  @Override
  public String toString() {
    return description();
  }
}
