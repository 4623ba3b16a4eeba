package dev.iamunit.junit.internal;

import dev.iamunit.IamUnitException;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.IamRequest;
import dev.iamunit.junit.IamRequests;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.model.Account;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An {@link IamScenario} over a loaded account. Immutable; callers are built once, on demand. */
final class DefaultIamScenario implements IamScenario {

  private final Account account;
  private final Evaluator evaluator;
  private final ScenarioSettings settings;
  private final Instant time;
  private final ConcurrentMap<IamPrincipal, Caller> callers;
  private final CoverageSession coverage;
  private final String testId;

  DefaultIamScenario(
      Account account, Evaluator evaluator, ScenarioSettings settings, Instant startedAt, CoverageSession coverage, String testId) {
    this(account, evaluator, settings, settings.time().orElse(startedAt), new ConcurrentHashMap<>(), coverage, testId);
  }

  private DefaultIamScenario(
      Account account,
      Evaluator evaluator,
      ScenarioSettings settings,
      Instant time,
      ConcurrentMap<IamPrincipal, Caller> callers,
      CoverageSession coverage,
      String testId) {
    this.account = account;
    this.evaluator = evaluator;
    this.settings = settings;
    this.time = time;
    this.callers = callers;
    this.coverage = coverage;
    this.testId = testId;
  }

  @Override
  public IamRequest request(String action) {
    ActionCatalog.requireKnown(action);
    return new ScenarioRequest(this, action, Optional.empty(), Map.of(), settings.principal());
  }

  @Override
  public IamRequests requests(String actionPattern) {
    return new ScenarioRequests(this, actionPattern, ActionCatalog.expand(actionPattern), Optional.empty(), Map.of());
  }

  @Override
  public IamScenario as(IamPrincipal principal) {
    return new DefaultIamScenario(account, evaluator, settings.withPrincipal(principal), time, callers, coverage, testId);
  }

  @Override
  public Optional<IamPrincipal> principal() {
    return settings.principal();
  }

  @Override
  public Account account() {
    return account;
  }

  /** Decides a request and records the decision in the run's statement coverage. */
  Decision decide(Request request, PolicySet policies) {
    Decision decision = evaluator.evaluate(request, policies);
    coverage.record(request, policies, decision, testId);
    return decision;
  }

  /** The resource of a request on {@code action} that names none: see {@link DefaultResource}. */
  String defaultResource(String action) {
    String region = settings.context().getOrDefault("aws:RequestedRegion", List.of(account.region())).get(0);
    return DefaultResource.of(action, account, region);
  }

  Evaluator evaluator() {
    return evaluator;
  }

  ScenarioSettings settings() {
    return settings;
  }

  Instant time() {
    return time;
  }

  /** The caller for {@code principal}; an unknown one fails the test with a suggestion. */
  Caller caller(IamPrincipal principal) {
    try {
      return callers.computeIfAbsent(principal, p -> p.isRoot() ? Caller.root(account)
          : p.userName().isPresent() ? Caller.user(account, p.userName().get())
          : Caller.roleSession(account, p.roleName().orElseThrow(), p.sessionName().orElseThrow()));
    } catch (IamUnitException e) {
      throw Failures.failure(e.getMessage());
    }
  }
}
