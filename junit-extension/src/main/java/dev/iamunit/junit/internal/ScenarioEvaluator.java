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
import dev.iamunit.model.Accounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Evaluates the requests of one test over its loaded account, as its scenario annotations say:
 * every request through {@link Caller#request}, which fills the context and brings the policies
 * along, and every decision recorded in the run's statement coverage. Thread-safe; callers are
 * built once, on demand, and shared by every principal the test switches to.
 */
final class ScenarioEvaluator implements RequestEvaluator {

  private final Accounts accounts;
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
    this(Accounts.of(account), evaluator, settings, startedAt, coverage, testId);
  }

  ScenarioEvaluator(
      Accounts accounts, Evaluator evaluator, ScenarioSettings settings, Instant startedAt, CoverageSession coverage, String testId) {
    this.accounts = accounts;
    this.account = accounts.home();
    this.evaluator = evaluator;
    this.settings = settings;
    this.time = settings.time().orElse(startedAt);
    this.coverage = coverage;
    this.testId = testId;
  }

  @Override
  public String defaultResource(String action, Optional<IamPrincipal> principal) {
    // In the principal's account: "the scenario's" resources are those of the account the test places it in.
    Account where = principal.filter(p -> p.account().isPresent()).map(this::accountOf).orElse(account);
    String region = settings.context().getOrDefault("aws:RequestedRegion", List.of(where.region())).get(0);
    return DefaultResource.of(action, where, region);
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
      return callers.computeIfAbsent(principal, p -> {
        Account home = accountOf(p);
        return p.isRoot() ? Caller.root(accounts, home)
            : p.userName().isPresent() ? Caller.user(accounts, home, p.userName().get())
            : Caller.roleSession(accounts, home, p.roleName().orElseThrow(), p.sessionName().orElseThrow());
      });
    } catch (IamUnitException e) {
      throw Failures.failure(e.getMessage());
    }
  }

  /**
   * Fails the test, before its body runs, when {@code principal} is not one of the loaded
   * accounts'. A user or role name several accounts declare is checked when a request is made:
   * {@code inEveryAccountOf} makes its requests in each account, and needs no {@code @InAccount}.
   */
  void check(IamPrincipal principal) {
    if (principal.account().isPresent() || principal.isRoot() || declaring(principal).size() < 2) {
      caller(principal);
    }
  }

  private List<Account> declaring(IamPrincipal principal) {
    String name = principal.userName().or(principal::roleName).orElseThrow();
    return accounts.all().stream()
        .filter(a -> principal.userName().isPresent() ? a.user(name).isPresent() : a.role(name).isPresent()).toList();
  }

  /**
   * The account of {@code principal}: the one the test names ({@code @InAccount}); else, for a
   * user or role, the account that declares its name (the loaded account first); else the loaded
   * account, where an unknown name fails with the names it declares.
   */
  Account accountOf(IamPrincipal principal) {
    if (principal.account().isPresent()) {
      String named = principal.account().get();
      return accounts.named(named).orElseThrow(() -> new IamUnitException("@InAccount(\"" + named + "\") names no account of the "
          + "loaded sources; they load " + accounts.describe(accounts.all()) + ": give one of their names or ids"));
    }
    if (principal.isRoot()) {
      return account;
    }
    String kind = principal.userName().isPresent() ? "user" : "role";
    String name = principal.userName().or(principal::roleName).orElseThrow();
    List<Account> declaring = declaring(principal);
    if (declaring.contains(account) || declaring.isEmpty()) {
      return account;
    }
    if (declaring.size() > 1) {
      throw new IamUnitException(kind + " \"" + name + "\" is declared in " + declaring.size() + " accounts, "
          + accounts.describe(declaring) + ": name the one the test means with @InAccount");
    }
    return declaring.get(0);
  }

  @Override
  public List<String> accountsUnder(String unit) {
    List<Account> under = accounts.under(unit).orElseThrow(() -> Failures.failure("the loaded sources declare no organizational unit \""
        + unit + "\"" + accounts.tree().map(t -> "; they declare the organizational units " + t.units().stream().map(u -> u.name()).toList()
            + " and the Root").orElse(", nor any organization")));
    // By the organization's name where it is unique, else by id: messages read "in account prod".
    return under.stream().map(a -> accounts.tree().flatMap(t -> t.account(a.id())).map(m -> m.name())
        .filter(name -> accounts.named(name).filter(a::equals).isPresent()).orElse(a.id())).toList();
  }

  /** Every account the test's sources load. */
  Accounts accounts() {
    return accounts;
  }

  Account account() {
    return account;
  }

  /** When the test's requests are made: {@code @AtTime}, or when the test started. */
  Instant time() {
    return time;
  }
}
