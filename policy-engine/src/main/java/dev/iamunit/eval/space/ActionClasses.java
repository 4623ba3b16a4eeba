package dev.iamunit.eval.space;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.internal.PolicyValues;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Every action of the bundled catalog, in classes the policies cannot tell apart. An action a
 * pattern names through its own service ({@code s3:Get*}, {@code iam:CreateUser}) is a class of
 * its own. Every other action reaches the policies only through {@code NotAction} or a pattern
 * whose service is a wildcard ({@code *}, {@code *:Describe*}): those of one service that the same
 * patterns match and that {@link Evaluator#ruleKey} puts together are one class, decided through
 * one representative, since the evaluator tells actions apart only by the patterns they match, by
 * their service (credential restrictions by service) and by its own rules about actions.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ActionClasses {

  /**
   * One class.
   *
   * @param representative the action asked, as AWS spells it
   * @param members every action of the class, the representative first
   */
  public record ActionClass(String representative, List<String> members) {
    public ActionClass {
      members = List.copyOf(members);
    }
  }

  private final List<ActionClass> classes;
  private final int catalog;

  private ActionClasses(List<ActionClass> classes, int catalog) {
    this.classes = List.copyOf(classes);
    this.catalog = catalog;
  }

  /** The classes of every action of {@code aws}'s catalog, and of every action the statements name. */
  public static ActionClasses of(List<PolicyStatement> statements, AwsData aws) {
    List<String> patterns = new ArrayList<>();
    TreeMap<String, String> named = new TreeMap<>();
    for (PolicyStatement s : statements) {
      for (String pattern : s.statement().action().values()) {
        patterns.add(pattern);
        int colon = pattern.indexOf(':');
        String service = colon > 0 ? pattern.substring(0, colon) : pattern;
        if (colon < 0 || service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
          continue;
        }
        if (pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0) {
          aws.expandActionPattern(pattern).forEach(a -> named.putIfAbsent(a.toLowerCase(Locale.ROOT), a));
        } else {
          String action = aws.action(pattern.strip()).map(a -> a.qualifiedName()).orElse(pattern.strip());
          named.putIfAbsent(action.toLowerCase(Locale.ROOT), action);
        }
      }
    }
    List<String> every = aws.expandActionPattern("*");
    List<String> distinctPatterns = List.copyOf(new LinkedHashSet<>(patterns));
    Map<List<Object>, List<String>> byAnswers = new LinkedHashMap<>();
    for (String action : every) {
      String key = action.toLowerCase(Locale.ROOT);
      if (named.containsKey(key)) {
        continue;
      }
      String service = key.substring(0, key.indexOf(':'));
      BitSet answers = new BitSet();
      for (int i = 0; i < distinctPatterns.size(); i++) {
        answers.set(i, PolicyValues.actionMatches(distinctPatterns.get(i), action));
      }
      byAnswers.computeIfAbsent(List.of(service, Evaluator.ruleKey(action), answers), k -> new ArrayList<>()).add(action);
    }
    List<ActionClass> classes = new ArrayList<>();
    named.values().forEach(a -> classes.add(new ActionClass(a, List.of(a))));
    byAnswers.values().forEach(members -> classes.add(new ActionClass(members.get(0), members)));
    classes.sort(java.util.Comparator.comparing(c -> c.representative().toLowerCase(Locale.ROOT)));
    Set<String> all = new LinkedHashSet<>();
    classes.forEach(c -> c.members().forEach(m -> all.add(m.toLowerCase(Locale.ROOT))));
    return new ActionClasses(classes, all.size());
  }

  public List<ActionClass> classes() {
    return classes;
  }

  /** How many actions the classes hold: the catalog and every named action outside it. */
  public int actions() {
    return catalog;
  }
}
