package dev.iamunit.eval.space;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.BoundRequest;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.internal.PolicyValues;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Every request one principal can make, over the complete request space ({@link RequestRegions}),
 * that its policies allow: the search behind "this principal may only do X" and "none of these
 * requests is allowed". One version of the policies, walked as the access diff walks two ({@link
 * SpaceWalk}) over the policies that can apply to the caller's requests ({@link ApplicablePolicies}).
 *
 * <p>The actions searched are classes of the bundled catalog's actions ({@link ActionClasses}),
 * each restricted to the actions asked about; each class is decided on one request per region of
 * resources and contexts, under each kind of credentials asked. Keys the caller fixes (the test's
 * context keys, and the time when fixed) are not varied. Where the regions of a class are a sample
 * ({@link ActionRegions#gaps()}), the result names the class in {@link Result#sampled()}: an empty
 * {@link Result#allowed()} is a proof only when {@link Result#proved()}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AllowedRequests {

  /**
   * An allowed request.
   *
   * @param request the request with its policies, as {@link Caller#request} makes it
   * @param decision the decision ({@link Evaluator#decide}: explain it for a message)
   * @param varied the context keys the search set, for its region (the caller's and the fixed
   *     ones left out): what makes this request differ from the caller's usual one
   * @param absent the keys of the caller's context the search left out, for its region ({@code
   *     aws:ViaAWSService}, which AWS leaves out of some requests)
   * @param alike the other actions asked about that the policies treat alike ({@link
   *     ActionClasses}) and that AWS sends with the request's resource (an action whose ARN
   *     formats do not hold it is found on a request of its own): each is allowed on the same
   *     request
   */
  public record Found(BoundRequest request, Decision decision, Map<String, List<String>> varied, Set<String> absent, List<String> alike) {
    public Found {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(decision, "decision");
      varied = Collections.unmodifiableMap(new LinkedHashMap<>(varied));
      absent = Collections.unmodifiableSet(new LinkedHashSet<>(absent));
      alike = List.copyOf(alike);
    }

    /** The action of the request and every action alike. */
    public List<String> actions() {
      List<String> all = new ArrayList<>(alike.size() + 1);
      all.add(request.request().action());
      all.addAll(alike);
      return all;
    }
  }

  /**
   * What the search found.
   *
   * @param allowed every allowed request, one per region, by action
   * @param sampled the classes of actions decided over a sample only
   * @param actions how many actions were searched
   * @param requests how many requests were decided
   */
  public record Result(List<Found> allowed, List<SpaceWalk.Sampled> sampled, int actions, long requests) {
    public Result {
      allowed = List.copyOf(allowed);
      sampled = List.copyOf(sampled);
    }

    /** Whether every request of every action searched was decided (a region each): nothing sampled. */
    public boolean proved() {
      return sampled.isEmpty();
    }
  }

  private final AwsData aws;
  private final Evaluator evaluator;

  private AllowedRequests(AwsData aws, Evaluator evaluator) {
    this.aws = aws;
    this.evaluator = evaluator;
  }

  /** A search with {@code aws}'s catalog, deciding with {@code evaluator}. */
  public static AllowedRequests of(AwsData aws, Evaluator evaluator) {
    return new AllowedRequests(Objects.requireNonNull(aws, "aws"), Objects.requireNonNull(evaluator, "evaluator"));
  }

  /**
   * Every request {@code caller} can make for an action {@code actions} accepts (of the catalog and
   * of every action a policy names), with each of {@code credentials}, at {@code time}, that its
   * policies allow. {@code fixed} are context keys every request carries as given (the test's),
   * never varied; when {@code timeFixed}, neither is the time.
   *
   * @throws dev.iamunit.eval.UnresolvedValueException when a decision depends on a value the loaders could not compute
   */
  public Result search(Caller caller, List<CredentialKind> credentials, Instant time, Map<String, List<String>> fixed,
      boolean timeFixed, Predicate<String> actions) {
    List<Account> accounts = caller.accounts().all();
    SpaceWalk space = space(accounts, ApplicablePolicies.of(List.of(caller), accounts));
    Set<String> notVaried = new LinkedHashSet<>(fixed.keySet());
    if (timeFixed) {
      notVaried.add("aws:CurrentTime");
      notVaried.add("aws:EpochTime");
    }
    // The caller's context for each kind of credentials, with the fixed keys: what the regions vary from.
    Map<CredentialKind, List<RequestContext>> contexts = new LinkedHashMap<>();
    credentials.forEach(kind -> contexts.put(kind, List.of(withKeys(caller.context(kind, time), fixed))));
    List<Found> allowed = new ArrayList<>();
    // The requests of the allowed regions' other ARN formats, decided beside the walk's.
    long[] ownRequests = {0};
    SpaceWalk.Walked walked = space.walk(contexts, List.of(), actions, notVaried, (asked, target, kind, context) -> {
      Map<String, List<String>> varied = KeyValue.values(context);
      Set<String> absent = KeyValue.absentKeys(context);
      Map<String, List<String>> extra = new LinkedHashMap<>(fixed);
      extra.putAll(varied);
      BoundRequest request = caller.request(target.action(), target.resource(), kind, time, extra, absent);
      Decision decision = evaluator.decide(request);
      if (!decision.isAllowed()) {
        return;
      }
      // Alike: the members AWS sends with this resource. The members of the region's other ARN
      // formats are allowed there (every test answers their ARNs alike): each format's members
      // are found on a request of their own, decided as any other.
      List<String> alike = space.alike(asked, target);
      allowed.add(new Found(request, decision, varied, absent, alike));
      Set<String> named = new java.util.HashSet<>(alike);
      named.add(target.action());
      for (ActionRegions.Target held : target.alsoHeld()) {
        List<String> members = space.sentWith(asked, held.resource()).stream().filter(m -> !named.contains(m)).toList();
        if (members.isEmpty()) {
          continue;
        }
        named.addAll(members);
        BoundRequest other = caller.request(members.get(0), held.resource(), kind, time, extra, absent);
        ownRequests[0]++;
        Decision otherDecision = evaluator.decide(other);
        if (otherDecision.isAllowed()) {
          allowed.add(new Found(other, otherDecision, varied, absent, members.subList(1, members.size())));
        }
      }
    });
    return new Result(allowed, walked.sampled(), walked.actions(), walked.requests() + ownRequests[0]);
  }

  /**
   * The space of {@code policies} over {@code accounts}, kept for the last {@link #KEPT} pairs: a
   * test class asks the same principal under the same policies assertion after assertion, and the
   * space's caches (the regions of each class, each key) are what a search costs. Keyed by the
   * models themselves, which are immutable, compared by identity (an equal copy is a new space, not
   * a wrong one); the bound keeps a run of thousands of test classes from holding their models.
   */
  private SpaceWalk space(List<Account> accounts, List<Policy> policies) {
    SpaceKey key = new SpaceKey(aws, accounts, policies);
    synchronized (SPACES) {
      SpaceWalk kept = SPACES.get(key);
      if (kept != null) {
        return kept;
      }
    }
    SpaceWalk space = SpaceWalk.of(accounts, policies, aws);
    synchronized (SPACES) {
      SPACES.putIfAbsent(key, space);
      return SPACES.get(key);
    }
  }

  /** How many spaces are kept: the principals and policy sets of a test class or two. */
  static final int KEPT = 8;

  private static final Map<SpaceKey, SpaceWalk> SPACES = new LinkedHashMap<>(KEPT, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<SpaceKey, SpaceWalk> eldest) {
      return size() > KEPT;
    }
  };

  /** A catalog, accounts and policies, equal when they are the same objects. */
  private record SpaceKey(AwsData aws, List<Account> accounts, List<Policy> policies) {
    SpaceKey {
      accounts = List.copyOf(accounts);
      policies = List.copyOf(policies);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SpaceKey that && aws == that.aws && same(accounts, that.accounts) && same(policies, that.policies);
    }

    @Override
    public int hashCode() {
      int hash = System.identityHashCode(aws);
      for (Object o : accounts) {
        hash = 31 * hash + System.identityHashCode(o);
      }
      for (Object o : policies) {
        hash = 31 * hash + System.identityHashCode(o);
      }
      return hash;
    }

    private static boolean same(List<?> a, List<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) != b.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Whether one of {@code actionPatterns} ({@code iam:List*}, {@code s3:GetObject}) names an
   * action, as the evaluator matches an Action element: what a search's action filter is made of.
   */
  public static Predicate<String> matching(List<String> actionPatterns) {
    // The walk asks every action of the catalog: names without wildcards are one set lookup (the
    // evaluator matches actions ignoring case), only the patterns are matched one by one.
    Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    List<String> patterns = new ArrayList<>();
    for (String pattern : actionPatterns) {
      String p = pattern.strip();
      if (p.indexOf('*') < 0 && p.indexOf('?') < 0) {
        names.add(p);
      } else {
        patterns.add(p);
      }
    }
    return action -> {
      if (names.contains(action.strip())) {
        return true;
      }
      for (String pattern : patterns) {
        if (PolicyValues.actionMatches(pattern, action)) {
          return true;
        }
      }
      return false;
    };
  }

  /** {@code context} with {@code keys} added as {@link Caller#request} adds them: one value is single-valued. */
  private static RequestContext withKeys(RequestContext context, Map<String, List<String>> keys) {
    RequestContext.Builder builder = context.toBuilder();
    keys.forEach((key, values) -> {
      if (values.size() == 1) {
        builder.put(key, values.get(0));
      } else {
        builder.putMultivalued(key, values);
      }
    });
    return builder.build();
  }
}
