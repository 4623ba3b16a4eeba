package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.aws.AwsData;
import dev.iamunit.aws.ManagedPolicyDocument;
import dev.iamunit.iac.HomeAccount;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadedSources;
import java.nio.file.Path;
import dev.iamunit.eval.BoundRequest;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.StatementResult;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.UnresolvedValueException;
import dev.iamunit.eval.space.ActionClasses;
import dev.iamunit.eval.space.ActionRegions;
import dev.iamunit.eval.space.ApplicablePolicies;
import dev.iamunit.eval.space.KeyValue;
import dev.iamunit.eval.space.RequestRegions;
import dev.iamunit.eval.space.SpaceWalk;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Compares two versions of an account over the complete request space ({@code eval.space}): every
 * principal of either version, every action of the bundled catalog in classes the policies cannot
 * tell apart ({@link ActionClasses}), the credential kinds, and one request per region of resources
 * and condition values ({@link RequestRegions}), walked as the whole-catalog assertions walk one
 * version ({@link SpaceWalk}, over {@link ApplicablePolicies}). A principal/action pair whose
 * regions would be too many is decided over the sampled space instead ({@link ResourceSamples}, {@link
 * ConditionSamples}), and the report names it. Each request is decided on the fast path; only the
 * requests whose answers differ are evaluated again for their deciding statements.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AccessDiffer {

  /** Every request is made at this instant, so that reports are reproducible. */
  public static final Instant REQUEST_TIME = Instant.parse("2026-01-01T00:00:00Z");

  /** The name of the session a role's requests come from. */
  public static final String ROLE_SESSION = "iamunit";

  private final AwsData aws;
  private final Evaluator evaluator = Evaluator.standard();
  private final boolean scoped;

  private AccessDiffer(AwsData aws, boolean scoped) {
    this.aws = aws;
    this.scoped = scoped;
  }

  /**
   * A differ that expands actions and ARN formats through the bundled AWS data, and decides only
   * the principals whose answers the change can affect ({@link Scope}).
   */
  public static AccessDiffer standard() {
    return new AccessDiffer(AwsData.bundled(), true);
  }

  /**
   * This differ deciding every principal of either version, whatever changed: the reference the
   * scoped diff is checked against, and what it costs without scoping.
   */
  public AccessDiffer everyPrincipal() {
    return new AccessDiffer(aws, false);
  }

  /**
   * A principal of one account; {@code where} is empty when only one account is compared, else
   * " in prod (111111111111)", so that a name two accounts declare reads as two principals.
   */
  record Principal(String account, boolean role, String name, String where) {
    String label() {
      return (role ? "role " : "user ") + name + where;
    }
  }

  /** A principal decided, as it is in each version: null in a version that does not declare it. */
  private record Asked(Principal principal, Caller base, Caller head) {}

  /**
   * Loads {@code sources} (paths relative to each version's root) from both versions and compares
   * them, with the default account, region and partition.
   */
  public AccessDiff compare(Version base, Version head, List<String> sources, SourceFormats formats) {
    return compare(base, head, sources, formats, LoadOptions.defaults());
  }

  /**
   * Loads {@code sources} (paths relative to each version's root) from both versions through
   * {@code formats}, with {@code options}' account, region, partition and values, and compares
   * them. File names in the report are relative to each version's root, so the same file has the
   * same name on both sides. What either load could not read or compute is in the diff's gaps.
   */
  public AccessDiff compare(Version base, Version head, List<String> sources, SourceFormats formats, LoadOptions options) {
    BackgroundLoad baseLoad = loadInBackground(base, sources, formats, options);
    LoadedSources headLoad;
    try {
      headLoad = load(HEAD, head, sources, formats, options);
    } catch (RuntimeException | Error e) {
      baseLoad.abandon();
      throw e;
    }
    return compare(base, head, baseLoad.join(), headLoad);
  }

  /** A diff, and the home account both versions were loaded into. */
  public record InHome(AccessDiff diff, HomeAccount home) {}

  /**
   * As {@link #compare(Version, Version, List, SourceFormats, LoadOptions)}, both versions loaded
   * into one home account, the head's, by the rule every tool applies ({@link HomeAccount}):
   * {@code options}' account when {@code accountGiven}, else the one the head's sources declare,
   * else {@code options}' account.
   */
  public InHome compareInHome(Version base, Version head, List<String> sources, SourceFormats formats, LoadOptions options,
      boolean accountGiven) {
    // The base loads beside each load of the head, into the same account: the home is almost always
    // the account of the head's first load, and is only known once the head is loaded.
    Map<String, BackgroundLoad> baseLoads = new HashMap<>();
    HomeAccount.Loaded headLoad;
    try {
      headLoad = HomeAccount.load(o -> {
        baseLoads.computeIfAbsent(o.accountId(), id -> loadInBackground(base, sources, formats, o));
        return load(HEAD, head, sources, formats, o);
      }, loadOptions(head, options), accountGiven);
    } catch (RuntimeException | Error e) {
      baseLoads.values().forEach(BackgroundLoad::abandon);
      throw e;
    }
    String home = headLoad.home().id();
    BackgroundLoad baseLoad = baseLoads.computeIfAbsent(home, id -> loadInBackground(base, sources, formats, options.withAccountId(id)));
    baseLoads.values().stream().filter(load -> load != baseLoad).forEach(BackgroundLoad::abandon);
    return new InHome(compare(base, head, baseLoad.join(), headLoad.sources()), headLoad.home());
  }

  /** The base's sources loading with {@code options} on a thread of their own ({@link BackgroundLoad}). */
  private BackgroundLoad loadInBackground(Version base, List<String> sources, SourceFormats formats, LoadOptions options) {
    return BackgroundLoad.start(base.name(), () -> load(BASE, base, sources, formats, options));
  }

  private static final String BASE = "base";
  private static final String HEAD = "head";

  /**
   * {@code version}'s sources loaded with {@code options}: the one place either version loads, so
   * that a mistake in its sources is thrown naming the version ({@link VersionLoadException}).
   */
  private LoadedSources load(String side, Version version, List<String> sources, SourceFormats formats, LoadOptions options) {
    try {
      return formats.load(paths(version, sources), loadOptions(version, options));
    } catch (IamUnitException mistake) {
      throw new VersionLoadException(side, version, mistake);
    }
  }

  /** The diff of the two versions' loaded sources, with what either load could not read or compute. */
  private AccessDiff compare(Version base, Version head, LoadedSources baseLoad, LoadedSources headLoad) {
    AccessDiff diff = compare(baseLoad.accounts(), headLoad.accounts(), base.name(), head.name());
    return diff.withGaps(LoadGaps.of(baseLoad), LoadGaps.of(headLoad).plus(diff.headGaps()));
  }

  private LoadOptions loadOptions(Version version, LoadOptions defaults) {
    return defaults
        .withProjectRoot(version.root())
        .withAwsManagedPolicies(arn -> aws.managedPolicy(arn).map(ManagedPolicyDocument::document));
  }

  private static List<Path> paths(Version version, List<String> sources) {
    return (sources.isEmpty() ? List.of(".") : sources).stream()
        .map(s -> version.root().resolve(s).normalize())
        .toList();
  }

  /**
   * Every request whose answer differs between {@code base} and {@code head}: for each principal,
   * each class of actions of the whole catalog ({@link ActionClasses}) and each kind of
   * credentials, one request per region of resources and contexts ({@link RequestRegions}), which
   * proves the answer for every request of the region. Where the regions would be too many, the
   * pair is decided over the sampled space instead and the report says so.
   */
  public AccessDiff compare(Account base, Account head, String baseName, String headName) {
    return compare(Accounts.of(base), Accounts.of(head), baseName, headName);
  }

  /**
   * Every request whose answer differs between {@code base} and {@code head}, for the principals of
   * every account of either version; each request finds its resource's policy and RCPs in the
   * account that owns the resource, as {@link Caller#request} does.
   */
  public AccessDiff compare(Accounts base, Accounts head, String baseName, String headName) {
    long start = System.nanoTime();
    List<Account> both = new ArrayList<>(base.all());
    both.addAll(head.all());
    List<Principal> every = principals(base, head);
    Scope scope;
    List<Principal> principals;
    ChangeScope changes = scoped ? ChangeScope.between(base, head, every) : null;
    if (changes != null) {
      scope = changes.describe();
      principals = every.stream().filter(changes::decides).toList();
    } else {
      scope = Scope.everyPrincipal(every.size());
      principals = every;
    }
    // Each decided principal as it is in each version (null where it is not), asked in order and
    // then let go: a caller keeps the policy sets of the resources it asked about.
    Deque<Asked> asked = new ArrayDeque<>();
    List<Caller> callers = new ArrayList<>();
    for (Principal principal : principals) {
      Asked pair = new Asked(principal, caller(base, principal), caller(head, principal));
      asked.add(pair);
      Stream.of(pair.base(), pair.head()).filter(Objects::nonNull).forEach(callers::add);
    }
    // The regions separate what every policy that can apply to the decided principals' requests compares.
    List<Policy> policies = ApplicablePolicies.of(callers, both);
    callers.clear();
    List<Statement> statements = policies.stream().flatMap(p -> p.statements().stream()).toList();
    SpaceWalk walk = SpaceWalk.of(both, policies, aws);
    ResourceSamples resources = ResourceSamples.of(both, statements, aws);
    ConditionSamples conditions = ConditionSamples.of(statements);

    Run run = new Run(both);
    int credentialKinds = 0;
    List<String> sampledPairs = new ArrayList<>();
    long provedPairs = 0;
    long unaffectedPairs = 0;
    while (!asked.isEmpty()) {
      Asked pair = asked.poll();
      Principal principal = pair.principal();
      List<CredentialKind> credentials =
          CredentialKind.possibleFor(principal.role() ? CredentialKind.Signer.ROLE_SESSION : CredentialKind.Signer.USER);
      credentialKinds = Math.max(credentialKinds, credentials.size());
      Map<CredentialKind, List<RequestContext>> contexts = new LinkedHashMap<>();
      for (CredentialKind kind : credentials) {
        contexts.put(kind, Stream.of(pair.base(), pair.head()).filter(Objects::nonNull).map(c -> c.context(kind, REQUEST_TIME)).toList());
      }
      List<String> named = resources.named(variables(base, head, principal));
      SpaceWalk.Walked walked = walk.walk(contexts, named, action -> true, Set.of(), new SpaceWalk.Visitor() {
        @Override
        public boolean walks(ActionClasses.ActionClass actions) {
          // Proved without a request when false: no statement that differs for the principal can apply to the action.
          return changes == null || changes.decides(principal, actions.representative());
        }

        @Override
        public void request(ActionClasses.ActionClass actions, ActionRegions.Target target, CredentialKind kind, Map<String, KeyValue> context) {
          Map<String, List<String>> values = KeyValue.values(context);
          Set<String> absent = KeyValue.absentKeys(context);
          Map<String, String> label = labels(context);
          if (!run.decide(principal, pair.base(), pair.head(), target.action(), target.resource(), kind, values, absent, label, true,
              () -> walk.alike(actions, target))) {
            return;
          }
          // The region's ARNs of other formats: every test answers them as the target's, so their
          // answers differ where its answers differ; AWS sends other members of the class with them,
          // and each such request is decided and named on its own ARN.
          for (SpaceWalk.OtherFormat other : walk.otherFormats(actions, target)) {
            run.decide(principal, pair.base(), pair.head(), other.action(), other.resource(), kind, values, absent, label, true,
                other::alike);
          }
        }

        @Override
        public boolean decidedOtherwise(ActionClasses.ActionClass actions, CredentialKind kind, ActionRegions regions) {
          String action = actions.representative();
          sampled(run, principal, pair.base(), pair.head(), action, kind, resources.forAction(action, named), conditions,
              resource -> walk.alike(actions, new ActionRegions.Target(action, resource)));
          return true;
        }
      });
      run.mostContexts = Math.max(run.mostContexts, walked.mostContexts());
      unaffectedPairs += walked.skipped();
      provedPairs += walked.classes() - walked.sampled().size();
      walked.sampled().forEach(s -> sampledPairs.add(principal.label() + " " + s.describe()));
    }
    ActionClasses classes = walk.classes();
    run.rows.sort(ROW_ORDER);
    RequestSpace space = new RequestSpace(
        principals.size(), classes.actions(), run.resourcesAsked.size(), credentialKinds,
        run.mostContexts, run.requests, notes(classes, conditions, sampledPairs.isEmpty(), unaffectedPairs),
        new RequestSpace.Proof(provedPairs, sampledPairs), scope);
    return new AccessDiff(baseName, headName, space, run.rows, Duration.ofNanos(System.nanoTime() - start))
        .withGaps(LoadGaps.NONE, new LoadGaps(List.of(), List.of(), run.undecided.gaps()))
        .withEditsBetween(base, head);
  }

  /**
   * The sampled space for one principal, action and credentials: the fallback, stated as such. A
   * request that differs names the actions of the class AWS sends with its resource, {@code
   * alikeOn} it, which the policies decide as they decide {@code action}.
   */
  private static void sampled(Run run, Principal principal, Caller baseCaller, Caller headCaller, String action, CredentialKind kind,
      List<String> resources, ConditionSamples conditions, java.util.function.Function<String, List<String>> alikeOn) {
    List<Map<String, KeyValue>> contexts = conditions.contextsFor(action);
    run.mostContexts = Math.max(run.mostContexts, contexts.size());
    for (String resource : resources) {
      for (Map<String, KeyValue> context : contexts) {
        Map<String, List<String>> extra = KeyValue.values(context);
        if (!kind.withMfa() && mentionsMfaAge(extra)) {
          continue;
        }
        run.decide(principal, baseCaller, headCaller, action, resource, kind, extra, KeyValue.absentKeys(context), labels(context), false,
            () -> alikeOn.apply(resource));
      }
    }
  }

  /** A context as a report shows it ({@link KeyValue#label()}). */
  private static Map<String, String> labels(Map<String, KeyValue> context) {
    Map<String, String> labels = new LinkedHashMap<>();
    context.forEach((k, v) -> labels.put(k, v.label()));
    return labels;
  }

  /** What one comparison accumulates: the rows, the undecided requests, what was asked. */
  private final class Run {
    private final List<Unresolved> unresolved = new ArrayList<>();
    final List<DiffRow> rows = new ArrayList<>();
    final UndecidedRequests undecided = new UndecidedRequests();
    final Set<String> resourcesAsked = new HashSet<>();
    long requests;
    int mostContexts = 1;

    Run(List<Account> accounts) {
      // A resource named with an unresolved value reads as <unresolved: ...> in the report.
      accounts.forEach(a -> unresolved.addAll(a.unresolved()));
    }

    /** Decides one request in both versions; true when the answers differ, and a row says how. */
    boolean decide(Principal principal, Caller baseCaller, Caller headCaller, String action, String resource, CredentialKind kind,
        Map<String, List<String>> extra, Set<String> absent, Map<String, String> label, boolean proved,
        java.util.function.Supplier<List<String>> alike) {
      resourcesAsked.add(resource);
      requests++;
      BoundRequest baseRequest = baseCaller == null ? null : baseCaller.request(action, resource, kind, REQUEST_TIME, extra, absent);
      BoundRequest headRequest = headCaller == null ? null : headCaller.request(action, resource, kind, REQUEST_TIME, extra, absent);
      Decision b;
      Decision h;
      try {
        b = baseRequest == null ? null : evaluator.decide(baseRequest);
      } catch (UnresolvedValueException e) {
        // The base's decision is unknown: an ALLOWED head could be new access.
        Decision known = headRequest == null ? null : decideOrNull(headRequest);
        if (known == null || known.isAllowed()) {
          undecided.add("base", baseCaller.account(), baseRequest.request(), e);
        }
        return false;
      }
      try {
        h = headRequest == null ? null : evaluator.decide(headRequest);
      } catch (UnresolvedValueException e) {
        // The head's decision is unknown: unless the base allowed it already, it could be new access.
        if (b == null || !b.isAllowed()) {
          undecided.add("head", headCaller.account(), headRequest.request(), e);
        }
        return false;
      }
      if (same(b, h)) {
        return false;
      }
      SideDecision baseSide = baseRequest == null ? SideDecision.NO_PRINCIPAL : side(evaluator.explain(baseRequest));
      SideDecision headSide = headRequest == null ? SideDecision.NO_PRINCIPAL : side(evaluator.explain(headRequest));
      rows.add(new DiffRow(
          change(baseSide, headSide), Unresolved.readable(principal.label(), unresolved), action,
          Unresolved.readable(resource, unresolved), kind, label, baseSide, headSide, proved, principal.account(), alike.get()));
      return true;
    }
  }

  private Decision decideOrNull(BoundRequest request) {
    try {
      return evaluator.decide(request);
    } catch (UnresolvedValueException e) {
      return null;
    }
  }

  private static final Comparator<DiffRow> ROW_ORDER = Comparator.comparing(DiffRow::change)
      .thenComparing(DiffRow::principal)
      .thenComparing(DiffRow::action)
      .thenComparing(DiffRow::resource)
      .thenComparing(DiffRow::credentials)
      .thenComparing(r -> new TreeMap<>(r.context()).toString());

  /** The principals of every account of either version, home account first, then by account id. */
  private static List<Principal> principals(Accounts base, Accounts head) {
    Set<Principal> all = new java.util.TreeSet<>(Comparator.comparing((Principal p) -> !p.account().equals(base.home().id()))
        .thenComparing(Principal::account).thenComparing(Principal::role).thenComparing(Principal::name));
    for (Accounts version : List.of(base, head)) {
      for (Account account : version.all()) {
        String where = where(base, head, account.id());
        account.users().keySet().forEach(name -> all.add(new Principal(account.id(), false, name, where)));
        account.roles().keySet().forEach(name -> all.add(new Principal(account.id(), true, name, where)));
      }
    }
    return List.copyOf(all);
  }

  /**
   * How a principal's label names its account: nothing when the versions load one account, else
   * {@code " in prod (111111111111)"} (the head's name for it, or the base's).
   */
  static String where(Accounts base, Accounts head, String accountId) {
    if (accountIds(base, head).size() < 2) {
      return "";
    }
    return " in " + head.byId(accountId).map(head::describe).orElseGet(() -> base.describe(base.byId(accountId).orElseThrow()));
  }

  /** The ids of the accounts either version loads. */
  static Set<String> accountIds(Accounts base, Accounts head) {
    Set<String> ids = new java.util.LinkedHashSet<>();
    base.all().forEach(a -> ids.add(a.id()));
    head.all().forEach(a -> ids.add(a.id()));
    return ids;
  }

  private static Caller caller(Accounts accounts, Principal principal) {
    Account account = accounts.byId(principal.account()).orElse(null);
    if (account == null) {
      return null;
    }
    if (principal.role()) {
      return account.role(principal.name()).isPresent() ? Caller.roleSession(accounts, account, principal.name(), ROLE_SESSION) : null;
    }
    return account.user(principal.name()).isPresent() ? Caller.user(accounts, account, principal.name()) : null;
  }

  /** The policy variables a named resource may use for this principal, keys in lower case. */
  private static Map<String, String> variables(Accounts base, Accounts head, Principal principal) {
    Map<String, String> variables = new HashMap<>();
    for (Account account : List.of(base, head).stream().flatMap(v -> v.byId(principal.account()).stream()).toList()) {
      if (principal.role()) {
        account.role(principal.name()).map(Role::tags).ifPresent(tags -> tags.forEach(
            (k, v) -> variables.put("aws:principaltag/" + k.toLowerCase(Locale.ROOT), v)));
      } else {
        account.user(principal.name()).map(User::tags).ifPresent(tags -> tags.forEach(
            (k, v) -> variables.put("aws:principaltag/" + k.toLowerCase(Locale.ROOT), v)));
      }
    }
    if (!principal.role()) {
      variables.put("aws:username", principal.name());
    }
    return variables;
  }

  private static boolean mentionsMfaAge(Map<String, List<String>> context) {
    for (String key : context.keySet()) {
      if (key.equalsIgnoreCase("aws:MultiFactorAuthAge")) {
        return true;
      }
    }
    return false;
  }

  private static boolean same(Decision base, Decision head) {
    if (base == null || head == null) {
      // A principal in one version only: the other denies it everything implicitly.
      Decision present = base == null ? head : base;
      return present == null || present.outcome() == dev.iamunit.eval.Outcome.IMPLICIT_DENY;
    }
    if (base.outcome() != head.outcome()) {
      return false;
    }
    if (base.deciding().isEmpty() && head.deciding().isEmpty()) {
      return true;
    }
    return identities(base.deciding()).equals(identities(head.deciding()));
  }

  private static Set<String> identities(List<StatementResult> deciding) {
    Set<String> ids = new HashSet<>();
    for (StatementResult result : deciding) {
      ids.add(DecidingStatement.of(result).identity());
    }
    return ids;
  }

  private static SideDecision side(Decision decision) {
    return new SideDecision(decision.outcome(), decision.deciding().stream().map(DecidingStatement::of).toList(),
        decision.explanation().reasons(), true);
  }

  private static Change change(SideDecision base, SideDecision head) {
    if (base.outcome().isDenied() && !head.outcome().isDenied()) {
      return Change.NEWLY_ALLOWED;
    }
    if (!base.outcome().isDenied() && head.outcome().isDenied()) {
      return Change.NEWLY_DENIED;
    }
    return Change.CHANGED_REASON;
  }

  private static List<String> notes(ActionClasses classes, ConditionSamples conditions, boolean allProved, long unaffectedPairs) {
    List<String> notes = new ArrayList<>();

    notes.add(String.format(Locale.ROOT, "Actions: every action of the bundled catalog and every action a statement names, %,d,"
        + " in %,d classes: the actions of one service that the same patterns match and the evaluator's own rules treat alike"
        + " are one class, one representative each; an action a statement names that the catalog lacks is its own class.",
        classes.actions(), classes.classes().size()));
    notes.add("Resources and condition values: one request per region the policies' comparisons cannot tell apart (ARN and"
        + " string patterns as automata, numbers and dates split at each constant, addresses at each CIDR boundary, a key's"
        + " absence, each set of a multivalued key's regions); resources of each action's ARN formats, * for actions without"
        + " resource types.");
    notes.add("Users ask with console sign-in with and without MFA and with long-term access keys; roles as session \""
        + ROLE_SESSION + "\" with and without MFA; every request at " + REQUEST_TIME + " unless a condition compares the time.");
    if (unaffectedPairs > 0) {
      notes.add(String.format(Locale.ROOT, "Only what the change can affect: %,d principal/action pair%s of the principals decided"
          + " were proved without a request, since only statements differ for the principal and none of them can apply to the"
          + " action.", unaffectedPairs, unaffectedPairs == 1 ? "" : "s"));
    }
    if (!allProved) {
      notes.add("Where the regions were too many, the pair was decided over the sampled space: the resources policies name"
          + " (wildcards as \"" + ResourceSamples.SAMPLE + "\") and one per ARN format, and for condition keys "
          + (conditions.crossProduct() ? "every combination of" : "each key alone with")
          + " the values compared, their boundaries and one value outside.");
    }
    return notes;
  }
}
