package dev.iamunit.junit.internal;

import dev.iamunit.IamUnitException;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.UnresolvedValueException;
import dev.iamunit.junit.Evaluation;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.IamRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An {@link IamRequest} of a {@link DefaultIamScenario}; evaluates once, on first use. */
final class ScenarioRequest implements IamRequest {

  private final DefaultIamScenario scenario;
  private final String action;
  private final Optional<String> resource;
  private final String defaultResource;
  private final Map<String, List<String>> context;
  private final Optional<IamPrincipal> principal;
  private volatile List<Evaluation> evaluations;

  ScenarioRequest(
      DefaultIamScenario scenario,
      String action,
      Optional<String> resource,
      Map<String, List<String>> context,
      Optional<IamPrincipal> principal) {
    this.scenario = scenario;
    this.action = action;
    this.resource = resource;
    this.defaultResource = resource.isPresent() ? null : scenario.defaultResource(action);
    this.context = Map.copyOf(context);
    this.principal = principal;
  }

  @Override
  public IamRequest on(String resourceArn) {
    return new ScenarioRequest(scenario, action, Optional.of(resourceArn), context, principal);
  }

  @Override
  public IamRequest withContext(String key, String... values) {
    Map<String, List<String>> more = new LinkedHashMap<>(context);
    more.put(key, List.of(values));
    return new ScenarioRequest(scenario, action, resource, more, principal);
  }

  @Override
  public IamRequest as(IamPrincipal other) {
    return new ScenarioRequest(scenario, action, resource, context, Optional.of(other));
  }

  @Override
  public String action() {
    return action;
  }

  @Override
  public String resource() {
    return resource.orElse(defaultResource);
  }

  @Override
  public boolean resourceDefaulted() {
    return resource.isEmpty();
  }

  @Override
  public List<Evaluation> evaluations() {
    List<Evaluation> result = evaluations;
    if (result == null) {
      result = evaluate();
      evaluations = result;
    }
    return result;
  }

  private List<Evaluation> evaluate() {
    IamPrincipal who = principal.orElseThrow(() -> Failures.failure("the request " + action + " has no principal: "
        + "annotate the test or its class with @AsUser, @AsRole or @AsRootUser, or call .as(IamPrincipal.user(\"name\"))"));
    Caller caller = scenario.caller(who);
    ScenarioSettings settings = scenario.settings();
    List<Evaluation> list = new ArrayList<>();
    for (CredentialKind kind : settings.credentials().kindsFor(who)) {
      Map<String, List<String>> extra = new LinkedHashMap<>();
      addPrincipalTags(caller, kind, settings.principalTags(), extra);
      extra.putAll(settings.context());
      extra.putAll(context);
      try {
        Request request = caller.request(action, resource(), kind, scenario.time(), extra);
        Decision decision = scenario.decide(request, caller.policiesFor(resource()));
        list.add(new Evaluation(describe(who, kind), kind, request, decision));
      } catch (UnresolvedValueException e) {
        throw Failures.failure(UnresolvedValueMessage.of(describe(who, kind), e.values()));
      } catch (IamUnitException e) {
        throw Failures.failure(describe(who, kind) + " cannot be evaluated: " + e.getMessage());
      }
    }
    return List.copyOf(list);
  }

  private void addPrincipalTags(Caller caller, CredentialKind kind, Map<String, String> tags, Map<String, List<String>> extra) {
    if (tags.isEmpty()) {
      return;
    }
    Set<String> keys = new LinkedHashSet<>();
    caller.context(kind, scenario.time()).get("aws:PrincipalTagKeys").ifPresent(e -> keys.addAll(e.values()));
    tags.forEach((key, value) -> {
      extra.put("aws:PrincipalTag/" + key, List.of(value));
      keys.add(key);
    });
    // Caller.request makes a one-element list single-valued; set operators treat both alike.
    extra.put("aws:PrincipalTagKeys", List.copyOf(keys));
  }

  /** {@code ec2:RunInstances on * as MFAUser (console sign-in without MFA)}. */
  String describe(IamPrincipal who, CredentialKind kind) {
    return action + " on " + resource() + " as " + who + " (" + kind.description() + ")";
  }

  @Override
  public String toString() {
    return action + " on " + resource() + principal.map(p -> " as " + p).orElse("");
  }
}
