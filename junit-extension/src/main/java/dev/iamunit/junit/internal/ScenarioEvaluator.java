package dev.iamunit.junit.internal;

import dev.iamunit.IamUnitException;
import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.AssumeRoleParameters;
import dev.iamunit.eval.BoundRequest;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.RoleAssumption;
import dev.iamunit.eval.UnresolvedValueException;
import dev.iamunit.eval.space.AllowedRequests;
import dev.iamunit.eval.space.SpaceWalk;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.iac.Partition;
import dev.iamunit.junit.Evaluation;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.SpaceSearch;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.OrganizationPath;
import dev.iamunit.model.Unresolved;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * Evaluates the requests of one test over its loaded account, as its scenario annotations say:
 * every request through {@link Caller#request}, which fills the context and brings the policies
 * along, and every decision recorded in the run's statement coverage. Thread-safe; callers are
 * built once, on demand, and shared by every principal the test switches to. A scenario that
 * assumed a role has an evaluator of its own that also knows the role sessions its chain made
 * ({@link #assume}).
 */
final class ScenarioEvaluator implements RequestEvaluator {

  private final Accounts accounts;
  /** The folder the test's sources are relative to ({@code IamTest.PROJECT_ROOT_PROPERTY_NAME}). */
  private final Path projectRoot;
  private final Account account;
  /**
   * The roles IAM Identity Center provisions for the permission sets, in each account: read from
   * every account when a permission set is first asked for, as few tests ask for one.
   */
  private volatile PermissionSetRoles permissionSets;
  private final Evaluator evaluator;
  private final ScenarioSettings settings;
  private final Instant time;
  private final CoverageSession coverage;
  private final String testId;
  private final ConcurrentMap<IamPrincipal, Caller> callers;
  /** The role sessions the scenario's chain of {@link #assume} made, by their principal; they win over {@link #callers}. */
  private final Map<IamPrincipal, Caller> sessions;
  /** The callers of the test's requests, with the tags {@code @WithPrincipalTag} gives them. */
  private final ConcurrentMap<IamPrincipal, Caller> tagged = new ConcurrentHashMap<>();

  ScenarioEvaluator(
      Account account, Evaluator evaluator, ScenarioSettings settings, Instant startedAt, CoverageSession coverage, String testId) {
    this(Accounts.of(account), evaluator, settings, startedAt, coverage, testId, Path.of("").toAbsolutePath());
  }

  ScenarioEvaluator(Accounts accounts, Evaluator evaluator, ScenarioSettings settings, Instant startedAt, CoverageSession coverage,
      String testId, Path projectRoot) {
    this.projectRoot = projectRoot;
    this.accounts = accounts;
    this.account = accounts.home();
    this.evaluator = evaluator;
    this.settings = settings;
    this.time = settings.time().orElse(startedAt);
    this.coverage = coverage;
    this.testId = testId;
    this.callers = new ConcurrentHashMap<>();
    this.sessions = Map.of();
  }

  /** {@code base} knowing {@code sessions} too; it shares {@code base}'s callers. */
  private ScenarioEvaluator(ScenarioEvaluator base, Map<IamPrincipal, Caller> sessions) {
    this.projectRoot = base.projectRoot;
    this.accounts = base.accounts;
    this.account = base.account;
    this.permissionSets = base.permissionSets;
    this.evaluator = base.evaluator;
    this.settings = base.settings;
    this.time = base.time;
    this.coverage = base.coverage;
    this.testId = base.testId;
    this.callers = base.callers;
    this.sessions = Map.copyOf(sessions);
  }

  @Override
  public String defaultResource(String action, Optional<IamPrincipal> principal) {
    // In the principal's account: "the scenario's" resources are those of the account the test places it in.
    Account where = principal.filter(p -> p.account().isPresent()).map(this::accountOf).orElse(account);
    requireRegionsOf(where, settings.context());
    String region = settings.context().getOrDefault("aws:RequestedRegion", List.of(where.region())).get(0);
    return DefaultResource.of(action, where, region);
  }

  /**
   * Fails the test when a requested Region ({@code @InRegion}, {@code aws:RequestedRegion} in a
   * request's context) is not in the partition of the account whose principal asks, through the
   * one check every tool applies ({@link Partition#checkRequestRegion}).
   */
  private static void requireRegionsOf(Account account, Map<String, List<String>> context) {
    for (String region : context.getOrDefault("aws:RequestedRegion", List.of())) {
      try {
        Partition.checkRequestRegion(region, account.partition(), "account " + account.id());
      } catch (IllegalArgumentException e) {
        throw Failures.failure("the request's region " + region + " (@InRegion, or aws:RequestedRegion in its context) is not one "
            + "the scenario's principal can ask in: " + e.getMessage());
      }
    }
  }

  @Override
  public List<Evaluation> evaluations(ScenarioRequest request) {
    IamPrincipal who = request.principal().orElseThrow(() -> Failures.failure("the request " + request.action()
        + " has no principal: annotate the test or its class with @AsUser, @AsRole or @AsRootUser, or call "
        + ".as(IamPrincipal.user(\"name\"))"));
    Caller caller = requestCaller(who);
    Map<String, List<String>> context = new LinkedHashMap<>(settings.context());
    context.putAll(request.context());
    requireRegionsOf(caller.account(), context);
    List<Evaluation> evaluations = new ArrayList<>();
    for (CredentialKind kind : settings.credentials().kindsFor(who)) {
      try {
        BoundRequest bound = caller.request(request.action(), request.resource(), kind, time, context);
        evaluations.add(new Evaluation(placed(who), kind, bound.request(), decide(bound)));
      } catch (UnresolvedValueException e) {
        throw Failures.failure(UnresolvedValueMessage.of(request.describe(kind), e.values()));
      } catch (IamUnitException e) {
        throw Failures.failure(request.describe(kind) + " cannot be evaluated: " + e.getMessage());
      }
    }
    return List.copyOf(evaluations);
  }

  @Override
  public SpaceSearch allowedRequests(Optional<IamPrincipal> principal, Predicate<String> actions) {
    IamPrincipal who = principal.orElseThrow(() -> Failures.failure("the scenario has no principal whose requests to search: "
        + "annotate the test or its class with @AsUser, @AsRole or @AsRootUser, or call .as(IamPrincipal.user(\"name\"))"));
    Caller caller = requestCaller(who);
    requireRegionsOf(caller.account(), settings.context());
    AllowedRequests.Result result;
    try {
      result = AllowedRequests.of(AwsData.bundled(), evaluator)
          .search(caller, settings.credentials().searchedFor(who), time, settings.context(), settings.time().isPresent(), actions);
    } catch (UnresolvedValueException e) {
      throw Failures.failure(UnresolvedValueMessage.of("the search for allowed requests of " + who, e.values()));
    } catch (IamUnitException e) {
      throw Failures.failure("the requests of " + who + " cannot be searched: " + e.getMessage());
    }
    List<SpaceSearch.Allowed> allowed = new ArrayList<>();
    for (AllowedRequests.Found found : result.allowed()) {
      // Explained (and recorded in coverage) as any request of the test: the found ones are few.
      BoundRequest bound = found.request();
      allowed.add(new SpaceSearch.Allowed(new Evaluation(placed(who), bound.request().credentials(), bound.request(), decide(bound)),
          found.varied(), found.alike()));
    }
    List<String> sampled = result.sampled().stream().map(SpaceWalk.Sampled::describe).toList();
    return new SpaceSearch(allowed, sampled, result.actions(), result.requests());
  }

  /** Decides a request with its full explanation and records the decision in the run's statement coverage. */
  Decision decide(BoundRequest request) {
    Decision decision = evaluator.explain(request);
    coverage.record(request.request(), request.policies(), decision, testId);
    return decision;
  }

  /** The caller of {@code principal}'s requests in this test: with the tags {@code @WithPrincipalTag} gives it. */
  private Caller requestCaller(IamPrincipal principal) {
    return tagged.computeIfAbsent(principal, p -> caller(p).withPrincipalTags(settings.principalTags()));
  }

  /**
   * The caller for {@code principal}, without test tags: a role session the scenario assumed, or
   * one built from its account; an unknown one fails the test with a suggestion.
   */
  Caller caller(IamPrincipal principal) {
    Caller session = sessions.get(principal);
    if (session != null) {
      return session;
    }
    try {
      return callers.computeIfAbsent(principal, p -> {
        Account home = accountOf(p);
        if (p.permissionSet().isPresent()) {
          String set = p.permissionSet().get();
          String role = permissionSets().role(home, set).orElseThrow(() -> new IamUnitException(
              permissionSets().whyNoRole(home, set, p.account().isEmpty()))).name();
          return Caller.roleSession(accounts, home, role, p.sessionName().orElseThrow());
        }
        return p.isRoot() ? Caller.root(accounts, home)
            : p.userName().isPresent() ? Caller.user(accounts, home, p.userName().get())
            : Caller.roleSession(accounts, home, p.roleName().orElseThrow(), p.sessionName().orElseThrow());
      });
    } catch (IamUnitException e) {
      throw Failures.failure(e.getMessage());
    }
  }

  private PermissionSetRoles permissionSets() {
    PermissionSetRoles roles = permissionSets;
    if (roles == null) {
      roles = new PermissionSetRoles(accounts); // a race builds two equal ones: harmless
      permissionSets = roles;
    }
    return roles;
  }

  /**
   * Fails the test, before its body runs, when {@code principal} is not one of the loaded
   * accounts'. A user or role name several accounts declare, and a permission set the test names
   * no account for, are checked when a request is made: {@code inEveryAccountOf} makes its requests
   * in each account, and needs neither {@code @InAccount} nor the permission set in the loaded
   * account.
   */
  void check(IamPrincipal principal) {
    if (principal.permissionSet().isPresent() && principal.account().isEmpty()) {
      if (!permissionSets().declares(principal.permissionSet().get())) {
        caller(principal);
      }
    } else if (principal.account().isPresent() || principal.isRoot() || homesOf(principal).size() < 2) {
      caller(principal);
    }
  }

  /**
   * {@code principal} in its account: a permission set's session as the session of the role IAM
   * Identity Center provisioned there, the others (and a permission set not provisioned there) as
   * they are.
   */
  IamPrincipal placed(IamPrincipal principal) {
    if (principal.permissionSet().isEmpty() || principal.roleName().isPresent()) {
      return principal;
    }
    return permissionSets().role(accountOf(principal), principal.permissionSet().get())
        .map(role -> new IamPrincipal(Optional.empty(), Optional.of(role.name()), principal.sessionName(), principal.account(),
            principal.permissionSet()))
        .orElse(principal);
  }

  /**
   * Why {@code principal} does not exist in its account, when it does not: the account declares no
   * user or role of its name, or IAM Identity Center provisioned no role there for its permission
   * set. Empty for the root user, a role session the scenario assumed, and a principal that exists.
   */
  @Override
  public Optional<String> missing(IamPrincipal principal) {
    if (principal.isRoot() || sessions.containsKey(principal)) {
      return Optional.empty();
    }
    Account where;
    try {
      where = accountOf(principal);
    } catch (IamUnitException e) {
      throw Failures.failure(e.getMessage());
    }
    if (principal.permissionSet().isPresent()) {
      String set = principal.permissionSet().get();
      return permissionSets().role(where, set).isPresent() ? Optional.empty() : Optional.of(permissionSets().whyNoRoleIn(where, set));
    }
    boolean exists = principal.userName().isPresent() ? where.user(principal.userName().get()).isPresent()
        : where.role(principal.roleName().orElseThrow()).isPresent();
    return exists ? Optional.empty() : Optional.of("account " + accounts.describe(where) + " declares no "
        + (principal.userName().isPresent() ? "user " + principal.userName().get() : "role " + principal.roleName().get()));
  }

  private List<Account> homesOf(IamPrincipal principal) {
    return accounts.homesOf(principal.userName().isEmpty(), principal.userName().or(principal::roleName).orElseThrow());
  }

  /**
   * The account of {@code principal}: the one the test names ({@code @InAccount}); else, for a
   * user or role, the account that declares its name (the loaded account first); else (the root
   * user, a permission set's session) the loaded account, where an unknown name fails with the
   * names it declares. A name several accounts are given fails, naming their ids.
   */
  Account accountOf(IamPrincipal principal) {
    if (principal.account().isPresent()) {
      String named = principal.account().get();
      try {
        return accounts.requireNamed(named);
      } catch (IamUnitException unknownOrAmbiguous) {
        throw new IamUnitException("@InAccount(\"" + named + "\"): " + unknownOrAmbiguous.getMessage());
      }
    }
    if (principal.isRoot() || principal.permissionSet().isPresent()) {
      return account;
    }
    String kind = principal.userName().isPresent() ? "user" : "role";
    String name = principal.userName().or(principal::roleName).orElseThrow();
    List<Account> homes = homesOf(principal);
    if (homes.size() > 1) {
      throw new IamUnitException(kind + " \"" + name + "\" is declared in " + homes.size() + " accounts, "
          + accounts.describe(homes) + ": name the one the test means with @InAccount");
    }
    return homes.get(0);
  }

  @Override
  public List<String> accountsUnder(String unit) {
    Optional<List<Account>> found;
    try {
      found = accounts.under(unit);
    } catch (IamUnitException ambiguous) {
      throw Failures.failure("inEveryAccountOf(\"" + unit + "\"): " + ambiguous.getMessage());
    }
    List<Account> under = found.orElseThrow(() -> Failures.failure("the loaded sources declare no organizational unit \""
        + unit + "\"" + accounts.tree().map(t -> "; they declare the organizational units " + String.join(", ", t.units().stream()
            .map(u -> OrganizationPath.of(t, u.id()).map(Object::toString).orElse(u.id())).toList()) + " and the Root: give a unit's name, "
            + "its path from the root or its id").orElse(", nor any organization")));
    // By the organization's name where it is unique, else by id: messages read "in account prod".
    return under.stream().map(a -> accounts.tree().flatMap(t -> t.account(a.id())).map(m -> m.name())
        .filter(name -> accounts.allNamed(OrganizationPath.escape(name)).equals(List.of(a))).orElse(a.id())).toList();
  }

  /**
   * {@code who} assumes the role {@code roleArn} with {@code parameters} ({@link RoleAssumption},
   * the one rule): its call made as its requests are (the test's tags, context keys and time),
   * under each kind of credentials the scenario stands for, each permission decided and recorded in
   * coverage like any request. A refusal fails the test with {@code step} (which names where in the
   * test the call is made), the permission and its decision in the words of the one renderer, or
   * the rule of STS that refused it.
   *
   * @return the session's principal, and an evaluator that knows the session
   */
  Assumed assume(IamPrincipal who, String roleArn, AssumeRoleParameters parameters, String step) {
    RoleAssumption call;
    try {
      call = RoleAssumption.of(roleAccount(roleArn), roleArn, parameters);
    } catch (IamUnitException e) {
      throw Failures.failure(step + e.getMessage());
    }
    Caller caller = requestCaller(who);
    Caller session = null;
    for (CredentialKind kind : settings.credentials().kindsFor(who)) {
      RoleAssumption.Result result;
      try {
        result = call.by(caller, kind, time, settings.context(), this::decide);
      } catch (UnresolvedValueException e) {
        throw Failures.failure(step + UnresolvedValueMessage.of(describe("sts:AssumeRole", call.role().arn(), who, kind), e.values()));
      } catch (IamUnitException e) {
        throw Failures.failure(step + describe("sts:AssumeRole", call.role().arn(), who, kind) + " cannot be evaluated: " + e.getMessage());
      }
      if (result instanceof RoleAssumption.Refused refused) {
        String cannot = step + who(who) + " cannot assume role " + call.role().name() + ", so the scenario cannot happen";
        throw Failures.failure(refused.check()
            .map(check -> cannot + "; " + describe(check.request().request().action(), call.role().arn(), who, kind) + " was "
                // In the words of the assertion messages: the same request described alike, the decision by the one renderer.
                + DecisionText.explained(check.decision(), Optional.of(check.request().request().context())))
            .orElse(cannot + ": " + refused.reason()));
      }
      session = ((RoleAssumption.Assumed) result).session();
    }
    Account owner = roleAccount(roleArn);
    IamPrincipal named = IamPrincipal.role(call.role().name(), parameters.sessionName());
    // A session of another account's role says which account it is in, as @InAccount would.
    IamPrincipal assumed = owner.equals(account) ? named : named.inAccount(owner.id());
    Map<IamPrincipal, Caller> known = new HashMap<>(sessions);
    known.put(assumed, session);
    return new Assumed(assumed, new ScenarioEvaluator(this, known));
  }

  /** A role session a scenario assumed, and the evaluator of the scenario that acts as it. */
  record Assumed(IamPrincipal principal, ScenarioEvaluator evaluator) {}

  /**
   * The loaded account that owns {@code roleArn} ({@link Accounts#owning}): the one place a role's
   * account is found. For an account the sources do not load, the loaded account, of which
   * {@link RoleAssumption#of} says that the ARN names another.
   */
  private Account roleAccount(String roleArn) {
    return accounts.owning(roleArn).orElse(account);
  }

  /** {@code sts:AssumeRole on ARN as MFAUser (long-term access keys)}, as {@link ScenarioRequest#describe} says a request. */
  private String describe(String action, String arn, IamPrincipal who, CredentialKind kind) {
    return action + " on " + Unresolved.readable(arn, account.unresolved()) + " as " + who + " (" + kind.description() + ")";
  }

  /** {@code user MFAUser}, {@code role session Deployer/ci}, {@code the account's root user}. */
  private static String who(IamPrincipal principal) {
    return principal.isRoot() ? principal.toString() : (principal.userName().isPresent() ? "user " : "role session ") + principal;
  }

  /** Every account the test's sources load. */
  Accounts accounts() {
    return accounts;
  }

  Account account() {
    return account;
  }

  Path projectRoot() {
    return projectRoot;
  }
}
