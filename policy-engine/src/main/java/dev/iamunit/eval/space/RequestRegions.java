package dev.iamunit.eval.space;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.aws.ActionInfo;
import dev.iamunit.aws.AwsData;
import dev.iamunit.aws.ConditionKeyInfo;
import dev.iamunit.aws.ResourceType;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.internal.PolicyValues;
import dev.iamunit.model.Account;
import dev.iamunit.model.Condition;
import dev.iamunit.model.ConditionOperator.SetQualifier;
import dev.iamunit.model.ResourceElement;
import dev.iamunit.model.Role;
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

  private final AwsData aws;
  private final List<TextTest> evaluatorTests;
  private final Map<List<Object>, TextRegions.Result> resourceCache = new ConcurrentHashMap<>();
  private final Map<List<Object>, KeyRegions.Result> keyCache = new ConcurrentHashMap<>();

  private RequestRegions(AwsData aws, List<TextTest> evaluatorTests) {
    this.aws = aws;
    this.evaluatorTests = evaluatorTests;
  }

  /** A space for the principals of {@code accounts} (the versions compared), with {@code aws}'s catalog. */
  public static RequestRegions of(List<Account> accounts, AwsData aws) {
    return new RequestRegions(aws, evaluatorTests(accounts));
  }

  /** Whether the principal fixes {@code key} (lower case), so that no request varies it. */
  public static boolean fixedByPrincipal(String key) {
    return FIXED.contains(key) || key.startsWith("aws:principaltag/");
  }

  /**
   * The regions of {@code action} for a caller whose context is {@code caller}, under {@code
   * statements} (every statement of every policy that could apply, of every version compared);
   * {@code seeds} are resources to prefer as representatives (readable names).
   */
  public ActionRegions regions(String action, List<PolicyStatement> statements, RequestContext caller, List<String> seeds) {
    List<PolicyStatement> relevant = statements.stream().filter(s -> s.mayApplyTo(action)).toList();
    List<String> gaps = new ArrayList<>();
    List<String> resources = resources(action, relevant, caller, seeds, gaps);
    List<Map<String, KeyValue>> contexts = contexts(relevant, caller, gaps);
    return new ActionRegions(resources, contexts, gaps);
  }

  private List<String> resources(
      String action, List<PolicyStatement> relevant, RequestContext caller, List<String> seeds, List<String> gaps) {
    Optional<ActionInfo> info = aws.action(action);
    if (info.isPresent() && info.get().resourceTypes().isEmpty()) {
      // "Some actions don't support resource-level permissions ... you must use the * wildcard"
      // (Service Authorization Reference): the request's resource is *.
      return List.of("*");
    }
    Set<TextTest> tests = new LinkedHashSet<>();
    for (PolicyStatement s : relevant) {
      List<String> values = s.statement().resource().map(ResourceElement::values).orElse(List.of());
      for (String raw : values) {
        String reads = KeyRegions.readsRequest(raw, s.variables(), k -> fixedByPrincipal(k));
        if (reads != null) {
          gaps.add("resource " + raw + " reads " + reads + " from the request");
          return List.of();
        }
        PolicyValues.Glob glob = PolicyValues.resolve(raw, s.variables(), caller);
        if (glob != null) {
          tests.add(new TextTest(glob.text(), glob.wild(), TextTest.Mode.ARN));
        }
      }
    }
    tests.addAll(evaluatorTests);
    int formatsFrom = tests.size();
    boolean star = info.isEmpty();
    if (info.isPresent()) {
      for (ResourceType type : info.get().resourceTypes()) {
        star |= !type.required();
        type.arnPatterns().forEach(format -> tests.add(TextTest.glob(format.replaceAll("\\$\\{[^}]*}", "*"), TextTest.Mode.ARN_PARTS)));
      }
    }
    List<TextTest> all = List.copyOf(tests);
    int formats = all.size() - formatsFrom;
    Predicate<BitSet> keep = formats == 0 ? a -> true : a -> a.nextSetBit(formatsFrom) >= 0;
    List<Object> key = List.of(all, seeds, formatsFrom);
    TextRegions.Result regions = resourceCache.computeIfAbsent(key, k -> TextRegions.of(all, seeds, keep, MAX_STATES));
    if (!regions.complete()) {
      gaps.add("the resource patterns make more than " + MAX_STATES + " automaton states");
    }
    List<String> out = new ArrayList<>();
    if (star) {
      out.add("*");
    }
    regions.representatives().stream().filter(r -> !r.equals("*")).forEach(out::add);
    if (out.size() > MAX_RESOURCES) {
      gaps.add(out.size() + " regions of resources, more than " + MAX_RESOURCES);
    }
    return out;
  }

  private List<Map<String, KeyValue>> contexts(List<PolicyStatement> relevant, RequestContext caller, List<String> gaps) {
    Map<String, List<KeyRegions.Compared>> byKey = new LinkedHashMap<>();
    for (PolicyStatement s : relevant) {
      for (Condition condition : s.statement().conditions()) {
        String key = condition.key().toLowerCase(Locale.ROOT);
        if (fixedByPrincipal(key) || BY_CREDENTIALS.contains(key) && !caller.contains(key)) {
          continue;
        }
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new KeyRegions.Compared(condition, s.variables()));
      }
    }
    List<Map<String, KeyValue>> contexts = new ArrayList<>();
    contexts.add(Map.of());
    long product = 1;
    Map<String, List<KeyValue>> dimensions = new LinkedHashMap<>();
    for (Map.Entry<String, List<KeyRegions.Compared>> entry : new java.util.TreeMap<>(byKey).entrySet()) {
      String key = entry.getKey();
      List<KeyRegions.Compared> conditions = entry.getValue();
      boolean setValued = conditions.stream().anyMatch(c -> c.qualifier() != SetQualifier.NONE)
          || aws.conditionKey(key).map(ConditionKeyInfo::type).map(t -> t.isArray()).orElse(false);
      List<Object> cacheKey = List.of(key, conditions.stream().map(c -> List.of(c.condition().operator().name(), c.condition().values(), c.variables())).toList(),
          setValued, String.valueOf(caller.get(key).orElse(null)), variablesOf(conditions, caller));
      KeyRegions.Result regions = keyCache.computeIfAbsent(cacheKey,
          k -> KeyRegions.of(key, conditions, caller, setValued, RequestRegions::fixedByPrincipal, MAX_STATES, MAX_SET_REGIONS));
      if (!regions.gap().isEmpty()) {
        gaps.add(regions.gap());
      }
      if (regions.values().isEmpty()) {
        return contexts;
      }
      dimensions.put(conditions.get(0).condition().key(), regions.values());
      product *= regions.values().size();
      if (product > MAX_CONTEXTS) {
        StringBuilder why = new StringBuilder();
        dimensions.forEach((k, v) -> why.append(why.length() == 0 ? "" : " × ").append(k).append(": ").append(v.size()));
        gaps.add("the condition keys' regions multiply past " + MAX_CONTEXTS + " contexts (" + why + ")");
        return contexts;
      }
    }
    for (Map.Entry<String, List<KeyValue>> dimension : dimensions.entrySet()) {
      List<Map<String, KeyValue>> extended = new ArrayList<>();
      for (Map<String, KeyValue> context : contexts) {
        for (KeyValue value : dimension.getValue()) {
          Map<String, KeyValue> next = new LinkedHashMap<>(context);
          if (value.present()) {
            next.put(dimension.getKey(), value);
          }
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
   * account owns it (the principal's, another, none), which resource-based policy applies (an
   * exact ARN, a bucket's for its objects, a role's trust policy by the role's name), whether it
   * is a KMS key ({@code needsResourcePolicy}) or a role.
   */
  private static List<TextTest> evaluatorTests(List<Account> accounts) {
    Set<TextTest> tests = new LinkedHashSet<>();
    tests.add(TextTest.glob("arn:*:*:*::*", TextTest.Mode.ARN_PARTS));
    tests.add(TextTest.glob("arn:*:kms:*:*:key/*", TextTest.Mode.ARN_PARTS));
    tests.add(TextTest.glob("*:role/*", TextTest.Mode.TEXT));
    tests.add(TextTest.glob("arn:*:iam:*:*:role/*", TextTest.Mode.ARN_PARTS));
    tests.add(TextTest.glob("arn:*:s3:*::*/*", TextTest.Mode.ARN_PARTS));
    for (Account account : accounts) {
      tests.add(new TextTest("arn:*:*:*:" + account.id() + ":*", wildStars("arn:*:*:*:" + account.id() + ":*"), TextTest.Mode.ARN_PARTS));
      for (String arn : account.resourcePolicies().keySet()) {
        tests.add(TextTest.exact(arn, false));
        String[] parts = arn.split(":", 6);
        if (parts.length == 6 && parts[2].equals("s3") && parts[4].isEmpty() && parts[5].indexOf('/') < 0) {
          String objects = "arn:" + parts[1] + ":s3:*::" + parts[5] + "/*";
          tests.add(new TextTest(objects, wildStars(objects), TextTest.Mode.ARN_PARTS));
        }
      }
      for (Role role : account.roles().values()) {
        for (String form : List.of("arn:*:iam:*:*:role/" + role.name(), "arn:*:iam:*:*:role/*/" + role.name())) {
          boolean[] wild = wildStars(form);
          int path = form.indexOf("role/*/");
          if (path > 0) {
            wild[path + 5] = true;
          }
          tests.add(new TextTest(form, wild, TextTest.Mode.ARN_PARTS));
        }
      }
    }
    return List.copyOf(tests);
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
