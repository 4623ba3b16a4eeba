package dev.iamunit.junit.internal;

import dev.iamunit.eval.AssumeRoleParameters;
import dev.iamunit.eval.space.AllowedRequests;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.IamRequest;
import dev.iamunit.junit.IamRequests;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.SpaceSearch;
import dev.iamunit.model.Account;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** An {@link IamScenario} over a loaded account: its principal, and the test's evaluator. Immutable. */
final class DefaultIamScenario implements IamScenario {

  private final ScenarioEvaluator evaluator;
  private final Optional<IamPrincipal> principal;
  /** The principals of the role chain that led to {@code principal}, first the one the test named. */
  private final List<IamPrincipal> chain;

  DefaultIamScenario(ScenarioEvaluator evaluator, Optional<IamPrincipal> principal) {
    this(evaluator, principal, principal.map(List::of).orElse(List.of()));
  }

  private DefaultIamScenario(ScenarioEvaluator evaluator, Optional<IamPrincipal> principal, List<IamPrincipal> chain) {
    this.evaluator = evaluator;
    this.principal = principal;
    this.chain = List.copyOf(chain);
  }

  @Override
  public IamRequest request(String action) {
    ActionCatalog.requireKnown(action);
    return new ScenarioRequest(evaluator, action, Optional.empty(), Map.of(), principal);
  }

  @Override
  public IamRequests requests(String actionPattern) {
    return new ScenarioRequests(evaluator, actionPattern, ActionCatalog.expand(actionPattern), Optional.empty(), Map.of(), principal);
  }

  @Override
  public SpaceSearch allowedRequestsExcept(List<String> actionPatterns) {
    actionPatterns.forEach(ActionCatalog::expand);
    return evaluator.allowedRequests(principal, AllowedRequests.matching(actionPatterns).negate());
  }

  @Override
  public IamScenario as(IamPrincipal other) {
    return new DefaultIamScenario(evaluator, Optional.of(other));
  }

  @Override
  public IamScenario assume(String roleArn, AssumeRoleParameters parameters) {
    String call = "scenario.assume(\"" + roleArn + "\")";
    IamPrincipal who = principal.orElseThrow(() -> Failures.failure(call + " has no principal to assume the role: annotate "
        + "the test or its class with @AsUser or @AsRole, or call .as(IamPrincipal.user(\"name\")) first"));
    // "hop 2 of the role chain MFAUser → Deployer/iamunit → audit": where in the test the call is made.
    String path = chain.stream().map(IamPrincipal::toString).collect(Collectors.joining(" → "))
        + " → " + roleArn.substring(roleArn.lastIndexOf('/') + 1);
    ScenarioEvaluator.Assumed assumed =
        evaluator.assume(who, roleArn, parameters, call + ", hop " + chain.size() + " of the role chain " + path + ": ");
    List<IamPrincipal> longer = new ArrayList<>(chain);
    longer.add(assumed.principal());
    return new DefaultIamScenario(assumed.evaluator(), Optional.of(assumed.principal()), longer);
  }

  @Override
  public Optional<IamPrincipal> principal() {
    return principal;
  }

  @Override
  public Path projectRoot() {
    return evaluator.projectRoot();
  }

  @Override
  public Account account() {
    return evaluator.account();
  }
}
