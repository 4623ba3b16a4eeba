package dev.iamunit.eval.space;

import dev.iamunit.eval.internal.ActionNames;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.aws.AwsData;
import dev.iamunit.aws.ConditionKeyInfo;
import dev.iamunit.aws.ConditionKeyType;
import dev.iamunit.aws.ResourceType;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.KeyAvailability;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.ResourcePolicyOwner;
import dev.iamunit.eval.internal.Arns;
import dev.iamunit.eval.internal.PolicyValues;
import dev.iamunit.model.Account;
import dev.iamunit.model.Condition;
import dev.iamunit.model.ConditionOperator;
import dev.iamunit.model.ConditionOperator.SetQualifier;
import dev.iamunit.model.ResourceElement;
import dev.iamunit.model.SourceLocation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * A complete request space: for one principal and one action, every comparison the policies make
 * on the resource and on each condition key, and the regions those comparisons cannot tell apart,
 * one representative each ({@link ActionRegions}). Deciding each representative decides every
 * request the principal can make for the action with the same credentials. The diff and the
 * whole-catalog assertions share it.
 *
 * <p>The resource's regions also separate what the evaluator asks of a resource besides the
 * policies' patterns: its account, the resource-based policy that applies to it, whether it is a
 * KMS key or a role. For an action of the bundled catalog only resources of its ARN formats are
 * asked (AWS sends no other); an action without resource types is asked about {@code *} only.
 *
 * <p>Where a VPC endpoint's policy is loaded, the requests go through each such endpoint, through
 * another and through none ({@code aws:SourceVpce}), since the endpoint's policy must allow what
 * goes through it.
 *
 * <p>Where a dimension would be too large, or a policy value reads the request (a variable on a
 * key the request sets), the regions are a sample and {@link ActionRegions#gaps()} says why;
 * never a silent claim of proof. Thread-safe; the regions are cached by what they depend on.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RequestRegions {

  /** Most automaton states one dimension's search visits. */
  public static final int MAX_STATES = 50_000;
  /** Most resource regions of one action. */
  public static final int MAX_RESOURCES = 1_000;
  /** Most contexts (the product of the keys' regions) of one action. */
  public static final int MAX_CONTEXTS = 2_048;
  /** Most regions of values of a multivalued key for which every set is asked. */
  public static final int MAX_SET_REGIONS = 6;

  /**
   * The keys the principal fixes, which no request changes: a variable may read them, and they
   * are not dimensions. {@code aws:MultiFactorAuthPresent} is fixed by the credentials.
   */
  private static final Set<String> FIXED = Set.of(
      "aws:username", "aws:userid", "aws:principalarn", "aws:principalaccount", "aws:principaltype",
      "aws:principaltagkeys", "aws:rolesessionname", "aws:multifactorauthpresent");

  /** Keys the credentials set or leave out: varied only where the caller's context has them. */
  private static final Set<String> BY_CREDENTIALS = Set.of("aws:multifactorauthage", "aws:tokenissuetime");

  /**
   * The AWS managed policies, {@code arn:aws:iam::aws:policy/...}: resources in AWS's own account
   * "aws" of a format whose account is a variable ({@code arn:${Partition}:iam::${Account}:policy/...}),
   * so no account variant reaches them. The caller asks them apart (the caller's own policies decide,
   * as in its own account, {@code Caller}), and so does the evaluator (AWS refuses changes to them,
   * {@code ProtectedResources}). The formats of other resources AWS owns name the account "aws"
   * themselves ({@code arn:${Partition}:organizations::aws:policy/...}), and are asked as they are.
   */
  private static final TextTest AWS_MANAGED_POLICIES = TextTest.glob("arn:*:iam::aws:policy/*", TextTest.Mode.ARN_PARTS);

  /**
   * Resources in AWS's own account "aws" of a format that names it ({@code
   * arn:${Partition}:iam::aws:role-template/...}, {@code arn:${Partition}:organizations::aws:policy/...}):
   * the caller decides them as its own account's, as the AWS managed policies ({@code Caller}), not
   * as another account's, so no other format's ARNs in another account stand for them. Added to the
   * tests of such formats only: no format whose account is open is asked in "aws" but the managed
   * policies' (AWS_MANAGED_POLICIES).
   */
  private static final TextTest AWS_OWNED = TextTest.glob("arn:*:*:*:aws:*", TextTest.Mode.ARN_PARTS);

  private record Resources(List<ActionRegions.Target> targets, List<String> gaps) {}

  /**
   * A test the evaluator makes of a resource, and the resource-based policy's reach it comes from
   * (null for the evaluator's own questions), which may govern some actions only; a test of what
   * AWS protects ({@link Evaluator#protectedResources}) matters only to the changes it refuses.
   */
  private record EvaluatorTest(TextTest test, ResourcePolicyOwner.Reach reach, boolean refusedChangesOnly) {
    EvaluatorTest(TextTest test, ResourcePolicyOwner.Reach reach) {
      this(test, reach, false);
    }
  }

  private final AwsData aws;
  private final List<PolicyStatement> statements;
  private final Map<String, int[]> statementsByService;
  private final List<EvaluatorTest> evaluatorTests;
  /** The roles' trust policies, roles alike grouped ({@link TrustGroups}): asked of the trust actions only. */
  private final List<TrustGroups.Group> trustGroups;
  /**
   * The evaluator's tests that can matter to the actions of some services on the ARNs of a
   * format's service (null: any), indexed once per space: most are about one resource of one
   * service (a role's trust policy, a bucket's policy), and a search of another's ARNs drops them.
   */
  private final Map<List<Object>, List<TextTest>> evaluatorIndex = new ConcurrentHashMap<>();
  private final Map<String, List<PolicyStatement>> relevant = new ConcurrentHashMap<>();
  private final Map<List<Object>, Resources> resourceCache = new ConcurrentHashMap<>();
  private final Map<ActionClasses.ActionClass, ClassFormats> formatsByClass = new ConcurrentHashMap<>();
  private final Map<TextTest, List<String>> seedsByFormat = new ConcurrentHashMap<>();
  private final CatalogFormats formats;
  private final Map<List<Object>, Resources> classCache = new ConcurrentHashMap<>();
  private final Map<String, String> anyByAction = new ConcurrentHashMap<>();
  private final Map<List<Object>, Boolean> inFormat = new ConcurrentHashMap<>();
  private final Map<List<Object>, Boolean> constantOn = new ConcurrentHashMap<>();
  private final Map<List<Object>, KeyRegions.Result> keyCache = new ConcurrentHashMap<>();
  private final Map<List<Object>, TimeRegions.Result> timeCache = new ConcurrentHashMap<>();

  /**
   * The request's VPC endpoint, as a comparison with each loaded endpoint's id: a request through
   * an endpoint is under its policy ({@link ResourcePolicyOwner#endpointPolicies}), so the space
   * asks through each, through another, and through none ("This key is included in the request
   * context only if the requester uses a VPC endpoint to make the request", IAM User Guide, AWS
   * global condition context keys, aws:SourceVpce). Null when no endpoint policy is loaded.
   */
  private final KeyRegions.Compared endpoints;

  private static final String SOURCE_VPCE = "aws:SourceVpce";

  private final List<String> accountIds;
  private final Set<TextTest> accountTests;
  private final String partition;
  private final String region;
  private final String accountId;

  private RequestRegions(AwsData aws, List<PolicyStatement> statements, List<EvaluatorTest> evaluatorTests, List<TrustGroups.Group> trustGroups,
      Account account, List<String> endpointIds) {
    this.aws = aws;
    this.trustGroups = trustGroups;
    this.formats = CatalogFormats.of(aws);
    this.endpoints = endpointIds.isEmpty() ? null : new KeyRegions.Compared(new Condition(ConditionOperator.parse("StringEquals").orElseThrow(),
        SOURCE_VPCE, endpointIds, SourceLocation.UNKNOWN), false);
    this.partition = account.partition();
    this.region = account.region();
    this.accountId = account.id();
    this.accountTests = Set.copyOf(evaluatorTests.stream().map(EvaluatorTest::test)
        .filter(t -> t.text().startsWith("arn:*:*:*:") && t.mode() == TextTest.Mode.ARN_PARTS).toList());
    List<String> ids = new ArrayList<>(List.of(account.id()));
    accountTests.forEach(t -> {
      String id = t.text().split(":", 6)[4];
      if (!id.isEmpty() && !ids.contains(id)) {
        ids.add(id);
      }
    });
    this.accountIds = List.copyOf(ids);
    this.statements = List.copyOf(statements);
    this.statementsByService = byService(this.statements);
    this.evaluatorTests = evaluatorTests;
  }

  /**
   * A space for the principals of {@code accounts} (every version compared) under {@code
   * statements} (every statement of every policy of those accounts), with {@code aws}'s catalog.
   */
  public static RequestRegions of(List<Account> accounts, List<PolicyStatement> statements, AwsData aws) {
    Set<String> endpointIds = new java.util.TreeSet<>();
    accounts.forEach(a -> endpointIds.addAll(ResourcePolicyOwner.endpointIds(a)));
    return new RequestRegions(aws, statements, evaluatorTests(accounts), TrustGroups.of(accounts), accounts.get(accounts.size() - 1),
        List.copyOf(endpointIds));
  }

  /** The statements that may apply to {@code action}, in their order. */
  private List<PolicyStatement> relevantTo(String action) {
    return relevant.computeIfAbsent(action.toLowerCase(Locale.ROOT), a -> {
      String service = ActionNames.serviceOf(a);
      int[] named = service.isEmpty() ? NONE : statementsByService.getOrDefault(service, NONE);
      int[] other = statementsByService.getOrDefault("", NONE);
      List<PolicyStatement> found = new ArrayList<>();
      for (int i = 0, j = 0; i < named.length || j < other.length;) {
        int next = j >= other.length || i < named.length && named[i] < other[j] ? named[i++] : other[j++];
        if (statements.get(next).mayApplyTo(action)) {
          found.add(statements.get(next));
        }
      }
      return List.copyOf(found);
    });
  }

  private static final int[] NONE = {};

  /**
   * The positions of the statements, by the service (lower case) of each pattern of their Action
   * when no pattern has a wildcard in its service: such a statement applies to no action of another
   * service (Action patterns match ignoring case). Every other statement (a NotAction, {@code *},
   * {@code *:Describe*}) is under "". Indexed once per space: a large repository has thousands of
   * statements (every role's trust policy), of which a class's action reads few.
   */
  private static Map<String, int[]> byService(List<PolicyStatement> statements) {
    Map<String, List<Integer>> positions = new java.util.HashMap<>();
    for (int i = 0; i < statements.size(); i++) {
      Set<String> services = new LinkedHashSet<>();
      for (String pattern : statements.get(i).statement().action().values()) {
        services.add(ActionNames.literalServiceOf(PolicyStatement.broadly(pattern)));
      }
      if (statements.get(i).statement().action().negated()) {
        services = Set.of("");
      } else if (services.contains("")) {
        services = Set.of("");
      }
      for (String service : services) {
        positions.computeIfAbsent(service, k -> new ArrayList<>()).add(i);
      }
    }
    Map<String, int[]> out = new java.util.HashMap<>();
    positions.forEach((service, list) -> out.put(service, list.stream().mapToInt(Integer::intValue).toArray()));
    return Map.copyOf(out);
  }

  /** Whether the principal fixes {@code key} (lower case), so that no request varies it. */
  public static boolean fixedByPrincipal(String key) {
    return FIXED.contains(key) || key.startsWith("aws:principaltag/");
  }

  /**
   * The regions of {@code action} for a principal whose context is one of {@code callers} (its
   * context in each version compared: its tags may differ); {@code seeds} are resources to prefer
   * as representatives (readable names).
   */
  public ActionRegions regions(String action, List<RequestContext> callers, List<String> seeds) {
    return regions(new ActionClasses.ActionClass(action, List.of(action)), callers, seeds);
  }

  /**
   * The regions of a class of actions ({@link ActionClasses}): the policies treat its members
   * alike, so its representative is asked, on resources of every member's ARN formats, each
   * resource with a member that has that format.
   */
  public ActionRegions regions(ActionClasses.ActionClass actions, List<RequestContext> callers, List<String> seeds) {
    return regions(actions, callers, seeds, Set.of());
  }

  /**
   * The regions of a class of actions when the caller fixes the keys {@code notVaried} (lower
   * case): where they hold a key of the request's instant, the instant is the caller's, and the
   * credentials' age alone is varied ({@link TimeRegions}).
   */
  public ActionRegions regions(ActionClasses.ActionClass actions, List<RequestContext> callers, List<String> seeds, Set<String> notVaried) {
    List<PolicyStatement> relevant = relevantTo(actions.representative());
    if (relevant.isEmpty()) {
      // No statement of any version can apply: every request is implicitly denied in each, one
      // region. One request stands for it.
      return new ActionRegions(List.of(new ActionRegions.Target(actions.representative(), any(actions.representative()))), List.of(Map.of()), List.of());
    }
    List<String> gaps = new ArrayList<>();
    List<ActionRegions.Target> resources = resources(actions, relevant, callers, seeds, gaps);
    boolean instantFixed = notVaried.stream().anyMatch(TimeRegions.INSTANT_KEYS::contains);
    List<Map<String, KeyValue>> contexts = contexts(actions.representative(), relevant, callers, instantFixed, gaps);
    return new ActionRegions(resources, contexts, gaps);
  }

  /**
   * What the catalog says of a class's resources, which no principal changes: the member asked
   * about {@code *} (null when none may be), whether a member is outside the catalog (it may name
   * anything), each ARN format of its members, with the member that has it, and what the
   * evaluator's tests read of its members: their services (with a member each) and whether the
   * evaluator may refuse them a change ({@link Evaluator#mayRefuseChanges}). Once per class: a
   * class of 800 members asks for them once per format.
   */
  private record ClassFormats(String starAction, boolean anyResource, List<Format> formats, Map<String, String> services, boolean refusable) {}

  /**
   * One ARN format as a test, the member that has it, its service when literal (else null), and
   * its readable ARNs: the format's own and, where the format leaves the account open, one per
   * account variant.
   */
  private record Format(TextTest test, String member, String service, List<String> seeds) {

    /** Whether {@code seed} may be an ARN of this format: a seed of another service never is. */
    boolean mayHold(String seed) {
      return service == null || service.equals(serviceOf(seed));
    }
  }

  /** The service part of {@code seed} when it has the six parts of an ARN, else null. */
  private static String serviceOf(String seed) {
    String[] parts = seed.split(":", 6);
    return parts.length == 6 ? parts[2] : null;
  }

  /** A list of seeds and the service of each ({@link #serviceOf}). */
  private record SeedServices(List<String> seeds, String[] services) {}

  /**
   * The services of the last seeds asked about: a diff asks every class of one principal with one
   * list of seeds (thousands of ARNs in a large repository), so each is split once, not per class.
   */
  private final java.util.concurrent.atomic.AtomicReference<SeedServices> lastSeeds = new java.util.concurrent.atomic.AtomicReference<>();

  /** The seeds that may be resources of one of {@code shape}'s formats, in their order. */
  private List<String> seedsOf(ClassFormats shape, List<String> seeds) {
    if (shape.anyResource() || shape.formats().stream().anyMatch(f -> f.service() == null)) {
      return seeds;
    }
    SeedServices known = lastSeeds.get();
    if (known == null || !(known.seeds() == seeds || known.seeds().equals(seeds))) {
      known = new SeedServices(seeds, seeds.stream().map(RequestRegions::serviceOf).toArray(String[]::new));
      lastSeeds.set(known);
    }
    Set<String> services = new java.util.HashSet<>();
    shape.formats().forEach(f -> services.add(f.service()));
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < known.services().length; i++) {
      if (services.contains(known.services()[i])) {
        kept.add(known.seeds().get(i));
      }
    }
    return kept;
  }

  private ClassFormats classFormats(ActionClasses.ActionClass actions) {
    return formatsByClass.computeIfAbsent(actions, c -> {
      // Per member: a member the catalog lacks may name anything; one that may be sent with * is
      // asked about * (CatalogFormats.ActionFormats#star). The catalog holds one format object
      // per text, so each is told apart by identity, not by hashing its test once per member.
      String starAction = null;
      Map<CatalogFormats.Format, Format> byFormat = new java.util.IdentityHashMap<>();
      List<Format> inOrder = new ArrayList<>();
      boolean anyResource = false;
      for (String member : c.members()) {
        Optional<CatalogFormats.ActionFormats> info = formats.action(member);
        if (info.isEmpty()) {
          anyResource = true;
          starAction = starAction == null ? member : starAction;
          continue;
        }
        for (CatalogFormats.Format format : info.get().formats()) {
          if (!byFormat.containsKey(format)) {
            Format own = new Format(format.test(), member, format.service(), formatSeeds(format.test()));
            byFormat.put(format, own);
            inOrder.add(own);
          }
        }
        if (info.get().star()) {
          starAction = starAction == null ? member : starAction;
        }
      }
      return new ClassFormats(starAction, anyResource, List.copyOf(inOrder), servicesOf(c), refusable(c));
    });
  }

  /**
   * Whether the evaluator may refuse a member of {@code actions} a change ({@link
   * Evaluator#mayRefuseChanges}): the representative's answer, since the members of a class share
   * {@link Evaluator#ruleKey}, which tells it ({@link ActionClasses.ActionClass}).
   */
  private static boolean refusable(ActionClasses.ActionClass actions) {
    return Evaluator.mayRefuseChanges(actions.representative());
  }

  /** The readable ARNs of a format: its own and, where it leaves the account open, one per account variant. */
  private List<String> formatSeeds(TextTest format) {
    return seedsByFormat.computeIfAbsent(format, test -> {
      List<String> formatSeeds = new ArrayList<>();
      String seed = formatSeed(test.text());
      formatSeeds.add(seed);
      String[] parts = seed.split(":", 6);
      if (parts.length == 6 && test.text().split(":", 6)[4].equals("*")) {
        accountVariants().forEach(a -> formatSeeds.add(String.join(":", parts[0], parts[1], parts[2], parts[3], a, parts[5])));
        String awsOwned = String.join(":", parts[0], parts[1], parts[2], parts[3], "aws", parts[5]);
        if (parts[2].equals("iam") && TextRegions.answers(List.of(AWS_MANAGED_POLICIES), awsOwned).get(0)) {
          formatSeeds.add(awsOwned);
        }
      }
      return List.copyOf(formatSeeds);
    });
  }

  /** The services of {@code actions}' members (lower case), each with its first member: what a reach reads of an action. */
  private static Map<String, String> servicesOf(ActionClasses.ActionClass actions) {
    // A class of the catalog is one service's, spelled alike (ActionClasses): one comparison per
    // member tells it, without cutting and lower-casing each.
    String first = actions.members().get(0);
    String prefix = first.substring(0, first.indexOf(':') + 1);
    if (!prefix.isEmpty() && actions.members().stream().allMatch(m -> m.startsWith(prefix))) {
      return Map.of(prefix.substring(0, prefix.length() - 1).strip().toLowerCase(Locale.ROOT), first);
    }
    Map<String, String> byService = new java.util.TreeMap<>();
    for (String member : actions.members()) {
      String service = ActionNames.serviceOf(member);
      byService.putIfAbsent(service.isEmpty() ? member : service, member);
    }
    return Map.copyOf(byService);
  }

  private List<ActionRegions.Target> resources(
      ActionClasses.ActionClass actions, List<PolicyStatement> relevant, List<RequestContext> callers, List<String> seeds, List<String> gaps) {
    ClassFormats shape = classFormats(actions);
    List<ActionRegions.Target> out = new ArrayList<>();
    if (shape.starAction() != null) {
      out.add(new ActionRegions.Target(shape.starAction(), "*"));
    }
    if (shape.formats().isEmpty() && !shape.anyResource()) {
      return out;
    }
    Set<TextTest> tests = new LinkedHashSet<>();
    for (PolicyStatement s : relevant) {
      List<String> values = s.statement().resource().map(ResourceElement::values).orElse(List.of());
      for (String raw : values) {
        String reads = KeyRegions.readsRequest(raw, s.variables(), k -> fixedByPrincipal(k));
        if (reads != null) {
          gaps.add("resource " + raw + " reads " + reads + " from the request");
          return out;
        }
        for (RequestContext caller : callers) {
          PolicyValues.Glob glob = PolicyValues.resolve(raw, s.variables(), caller);
          if (glob != null) {
            tests.add(new TextTest(glob.text(), glob.wild(), TextTest.Mode.ARN));
          }
        }
      }
    }
    // The regions depend on the class, the policies' tests and the seeds that may be resources of
    // the class's formats: every principal and credential kind that shares them shares the search.
    List<String> kept = seedsOf(shape, seeds);
    Resources found = classCache.computeIfAbsent(java.util.Arrays.asList(actions, List.copyOf(tests), kept),
        k -> resources(actions, shape, List.copyOf(tests), kept));
    gaps.addAll(found.gaps());
    out.addAll(found.targets());
    if (out.size() > MAX_RESOURCES) {
      gaps.add(out.size() + " regions of resources, more than " + MAX_RESOURCES);
    }
    return out;
  }

  /** The resource regions of a class beside its {@code *}: the searches of its formats over {@code policyTests}. */
  private Resources resources(ActionClasses.ActionClass actions, ClassFormats shape, List<TextTest> policyTests, List<String> seeds) {
    Set<TextTest> own = new LinkedHashSet<>(policyTests);
    if (ResourcePolicyOwner.readsTrustPolicy(actions.representative())) {
      // needsResourcePolicy: a role's trust policy must allow the trust actions on ":role/" (each STS action is a class of its own).
      own.add(TextTest.glob("*:role/*", TextTest.Mode.TEXT));
    }
    List<ActionRegions.Target> out = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    if (shape.anyResource()) {
      // A member outside the catalog: every text is a resource it may name.
      Set<TextTest> all = new LinkedHashSet<>(own);
      all.addAll(evaluatorTests(shape, null));
      List<String> allSeeds = new ArrayList<>(seeds);
      allSeeds.add("*");
      Resources found = withTrust(trustGroups(actions, null), all, List.copyOf(all), allSeeds,
          (tests, preferred) -> search(tests, null, preferred, actions.representative()), new LinkedHashSet<>());
      gaps.addAll(found.gaps());
      boolean starAsked = shape.starAction() != null;
      found.targets().stream().filter(t -> !(t.resource().equals("*") && starAsked)).forEach(out::add);
    } else {
      // One search per ARN format, over the tests that can tell its ARNs apart: the regions of
      // the format's ARNs, and an action that has the format asks about each. A test left out of
      // every format's search is false on all their ARNs, so it tells none of the targets apart.
      Set<TextTest> asked = new LinkedHashSet<>();
      for (Format format : shape.formats()) {
        List<String> formatSeeds = new ArrayList<>();
        seeds.stream().filter(seed -> format.mayHold(seed) && inFormat(seed, format.test())).forEach(formatSeeds::add);
        formatSeeds.addAll(format.seeds());
        Set<TextTest> kept = new LinkedHashSet<>();
        own.stream().filter(t -> !disjoint(t, format.service())).forEach(kept::add);
        kept.addAll(evaluatorTests(shape, format.service()));
        if ("aws".equals(literalPart(format.test(), 4))) {
          kept.add(AWS_OWNED);
        }
        List<TrustGroups.Group> groups = trustGroups(actions, format.service());
        List<TextTest> others = groups.isEmpty() ? List.of() : kept.stream().filter(t -> !constantOn(t, format.test())).toList();
        Resources found = withTrust(groups, kept, others, formatSeeds, (tests, preferred) -> formatRegions(format, tests, preferred), asked);
        gaps.addAll(found.gaps());
        out.addAll(found.targets());
      }
      Set<String> preferred = new java.util.HashSet<>(seeds);
      shape.formats().forEach(f -> preferred.addAll(f.seeds()));
      out = onePerRegion(List.copyOf(asked), out, preferred);
    }
    return new Resources(List.copyOf(out), List.copyOf(gaps));
  }

  /**
   * The regions {@code search} finds over {@code tests} and the tests of {@code groups} ({@link
   * TrustGroups#asked}, roles alike asked once beside {@code others}, the tests that split the
   * ARNs searched), {@code seeds} that name a role not asked left out. A representative that names
   * a role not asked would stand for ARNs that name no role: that role is asked too, and the search
   * made again ({@link TrustGroups#settled}). The tests searched are added to {@code asked}.
   * Without groups, one search of {@code tests}.
   */
  private static Resources withTrust(List<TrustGroups.Group> groups, Set<TextTest> tests, List<TextTest> others, List<String> seeds,
      java.util.function.BiFunction<List<TextTest>, List<String>, Resources> search, Set<TextTest> asked) {
    record Searched(Resources found, Set<TextTest> tests) {}
    Searched last = TrustGroups.settled(groups, promoted -> TrustGroups.asked(groups, others, promoted, RequestRegions::reachTests), trust -> {
      Set<TextTest> searched = new LinkedHashSet<>(tests);
      searched.addAll(trust.tests());
      return new Searched(search.apply(List.copyOf(searched), trust.filter(seeds)), searched);
    }, s -> s.found().targets());
    asked.addAll(last.tests());
    return last.found();
  }

  /** The regions of {@code format}'s ARNs under {@code left} (the tests that can tell them apart), {@code formatSeeds} preferred. */
  private Resources formatRegions(Format format, List<TextTest> left, List<String> formatSeeds) {
    Resources found = accountsOnly(format.test(), left, format.member(), List.of());
    if (found == null) {
      // Only the tests that split the format's ARNs: fewer automata, and one search for every
      // class whose tests differ only outside the format.
      List<TextTest> splitting = left.stream().filter(t -> !constantOn(t, format.test())).toList();
      found = accountsOnly(format.test(), splitting, format.member(), formatSeeds);
      if (found == null) {
        found = search(splitting, format.test(), formatSeeds, format.member());
      }
    }
    return found;
  }

  /**
   * The roles' trust policies that matter to the members of {@code actions} on ARNs of service
   * {@code service} (any when null): all of them when a member is a trust action ({@link
   * ResourcePolicyOwner#readsTrustPolicy}) and the service may be IAM's, the roles'; else none.
   */
  private List<TrustGroups.Group> trustGroups(ActionClasses.ActionClass actions, String service) {
    boolean trust = (service == null || service.equalsIgnoreCase("iam")) && actions.members().stream().anyMatch(ResourcePolicyOwner::readsTrustPolicy);
    return trust ? trustGroups : List.of();
  }

  /**
   * The evaluator's tests that matter to the members of {@code actions} on ARNs of service {@code
   * service} (any ARN when null): those of a reach that governs some member ({@link
   * ResourcePolicyOwner.Reach#governs}: a role's trust policy only the trust actions), none
   * that no ARN of the service can pass. Indexed by the members' services, which is all a reach
   * reads of an action, and the ARN's service: once per space, not per class.
   */
  private List<TextTest> evaluatorTests(ClassFormats shape, String service) {
    Map<String, String> byService = shape.services();
    boolean refusable = shape.refusable();
    return evaluatorIndex.computeIfAbsent(java.util.Arrays.asList(List.copyOf(new java.util.TreeSet<>(byService.keySet())), service, refusable), k -> {
      Set<TextTest> kept = new LinkedHashSet<>();
      for (EvaluatorTest t : evaluatorTests) {
        if ((t.reach() == null || byService.values().stream().anyMatch(t.reach()::governs)) && (refusable || !t.refusedChangesOnly())
            && !disjoint(t.test(), service)) {
          kept.add(t.test());
        }
      }
      return List.copyOf(kept);
    });
  }

  /**
   * One of {@code targets} in each region of {@code tests}, a {@code preferred} (readable) one
   * where the region has one, else the first: the searches are per ARN format, and ARNs of two
   * formats that every test answers alike are one region (the formats are what AWS sends, not
   * what the evaluator asks; the class's members are alike to the policies).
   */
  private static List<ActionRegions.Target> onePerRegion(List<TextTest> tests, List<ActionRegions.Target> targets, Set<String> preferred) {
    List<BitSet> answers = TextRegions.answers(tests, targets.stream().map(ActionRegions.Target::resource).toList());
    Map<BitSet, List<Integer>> regions = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      regions.computeIfAbsent(answers.get(i), k -> new ArrayList<>()).add(i);
    }
    java.util.TreeMap<Integer, ActionRegions.Target> chosen = new java.util.TreeMap<>();
    for (List<Integer> region : regions.values()) {
      int pick = region.stream().filter(i -> preferred.contains(targets.get(i).resource())).findFirst().orElse(region.get(0));
      // The region's other ARNs stay known: the actions AWS sends with them are not those of the pick.
      List<ActionRegions.Target> others = region.stream().filter(i -> i != pick).map(targets::get).toList();
      chosen.put(pick, new ActionRegions.Target(targets.get(pick).action(), targets.get(pick).resource(), others));
    }
    return List.copyOf(chosen.values());
  }

  /**
   * The members of {@code actions} that AWS sends with {@code resource}: those with an ARN format
   * that holds it, or for {@code *} those that may be sent with it ({@link
   * CatalogFormats.ActionFormats#star}), in the class's order; a member the catalog lacks may
   * name anything. What a finding may name as alike: another member is decided alike on the same
   * request, but AWS never sends that request.
   */
  public List<String> sentWith(ActionClasses.ActionClass actions, String resource) {
    // Which of the class's formats hold the resource, each asked once: a class has hundreds of members.
    Set<TextTest> holding = new java.util.HashSet<>();
    if (!resource.equals("*")) {
      for (Format format : classFormats(actions).formats()) {
        if (mayHold(format.test(), resource) && inFormat(resource, format.test())) {
          holding.add(format.test());
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String member : actions.members()) {
      Optional<CatalogFormats.ActionFormats> info = formats.action(member);
      if (info.isEmpty() || (resource.equals("*") ? info.get().star() : info.get().formats().stream().anyMatch(f -> holding.contains(f.test())))) {
        out.add(member);
      }
    }
    return out;
  }

  /**
   * False when {@code arn} cannot be an ARN of {@code format}: their services differ where the
   * format's is literal, or the resource part does not start with the format's literal start
   * ({@code instance/}). A necessary condition only, told without an automaton.
   */
  private static boolean mayHold(TextTest format, String arn) {
    int[] parts = parts(format);
    String[] arnParts = arn.split(":", 6);
    if (parts == null || arnParts.length < 6) {
      return true;
    }
    String service = literalPart(format, 2);
    if (service != null && !service.equals(arnParts[2])) {
      return false;
    }
    int start = parts[5];
    int end = start;
    while (end < format.text().length() && !format.isWild(end)) {
      end++;
    }
    return arnParts[5].startsWith(format.text().substring(start, end));
  }

  /** Whether {@code seed} is an ARN of {@code format}: a seed outside it cannot stand for its regions. */
  private boolean inFormat(String seed, TextTest format) {
    return inFormat.computeIfAbsent(List.of(seed, format), k -> TextRegions.answers(List.of(format), seed).get(0));
  }

  /**
   * Whether {@code test} answers alike for every ARN of {@code format}, so that it splits none of
   * them: it is {@code *}, or a search of the two finds one region of the format only. A test
   * whose search stops at its bound is kept.
   */
  private boolean constantOn(TextTest test, TextTest format) {
    if (test.mode() == TextTest.Mode.ARN && test.text().equals("*") && test.isWild(0)) {
      return true;
    }
    Boolean byParts = constantByParts(test, format);
    if (byParts != null) {
      return byParts;
    }
    return constantOn.computeIfAbsent(List.of(test, format), k -> {
      TextRegions.Result regions = TextRegions.of(List.of(test, format), List.of(), a -> a.get(1), 1, MAX_STATES);
      return regions.complete() && regions.representatives().size() <= 1;
    });
  }

  /**
   * {@link #constantOn} without a search where the parts of an evaluator's test ({@link
   * TextTest.Mode#ARN_PARTS}, compared part by part, case-sensitively) tell at once, else null.
   * Part by part: a test's part {@code *} passes every part of the format; a literal part passes a
   * literal part of the format it equals and fails one it does not, so that the test fails every ARN
   * of the format (constant); a literal part against a format's part {@code *} passes that literal
   * and fails it with one more character. With no part failing for certain and every part one of
   * these, the test splits the format exactly when one part is of the last kind. A cold search
   * asks a few thousand pairs of a format and the account tests, most of them told here.
   */
  static Boolean constantByParts(TextTest test, TextTest format) {
    if (test.mode() != TextTest.Mode.ARN_PARTS || format.mode() != TextTest.Mode.ARN_PARTS) {
      return null;
    }
    int[] testParts = parts(test);
    int[] formatParts = parts(format);
    if (testParts == null || formatParts == null) {
      return null;
    }
    boolean splits = false;
    boolean unknown = false;
    for (int i = 0; i < 6; i++) {
      int kind = partKind(test, testParts[i], testParts[i + 1]);
      int formatKind = partKind(format, formatParts[i], formatParts[i + 1]);
      if (kind == STAR_PART) {
        continue;
      }
      if (kind == LITERAL_PART && formatKind == LITERAL_PART) {
        if (!test.text().substring(testParts[i], testParts[i + 1] - 1).equals(format.text().substring(formatParts[i], formatParts[i + 1] - 1))) {
          return true;
        }
      } else if (kind == LITERAL_PART && formatKind == STAR_PART) {
        splits = true;
      } else {
        unknown = true;
      }
    }
    return unknown ? null : !splits;
  }

  private static final int LITERAL_PART = 0;
  private static final int STAR_PART = 1;
  private static final int OTHER_PART = 2;

  /** Where each of the six parts of {@code test}'s text starts, and its end + 1: null without five colons. */
  private static int[] parts(TextTest test) {
    String text = test.text();
    int[] starts = new int[7];
    int part = 1;
    for (int i = 0; i < text.length() && part < 6; i++) {
      if (text.charAt(i) == ':' && !test.isWild(i)) {
        starts[part++] = i + 1;
      }
    }
    starts[6] = text.length() + 1;
    return part == 6 ? starts : null;
  }

  /** A part without wildcards, a part that is one {@code *}, or another. */
  private static int partKind(TextTest test, int start, int end) {
    int wild = 0;
    for (int i = start; i < end - 1; i++) {
      wild += test.isWild(i) ? 1 : 0;
    }
    if (wild == 0) {
      return LITERAL_PART;
    }
    return end - 1 - start == 1 && test.text().charAt(start) == '*' ? STAR_PART : OTHER_PART;
  }

  /**
   * The regions of {@code tests} among the texts {@code format} matches (all texts when null),
   * cached by the set of tests: their order changes the search's bits, not the texts it finds.
   */
  private Resources search(List<TextTest> tests, TextTest format, List<String> seeds, String action) {
    List<Object> key = java.util.Arrays.asList(Set.copyOf(tests), format, seeds);
    Resources found = resourceCache.computeIfAbsent(key, k -> {
      List<TextTest> all = new ArrayList<>(tests);
      if (format != null) {
        all.add(format);
      }
      int last = all.size() - 1;
      TextRegions.Result regions = format == null
          ? TextRegions.of(all, seeds, a -> true, MAX_STATES)
          : TextRegions.of(all, seeds, a -> a.get(last), last, MAX_STATES);
      List<String> why = new ArrayList<>();
      if (!regions.complete()) {
        why.add("the resource patterns make more than " + MAX_STATES + " automaton states");
      }
      return new Resources(regions.representatives().stream().map(r -> new ActionRegions.Target("", r)).toList(), why);
    });
    return new Resources(found.targets().stream().map(t -> new ActionRegions.Target(action, t.resource())).toList(), found.gaps());
  }

  /**
   * Whether no ARN of service {@code service} (any when null) can pass {@code test}: both name a
   * service without wildcards, and the services differ (the evaluator compares services ignoring
   * case at most). A test false on every text a search keeps splits nothing.
   */
  private static boolean disjoint(TextTest test, String service) {
    if (service == null) {
      return false;
    }
    String other = literalPart(test, 2);
    return other != null && !other.equalsIgnoreCase(service);
  }

  /**
   * The service part of a pattern when every text it can match has that service: no wildcard in
   * it, and none before it unless the pattern is read part by part, and then no {@code *} ending
   * a part before it (in a Resource value it may match colons). Else null. An exact text ({@link
   * TextTest#exact}, a resource-based policy's own ARN) has its literal service too.
   */
  static String literalPart(TextTest test, int index) {
    String text = test.text();
    int literalColons = 0;
    for (int i = 0; i < text.length(); i++) {
      literalColons += text.charAt(i) == ':' && !test.isWild(i) ? 1 : 0;
    }
    boolean byParts = test.mode() == TextTest.Mode.ARN_PARTS || test.mode() == TextTest.Mode.ARN
        || test.mode() == TextTest.Mode.ARN_CONDITION && literalColons >= 5;
    int start = 0;
    int colons = 0;
    for (int i = 0; i < text.length(); i++) {
      if (test.isWild(i) && (!byParts || colons == index || test.starEndsPart(i))) {
        return null;
      }
      if (text.charAt(i) == ':' && !test.isWild(i)) {
        if (colons == index) {
          return text.substring(start, i);
        }
        colons++;
        start = i + 1;
      }
    }
    return null;
  }

  /**
   * The regions of a format's ARNs when the only tests left that tell them apart are the
   * evaluator's account tests: the principal's account, no account, another account (as the
   * format admits), without a search.
   */
  private Resources accountsOnly(TextTest format, List<TextTest> tests, String action, List<String> seeds) {
    for (TextTest test : tests) {
      boolean star = test.mode() == TextTest.Mode.ARN && test.text().equals("*") && test.isWild(0);
      if (!star && !accountTests.contains(test)) {
        return null;
      }
    }
    String seed = formatSeed(format.text());
    String[] parts = seed.split(":", 6);
    List<String> accounts = format.text().split(":", 6)[4].equals("*") ? accountVariants() : List.of(parts[4]);
    List<ActionRegions.Target> targets = new ArrayList<>();
    for (String account : accounts) {
      // A seed of the format in the account reads better than the format's own ARN.
      String resource = seeds.stream().filter(s -> Arns.split(s) != null && Arns.split(s)[4].equals(account)).findFirst()
          .orElse(parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + parts[3] + ":" + account + ":" + parts[5]);
      targets.add(new ActionRegions.Target(action, resource));
    }
    return new Resources(targets, List.of());
  }

  /** The principal's account first, no account, every other account the versions declare, and one none declares. */
  private List<String> accountVariants() {
    List<String> out = new ArrayList<>(accountIds);
    out.add("");
    out.add("999999999999".equals(accountIds.get(0)) ? "999999999998" : "999999999999");
    return out;
  }

  /** A resource {@code action} may be asked about: {@code *}, or an ARN of its first format. */
  private String any(String action) {
    return anyByAction.computeIfAbsent(action, a -> aws.action(action).flatMap(info -> info.resourceTypes().stream()
            .filter(ResourceType::required).flatMap(t -> t.arnPatterns().stream()).findFirst())
        .filter(f -> aws.action(action).get().resourceTypes().stream().allMatch(ResourceType::required))
        .map(f -> formatSeed(CatalogFormats.variablesAsStars(f)))
        .orElse("*"));
  }

  /** A readable ARN of a format: its partition, region and account, "example" for the rest. */
  private String formatSeed(String format) {
    String[] parts = format.split(":", 6);
    if (parts.length < 6) {
      return format.replace("*", "example");
    }
    return "arn:" + (parts[1].equals("*") ? partition : parts[1]) + ":" + parts[2] + ":"
        + (parts[3].equals("*") ? region : parts[3]) + ":" + (parts[4].equals("*") ? accountId : parts[4]) + ":"
        + parts[5].replace("*", "example");
  }

  /**
   * The contexts of the regions of {@code action}'s class (one service: {@link ActionClasses}). Of
   * the keys the caller always sets, those AWS leaves out of some of the service's requests have
   * their absence as a region too, and those it leaves out of all of them are not varied (the
   * request leaves them out): {@link KeyAvailability} says which.
   */
  private List<Map<String, KeyValue>> contexts(String action, List<PolicyStatement> relevant, List<RequestContext> callers, boolean instantFixed,
      List<String> gaps) {
    RequestContext caller = callers.get(0);
    Set<String> sometimesAbsent = KeyAvailability.sometimesAbsent(action);
    Set<String> neverPresent = KeyAvailability.neverPresent(action);
    Map<String, List<KeyRegions.Compared>> byKey = new LinkedHashMap<>();
    Map<String, List<KeyRegions.Compared>> timed = new java.util.TreeMap<>();
    for (PolicyStatement s : relevant) {
      for (Condition condition : s.statement().conditions()) {
        String key = condition.key().toLowerCase(Locale.ROOT);
        if (fixedByPrincipal(key) || BY_CREDENTIALS.contains(key) && !caller.contains(key) || neverPresent.contains(key)) {
          continue;
        }
        (TimeRegions.KEYS.contains(key) ? timed : byKey).computeIfAbsent(key, k -> new ArrayList<>())
            .add(new KeyRegions.Compared(condition, s.variables()));
      }
    }
    if (endpoints != null) {
      byKey.computeIfAbsent(SOURCE_VPCE.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(endpoints);
    }
    List<Map<String, KeyValue>> contexts = new ArrayList<>();
    contexts.add(Map.of());
    long product = 1;
    // Each dimension's values, each the keys it sets: one key, or the request's time (TimeRegions).
    Map<String, List<Map<String, KeyValue>>> dimensions = new LinkedHashMap<>();
    if (!timed.isEmpty()) {
      List<Object> cacheKey = List.of("time", instantFixed, timed.entrySet().stream().map(e -> List.of(e.getKey(),
          e.getValue().stream().map(c -> List.of(c.condition().operator().name(), c.condition().values())).toList())).toList(),
          TimeRegions.KEYS.stream().sorted().map(k -> String.valueOf(caller.get(k).orElse(null))).toList());
      TimeRegions.Result time = timeCache.computeIfAbsent(cacheKey, k -> TimeRegions.of(timed, caller, instantFixed));
      if (!time.gap().isEmpty()) {
        gaps.add(time.gap());
        return contexts;
      }
      dimensions.put("the request's time", time.values());
      product *= time.values().size();
      if (product > MAX_CONTEXTS) {
        gaps.add("the regions of the request's time make more than " + MAX_CONTEXTS + " contexts (" + time.values().size() + ")");
        return contexts;
      }
    }
    for (Map.Entry<String, List<KeyRegions.Compared>> entry : new java.util.TreeMap<>(byKey).entrySet()) {
      String key = entry.getKey();
      List<KeyRegions.Compared> conditions = entry.getValue();
      boolean setValued = conditions.stream().anyMatch(c -> c.qualifier() != SetQualifier.NONE)
          || aws.conditionKey(key).map(ConditionKeyInfo::type).map(t -> t.isArray()).orElse(false);
      List<Object> cacheKey = List.of(key, conditions.stream().map(c -> List.of(c.condition().operator().name(), c.condition().values(), c.variables())).toList(),
          setValued, String.valueOf(caller.get(key).orElse(null)), callers.stream().map(c -> variablesOf(conditions, c)).toList());
      // A String key (a tag) or one the catalog does not know may hold any text; a typed key holds
      // values of its type, as AWS sets it.
      boolean anyText = aws.conditionKey(key).map(ConditionKeyInfo::type)
          .map(t -> t == ConditionKeyType.STRING || t == ConditionKeyType.ARRAY_OF_STRING).orElse(true);
      KeyRegions.Result regions = keyCache.computeIfAbsent(cacheKey,
          k -> KeyRegions.of(key, conditions, callers, setValued, anyText, RequestRegions::fixedByPrincipal, MAX_STATES, MAX_SET_REGIONS));
      if (!regions.gap().isEmpty()) {
        gaps.add(regions.gap());
      }
      if (regions.values().isEmpty()) {
        return contexts;
      }
      List<KeyValue> values = regions.values();
      boolean callerSets = callers.stream().anyMatch(c -> c.contains(key));
      if (callerSets && sometimesAbsent.contains(key) && !values.contains(KeyValue.ABSENT)) {
        values = new ArrayList<>(values);
        values.add(0, KeyValue.ABSENT);
      }
      String spelled = conditions.get(0).condition().key();
      // A key the caller's context has is left out by naming it absent (KeyValue.absentKeys), or the caller's value would stand for its absence.
      List<Map<String, KeyValue>> keyed = new ArrayList<>();
      for (KeyValue value : values) {
        keyed.add(value.present() || callerSets ? Map.of(spelled, value) : Map.of());
      }
      dimensions.put(spelled, keyed);
      product *= values.size();
      if (product > MAX_CONTEXTS) {
        StringBuilder why = new StringBuilder();
        dimensions.forEach((k, v) -> why.append(why.length() == 0 ? "" : " × ").append(k).append(": ").append(v.size()));
        gaps.add("the condition keys' regions multiply past " + MAX_CONTEXTS + " contexts (" + why + ")");
        return contexts;
      }
    }
    for (List<Map<String, KeyValue>> dimension : dimensions.values()) {
      List<Map<String, KeyValue>> extended = new ArrayList<>();
      for (Map<String, KeyValue> context : contexts) {
        for (Map<String, KeyValue> value : dimension) {
          Map<String, KeyValue> next = new LinkedHashMap<>(context);
          next.putAll(value);
          extended.add(next);
        }
      }
      contexts = extended;
    }
    return contexts;
  }

  /** The principal's values the conditions' variables read: the regions depend on them. */
  private static List<String> variablesOf(List<KeyRegions.Compared> conditions, RequestContext caller) {
    List<String> values = new ArrayList<>();
    for (KeyRegions.Compared c : conditions) {
      for (String raw : c.condition().values()) {
        for (String key : PolicyValues.variableKeys(raw, c.variables())) {
          values.add(key + "=" + caller.get(key).map(Object::toString).orElse(""));
        }
      }
    }
    return values;
  }

  /**
   * What the evaluator and the caller ask of a resource besides the policies' patterns: which
   * account owns it (the principal's, another, none), which resource-based policy applies (its
   * own at an exact ARN, or one that holds it, as {@link ResourcePolicyOwner#reaches} says: a
   * bucket's for its objects, a domain's for its indexes, a role's trust policy by the role's
   * name ...), whether it is a KMS key ({@code needsResourcePolicy}) or a role.
   */
  private static List<EvaluatorTest> evaluatorTests(List<Account> accounts) {
    Set<EvaluatorTest> tests = new LinkedHashSet<>();
    tests.add(new EvaluatorTest(TextTest.glob("arn:*:*:*::*", TextTest.Mode.ARN_PARTS), null));
    tests.add(new EvaluatorTest(TextTest.glob("arn:*:kms:*:*:key/*", TextTest.Mode.ARN_PARTS), null));
    tests.add(new EvaluatorTest(TextTest.glob("arn:*:iam:*:*:role/*", TextTest.Mode.ARN_PARTS), null));
    tests.add(new EvaluatorTest(AWS_MANAGED_POLICIES, null));
    Evaluator.protectedResources().forEach(p -> tests.add(new EvaluatorTest(TextTest.glob(p, TextTest.Mode.ARN_PARTS), null, true)));
    tests.add(new EvaluatorTest(TextTest.glob("arn:*:s3:*::*/*", TextTest.Mode.ARN_PARTS), null));
    for (Account account : accounts) {
      String accountPattern = "arn:*:*:*:" + account.id() + ":*";
      tests.add(new EvaluatorTest(new TextTest(accountPattern, wildStars(accountPattern), TextTest.Mode.ARN_PARTS), null));
      for (ResourcePolicyOwner.Reach reach : ResourcePolicyOwner.reaches(account)) {
        // A role's trust policy is asked through its group (TrustGroups), of the trust actions only.
        if (!reach.trust()) {
          reachTests(reach).forEach(t -> tests.add(new EvaluatorTest(t, reach)));
        }
      }
    }
    return List.copyOf(tests);
  }

  /** The tests of where {@code reach}'s policy applies: its key exactly, and its patterns. */
  private static List<TextTest> reachTests(ResourcePolicyOwner.Reach reach) {
    List<TextTest> tests = new ArrayList<>();
    tests.add(TextTest.exact(reach.policy(), false));
    reach.within().forEach(p -> tests.add(reachPattern(p)));
    reach.outside().forEach(p -> tests.add(reachPattern(p)));
    return tests;
  }

  /** A pattern of {@link ResourcePolicyOwner.Reach}: {@code *} and {@code ?} wild, a backslash quoting the next character. */
  private static TextTest reachPattern(String pattern) {
    StringBuilder text = new StringBuilder(pattern.length());
    List<Boolean> wild = new ArrayList<>();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      boolean quoted = c == '\\' && i + 1 < pattern.length();
      if (quoted) {
        c = pattern.charAt(++i);
      }
      text.append(c);
      wild.add(!quoted && (c == '*' || c == '?'));
    }
    boolean[] flags = new boolean[wild.size()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = wild.get(i);
    }
    return new TextTest(text.toString(), flags, TextTest.Mode.ARN_PARTS);
  }

  /** Wildcards at the {@code *}s of the first five parts only: the rest is literal. */
  private static boolean[] wildStars(String pattern) {
    boolean[] wild = new boolean[pattern.length()];
    int colons = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      wild[i] = c == '*' && (colons < 5 || i == pattern.length() - 1);
      if (c == ':') {
        colons++;
      }
    }
    return wild;
  }
}
