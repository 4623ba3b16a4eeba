package dev.iamunit.oracle.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One fact on which the static load and the plan load of a unit disagree.
 *
 * @param unit the unit's name
 * @param subject what the fact is about ({@code role deployer inline ci})
 * @param kind how they disagree
 * @param staticValue the static loader's value, empty when it has none
 * @param planValue the plan loader's value, empty when it has none
 */
record Difference(String unit, String subject, Kind kind, String staticValue, String planValue) {

  enum Kind {
    /** Terraform plans it; the static load has no such subject. */
    MISSING_IN_STATIC("missing-in-static"),
    /** The static load has a subject Terraform does not plan. */
    EXTRA_IN_STATIC("extra-in-static"),
    /** The static load leaves open a value Terraform computes at plan time. */
    STATIC_UNRESOLVED("static-unresolved"),
    /**
     * The static load gives a value Terraform leaves unknown until apply: right only where AWS's
     * formats fix it from given names (an SQS queue's ARN from its name), otherwise a guess.
     */
    STATIC_KNOWS_UNKNOWN("static-knows-unknown"),
    /** Both have the subject with different values. */
    DIFFERS("differs"),
    /**
     * Terraform plans a policy document ({@link PlannedPolicies}) that a load neither holds nor
     * reports: a silent drop. The values say which load.
     */
    NOT_LOADED("not-loaded");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /**
   * Every subject of either side whose values are not the same, sorted by subject. A policy only the
   * static load has, whose policy attribute the plan left unknown as a whole ({@code
   * planUnknownPolicies}), is a value Terraform leaves unknown; so is one the plan load kept as a
   * policy with no readable statement at all (the loaders keep an unknown policy as unreadable
   * rather than drop it).
   */
  static List<Difference> between(String unit, SortedMap<String, String> staticFacts, SortedMap<String, String> planFacts,
      Set<String> planUnknownPolicies) {
    List<Difference> differences = new ArrayList<>();
    TreeSet<String> subjects = new TreeSet<>(staticFacts.keySet());
    subjects.addAll(planFacts.keySet());
    for (String subject : subjects) {
      String ours = staticFacts.get(subject);
      String terraform = planFacts.get(subject);
      boolean unknownInPlan = planUnknownPolicies.stream().anyMatch(a -> subject.startsWith("policy " + a + " ")
          || subject.equals("resource-policy " + a + " resource"));
      if (ours == null) {
        differences.add(new Difference(unit, subject, Kind.MISSING_IN_STATIC, "", terraform));
      } else if (terraform == null) {
        differences.add(new Difference(unit, subject, unknownInPlan ? Kind.STATIC_KNOWS_UNKNOWN : Kind.EXTRA_IN_STATIC, ours,
            unknownInPlan ? AccountFacts.UNKNOWN : ""));
      } else if (!ours.equals(terraform)) {
        Kind kind = fills(terraform, ours) || unknownInPlan && wholeUnreadable(terraform) ? Kind.STATIC_KNOWS_UNKNOWN
            : fills(ours, terraform) ? Kind.STATIC_UNRESOLVED : Kind.DIFFERS;
        differences.add(new Difference(unit, subject, kind, ours, terraform));
      }
    }
    return differences;
  }

  /**
   * Whether {@code known} is {@code withUnknowns} with each unknown filled by some text; in a list
   * ({@code [a, <?>]}), an unknown entry stands for any number of entries, none included (a
   * role's {@code managed_policy_arns}, which Terraform plans as unknown when it is not set).
   */
  static boolean fills(String withUnknowns, String known) {
    if (!withUnknowns.contains(AccountFacts.UNKNOWN)) {
      return false;
    }
    if (isList(withUnknowns) && isList(known)) {
      List<String> entries = entries(withUnknowns);
      List<String> knownEntries = entries(known);
      boolean open = entries.remove(AccountFacts.UNKNOWN);
      entries.removeIf(e -> e.equals(AccountFacts.UNKNOWN));
      return open && knownEntries.containsAll(entries) && entries.stream().noneMatch(e -> e.contains(AccountFacts.UNKNOWN));
    }
    List<String> parts = new ArrayList<>();
    for (String part : withUnknowns.split(Pattern.quote(AccountFacts.UNKNOWN), -1)) {
      parts.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join(".+?", parts), Pattern.DOTALL).matcher(known).matches();
  }

  /** A policy fact with no statement and only unreadable ones ({@code Version=- unreadable-statements=1}). */
  private static boolean wholeUnreadable(String policy) {
    return !policy.contains("\n") && policy.contains(" unreadable-statements=");
  }

  private static boolean isList(String value) {
    return value.startsWith("[") && value.endsWith("]") && !value.contains("\n");
  }

  private static List<String> entries(String list) {
    String inner = list.substring(1, list.length() - 1);
    return inner.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(inner.split(", ")));
  }

  /** The first line where the two values part, as {@code static | plan}. */
  String firstDifferentLine() {
    String[] left = staticValue.split("\n", -1);
    String[] right = planValue.split("\n", -1);
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      String l = i < left.length ? left[i] : "(none)";
      String r = i < right.length ? right[i] : "(none)";
      if (!l.equals(r)) {
        return "static: " + l + "\n    plan:   " + r;
      }
    }
    return "";
  }
}
