package dev.iamunit.eval.space;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.internal.ActionNames;
import dev.iamunit.eval.internal.PolicyValues;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import org.apiguardian.api.API;

/**
 * Every action of the bundled catalog, in classes the policies cannot tell apart: the actions of
 * one service that the same action patterns of the statements match and that {@link
 * Evaluator#ruleKey} puts together are one class, decided through one representative. An action
 * a statement names that the catalog lacks is a class of its own.
 *
 * <p>Why one member's answer is every member's, on the same request (the same resource, context
 * and credentials): the evaluator reads a request's action in these places only.
 * <ul>
 *   <li>Whether each statement's Action or NotAction lists it: a statement lists an action when
 *       one of its patterns matches it, so the set of patterns that match decides it for every
 *       statement. Patterns are compared as the evaluator reads them: a value a loader could not
 *       compute as {@code *} where it stands (the broadest reading); the narrowest reading drops
 *       such a value or makes it {@code *} whatever the action, so it tells no two actions apart.
 *   <li>Its service: credential restrictions ("You cannot call any IAM API operations unless MFA
 *       information is included", IAM User Guide, Comparing the AWS STS credentials).
 *   <li>Its own rules by name or access level: the STS actions policies do not control, trust
 *       policies, the root user's bucket-policy actions, and whether {@code ProtectedResources}
 *       may refuse it. {@link Evaluator#ruleKey} says which.
 * </ul>
 * Nothing else of the action reaches a decision: not the catalog's resource types (they say which
 * resources AWS sends with the action, not how a request on one is decided; {@link RequestRegions}
 * asks each ARN format of the class with a member that has it) and not its condition keys (the
 * space varies every key the statements compare, for every action alike, and the evaluator never
 * reads the catalog's keys). So two actions with the same service, rule key and matching patterns
 * are decided alike on every request, which {@code ActionClassesTests} checks member by member.
 *
 * <p>The classes depend only on the statements' patterns: they are kept for the last few pattern
 * lists asked, since one test class asks the same policies many times. Immutable, thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ActionClasses {

  /**
   * One class: actions of one service, spelled as the catalog spells them, with one {@link
   * Evaluator#ruleKey} (so one answer to {@link Evaluator#mayRefuseChanges}, which the request
   * space reads of the representative), or a part of one such class.
   *
   * @param representative the action asked, as AWS spells it
   * @param members every action of the class, the representative first
   */
  public record ActionClass(String representative, List<String> members) {
    public ActionClass {
      members = List.copyOf(members);
    }
  }

  /** How many pattern lists' classes are kept: a test class's scenarios, a diff's two versions. */
  private static final int KEPT = 16;

  private static final Map<AwsData, Catalog> CATALOGS = Collections.synchronizedMap(new WeakHashMap<>());

  private final List<ActionClass> classes;
  private final int catalog;

  private ActionClasses(List<ActionClass> classes, int catalog) {
    this.classes = List.copyOf(classes);
    this.catalog = catalog;
  }

  /** The classes of every action of {@code aws}'s catalog, and of every action the statements name. */
  public static ActionClasses of(List<PolicyStatement> statements, AwsData aws) {
    Set<String> patterns = new LinkedHashSet<>();
    for (PolicyStatement s : statements) {
      for (String pattern : s.statement().action().values()) {
        patterns.add(pattern.strip());
      }
    }
    return CATALOGS.computeIfAbsent(aws, Catalog::new).classes(List.copyOf(patterns));
  }

  public List<ActionClass> classes() {
    return classes;
  }

  /** How many actions the classes hold: the catalog and every named action outside it. */
  public int actions() {
    return catalog;
  }

  /**
   * The catalog's actions with what the classes read of each (service, rule key), indexed by
   * service so that a pattern with a literal service is matched against that service's actions
   * only, and the classes of the last pattern lists.
   */
  private static final class Catalog {
    private final AwsData aws;
    private final List<String> actions;
    private final int[] all;
    private final String[] services;
    private final String[] ruleKeys;
    private final Map<String, int[]> byService = new HashMap<>();
    private final Map<List<String>, ActionClasses> recent = new LinkedHashMap<>(KEPT, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<List<String>, ActionClasses> eldest) {
        return size() > KEPT;
      }
    };

    Catalog(AwsData aws) {
      this.aws = aws;
      this.actions = aws.expandActionPattern("*");
      this.all = java.util.stream.IntStream.range(0, actions.size()).toArray();
      this.services = new String[actions.size()];
      this.ruleKeys = new String[actions.size()];
      // A service at a time, in the order of "*" (AwsData#services): its prefix is cut and
      // lower-cased once, not once per action.
      int i = 0;
      for (String prefix : aws.services()) {
        String service = prefix.toLowerCase(Locale.ROOT);
        int[] indices = new int[aws.actionsOf(prefix).size()];
        for (int k = 0; k < indices.length; k++, i++) {
          services[i] = service;
          ruleKeys[i] = Evaluator.ruleKey(actions.get(i));
          indices[k] = i;
        }
        byService.merge(service, indices, (a, b) -> java.util.stream.IntStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray());
      }
      if (i != actions.size()) {
        throw new IllegalStateException("the catalog's services hold " + i + " actions, \"*\" " + actions.size());
      }
    }

    ActionClasses classes(List<String> patterns) {
      synchronized (recent) {
        ActionClasses kept = recent.get(patterns);
        if (kept != null) {
          return kept;
        }
      }
      ActionClasses computed = compute(patterns);
      synchronized (recent) {
        recent.put(patterns, computed);
      }
      return computed;
    }

    private ActionClasses compute(List<String> patterns) {
      // Which patterns match each action; an action no pattern matches keeps a null (the empty set).
      BitSet[] matched = new BitSet[actions.size()];
      TreeMap<String, String> outside = new TreeMap<>();
      for (int p = 0; p < patterns.size(); p++) {
        String pattern = PolicyStatement.broadly(patterns.get(p));
        for (int i : candidates(pattern)) {
          if (PolicyValues.actionMatches(pattern, actions.get(i))) {
            if (matched[i] == null) {
              matched[i] = new BitSet(patterns.size());
            }
            matched[i].set(p);
          }
        }
        int colon = pattern.indexOf(':');
        boolean literal = colon > 0 && pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
        if (literal && aws.action(pattern).isEmpty()) {
          // Named, but not in the catalog: it may be anything, so it is asked on its own.
          outside.putIfAbsent(pattern.toLowerCase(Locale.ROOT), pattern);
        }
      }
      BitSet none = new BitSet();
      Map<List<Object>, List<String>> byAnswers = new LinkedHashMap<>();
      for (int i = 0; i < actions.size(); i++) {
        byAnswers.computeIfAbsent(List.of(services[i], ruleKeys[i], matched[i] == null ? none : matched[i]), k -> new ArrayList<>())
            .add(actions.get(i));
      }
      List<ActionClass> classes = new ArrayList<>();
      outside.values().forEach(a -> classes.add(new ActionClass(a, List.of(a))));
      byAnswers.values().forEach(members -> classes.add(new ActionClass(members.get(0), members)));
      classes.sort(Comparator.comparing(c -> c.representative().toLowerCase(Locale.ROOT)));
      return new ActionClasses(classes, actions.size() + outside.size());
    }

    /** The catalog's actions {@code pattern} may match: its service's when it names one without wildcards, else all. */
    private int[] candidates(String pattern) {
      String service = ActionNames.literalServiceOf(pattern);
      return service.isEmpty() ? all : byService.getOrDefault(service, new int[0]);
    }
  }
}
