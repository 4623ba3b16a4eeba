package dev.iamunit.junit.internal;

import dev.iamunit.IamUnitException;
import dev.iamunit.eval.BoundRequest;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.UnresolvedValueException;
import dev.iamunit.junit.Evaluation;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.model.Account;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Evaluates the requests of one test over its loaded account, as its scenario annotations say:
 * every request through {@link Caller#request}, which fills the context and brings the policies
 * along, and every decision recorded in the run's statement coverage. Thread-safe; callers are
 * built once, on demand, and shared by every principal the test switches to.
 */
final class ScenarioEvaluator implements RequestEvaluator {

  private final Account account;
  private final Evaluator evaluator;
  private final ScenarioSettings settings;
  private final Instant time;
  private final CoverageSession coverage;
  private final String testId;
  private final ConcurrentMap<IamPrincipal, Caller> callers = new ConcurrentHashMap<>();
  /** The callers of the test's requests, with the tags {@code @WithPrincipalTag} gives them. */
  private final ConcurrentMap<IamPrincipal, Caller> tagged = new ConcurrentHashMap<>();

  ScenarioEvaluator(
      Account account, Evaluator evaluator, ScenarioSettings settings, Instant startedAt, CoverageSession coverage, String testId) {
    this.account = account;
    this.evaluator = evaluator;
    this.settings = settings;
    this.time = settings.time().orElse(startedAt);
    this.coverage = coverage;
    this.testId = testId;
  }

  @Override
  public String defaultResource(String action) {
    String region = settings.context().getOrDefault("aws:RequestedRegion", List.of(account.region())).get(0);
    return DefaultResource.of(action, account, region);
  }

  @Override
  public List<Evaluation> evaluations(ScenarioRequest request) {
    IamPrincipal who = request.principal().orElseThrow(() -> Failures.failure("the request " + request.action()
        + " has no principal: annotate the test or its class with @AsUser, @AsRole or @AsRootUser, or call "
        + ".as(IamPrincipal.user(\"name\"))"));
    Caller caller = tagged.computeIfAbsent(who, p -> caller(p).withPrincipalTags(settings.principalTags()));
    Map<String, List<String>> context = new LinkedHashMap<>(settings.context());
    context.putAll(request.context());
    List<Evaluation> evaluations = new ArrayList<>();
    for (CredentialKind kind : settings.credentials().kindsFor(who)) {
      try {
        BoundRequest bound = caller.request(request.action(), request.resource(), kind, time, context);
        evaluations.add(new Evaluation(who, kind, bound.request(), decide(bound)));
      } catch (UnresolvedValueException e) {
        throw Failures.failure(UnresolvedValueMessage.of(request.describe(kind), e.values()));
      } catch (IamUnitException e) {
        throw Failures.failure(request.describe(kind) + " cannot be evaluated: " + e.getMessage());
      }
    }
    return List.copyOf(evaluations);
  }

  /** Decides a request with its full explanation and records the decision in the run's statement coverage. */
  Decision decide(BoundRequest request) {
    Decision decision = evaluator.explain(request);
    coverage.record(request.request(), request.policies(), decision, testId);
    return decision;
  }

  /** The caller for {@code principal}, without test tags; an unknown one fails the test with a suggestion. */
  Caller caller(IamPrincipal principal) {
    try {
      return callers.computeIfAbsent(principal, p -> p.isRoot() ? Caller.root(account)
          : p.userName().isPresent() ? Caller.user(account, p.userName().get())
          : Caller.roleSession(account, p.roleName().orElseThrow(), p.sessionName().orElseThrow()));
    } catch (IamUnitException e) {
      throw Failures.failure(e.getMessage());
    }
  }

  Account account() {
    return account;
  }

  /** When the test's requests are made: {@code @AtTime}, or when the test started. */
  Instant time() {
    return time;
  }
}
