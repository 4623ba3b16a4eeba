package dev.iamunit.junit.internal;

import dev.iamunit.eval.CredentialKind;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.junit.Evaluation;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.IamRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link IamRequest} of a scenario: a value (action, resource, context, principal) that its
 * scenario's {@link RequestEvaluator} evaluates once, on first use.
 */
final class ScenarioRequest implements IamRequest {

  private final RequestEvaluator evaluator;
  private final String action;
  private final Optional<String> resource;
  private final String defaultResource;
  private final Map<String, List<String>> context;
  private final Optional<IamPrincipal> principal;
  private volatile List<Evaluation> evaluations;

  ScenarioRequest(
      RequestEvaluator evaluator,
      String action,
      Optional<String> resource,
      Map<String, List<String>> context,
      Optional<IamPrincipal> principal) {
    this.evaluator = evaluator;
    this.action = action;
    this.resource = resource;
    this.defaultResource = resource.isPresent() ? null : evaluator.defaultResource(action, principal);
    this.context = Map.copyOf(context);
    this.principal = principal;
  }

  @Override
  public IamRequest on(String resourceArn) {
    return new ScenarioRequest(evaluator, action, Optional.of(resourceArn), context, principal);
  }

  @Override
  public IamRequest withContext(String key, String... values) {
    Map<String, List<String>> more = new LinkedHashMap<>(context);
    more.put(key, List.of(values));
    return new ScenarioRequest(evaluator, action, resource, more, principal);
  }

  @Override
  public IamRequest as(IamPrincipal other) {
    return new ScenarioRequest(evaluator, action, resource, context, Optional.of(other));
  }

  @Override
  public List<IamRequest> inEveryAccountOf(String unit) {
    IamPrincipal who = principal.orElseThrow(() -> Failures.failure("the request " + action + " has no principal to make in every account of "
        + unit + ": annotate the test or its class with @AsUser, @AsRole, @AsPermissionSet or @AsRootUser"));
    return evaluator.accountsUnder(unit).stream()
        .<IamRequest>map(account -> new ScenarioRequest(evaluator, action, resource, context, Optional.of(who.inAccount(account))))
        .toList();
  }

  @Override
  public Optional<String> missingPrincipal() {
    return principal.flatMap(evaluator::missing);
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

  /** The keys the test gave this request, over those of the scenario. */
  Map<String, List<String>> context() {
    return context;
  }

  @Override
  public Optional<IamPrincipal> principal() {
    return principal;
  }

  @Override
  public List<Evaluation> evaluations() {
    List<Evaluation> result = evaluations;
    if (result == null) {
      result = evaluator.evaluations(this);
      evaluations = result;
    }
    return result;
  }

  /** {@code ec2:RunInstances on * as MFAUser (console sign-in without MFA)}, as {@link Evaluation#description()} reads. */
  String describe(CredentialKind kind) {
    return DecisionText.request(toString(), kind);
  }

  /** {@code ec2:RunInstances on * as MFAUser}. */
  @Override
  public String toString() {
    return DecisionText.request(action, resource(), principal.map(IamPrincipal::toString));
  }
}
