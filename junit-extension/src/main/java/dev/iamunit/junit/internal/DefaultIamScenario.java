package dev.iamunit.junit.internal;

import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.IamRequest;
import dev.iamunit.junit.IamRequests;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.model.Account;
import java.util.Map;
import java.util.Optional;

/** An {@link IamScenario} over a loaded account: its principal, and the test's evaluator. Immutable. */
final class DefaultIamScenario implements IamScenario {

  private final ScenarioEvaluator evaluator;
  private final Optional<IamPrincipal> principal;

  DefaultIamScenario(ScenarioEvaluator evaluator, Optional<IamPrincipal> principal) {
    this.evaluator = evaluator;
    this.principal = principal;
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
  public IamScenario as(IamPrincipal other) {
    return new DefaultIamScenario(evaluator, Optional.of(other));
  }

  @Override
  public Optional<IamPrincipal> principal() {
    return principal;
  }

  @Override
  public Account account() {
    return evaluator.account();
  }
}
