package dev.iamunit.eval.space;

import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.internal.PolicyValues;
import dev.iamunit.model.Condition;
import dev.iamunit.model.ConditionOperator.Family;
import dev.iamunit.model.ConditionOperator.SetQualifier;
import dev.iamunit.model.ConditionOperator.Type;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The values of one condition key that the policies' comparisons cannot tell apart, one
 * representative each ("IAM JSON policy elements: Condition operators"): texts by {@link
 * TextRegions}, numbers, dates and addresses by {@link OrderedRegions}, Booleans as {@code true}
 * and {@code false}, the key's absence as its own region (what {@code Null}, {@code ...IfExists}
 * and the negated operators tell apart), and for a multivalued key every set of those values,
 * the empty set included ("Set operators for multivalued context keys"). A key compared by numeric
 * and date operators both has the regions of both readings ({@link OrderedRegions#numbersAndDates});
 * the request's time keys are one dimension of their own ({@link TimeRegions}).
 */
final class KeyRegions {

  /**
   * The representatives, or why they are not complete.
   *
   * @param values one per region
   * @param gap empty when complete; otherwise what made them a sample
   */
  record Result(List<KeyValue> values, String gap) {}

  /** True for every ARN and nothing else, as the evaluator recognizes one. */
  private static final TextTest ANY_ARN = TextTest.glob("arn:*:*:*:*:*", TextTest.Mode.ARN_PARTS);

  private KeyRegions() {}

  /**
   * The regions of {@code key} under {@code conditions} (each with whether its policy substitutes
   * variables), for a principal whose context is one of {@code callers} (one per version). {@code fixed} tells which keys the
   * principal fixes, which a variable may read. {@code anyText} says whether the key may hold any
   * text (a String key such as a tag, or one the catalog does not know) rather than only values of
   * its type: then a value that numeric, date, IP address and
   * Boolean operators cannot read is a region of its own, where each such operator is false
   * (CompiledCondition's INVALID), so that two Denies splitting every number leave it allowed.
   */
  static Result of(String key, List<Compared> conditions, List<RequestContext> callers, boolean setValued, boolean anyText,
      Function<String, Boolean> fixed, int maxStates, int maxSetRegions) {
    RequestContext caller = callers.get(0);
    Set<Family> families = EnumSet.noneOf(Family.class);
    for (Compared c : conditions) {
      if (c.condition().operator().type().family() != Family.NULL) {
        families.add(c.condition().operator().type().family());
      }
    }
    String spelled = conditions.get(0).condition().key();
    // String and ARN operators both compare text (TextRegions, each value in its operator's mode:
    // test below), so a key compared both ways, as aws:SourceArn "Works with ARN operators and
    // string operators" (IAM User Guide, AWS global condition context keys), has one search.
    boolean text = families.stream().allMatch(f -> f == Family.STRING || f == Family.ARN);
    // Numeric and date operators both order a run of digits, as the same number of seconds
    // (OrderedRegions.numbersAndDates), as aws:EpochTime "Works with date operators or numeric
    // operators" (IAM User Guide, AWS global condition context keys, aws:EpochTime).
    boolean ordered = families.equals(EnumSet.of(Family.NUMERIC, Family.DATE));
    if (families.size() > 1 && !text && !ordered) {
      return new Result(List.of(), spelled + " is compared as " + families.toString().toLowerCase(Locale.ROOT)
          + " at once, which the regions do not combine");
    }
    for (Compared c : conditions) {
      for (String raw : c.condition().values()) {
        String reads = readsRequest(raw, c.variables(), fixed);
        if (reads != null) {
          return new Result(List.of(), "a value of " + spelled + " (" + raw + ") reads " + reads + " from the request");
        }
      }
    }
    Family family = families.isEmpty() ? Family.NULL : families.contains(Family.ARN) ? Family.ARN : families.iterator().next();
    List<String> singles;
    String gap = "";
    switch (ordered ? Family.NULL : family) {
      case NULL -> singles = ordered ? OrderedRegions.numbersAndDates(values(conditions, Family.NUMERIC), values(conditions, Family.DATE))
          : List.of("example");
      case STRING, ARN -> {
        List<TextTest> tests = new ArrayList<>();
        Set<String> seeds = new LinkedHashSet<>();
        for (Compared c : conditions) {
          if (c.condition().operator().type().family() == Family.NULL) {
            continue;
          }
          for (String raw : c.condition().values()) {
            for (RequestContext each : callers) {
              PolicyValues.Glob glob = PolicyValues.resolve(raw, c.variables(), each);
              if (glob != null) {
                tests.add(test(glob, c.condition().operator().type()));
                seeds.add(readable(glob));
              }
            }
          }
        }
        if (families.contains(Family.ARN)) {
          // An ARN operator finds no match in a value that is not an ARN, whatever its pattern
          // (CompiledCondition: "arn:" and five colons, Arns.isArn), where a pattern with fewer
          // colons matches the whole text: ARNs and other texts are regions apart.
          tests.add(ANY_ARN);
        }
        caller.get(key).filter(e -> !e.multivalued()).ifPresent(e -> seeds.add(e.value()));
        if (families.contains(Family.ARN)) {
          seeds.add("arn:aws:iam::111111111111:role/other");
        }
        if (families.contains(Family.STRING)) {
          seeds.add("other");
        }
        TextRegions.Result regions = TextRegions.of(tests, List.copyOf(seeds), a -> true, maxStates);
        if (!regions.complete()) {
          gap = "the values of " + spelled + " make more than " + maxStates + " automaton states";
        }
        singles = regions.representatives();
      }
      case NUMERIC -> singles = OrderedRegions.numbers(values(conditions, family));
      case DATE -> singles = OrderedRegions.dates(values(conditions, family));
      case IP_ADDRESS -> singles = OrderedRegions.addresses(values(conditions, family));
      case BOOL -> singles = List.of("true", "false");
      case BINARY -> {
        Set<String> values = new LinkedHashSet<>(values(conditions, family));
        for (String other : List.of("AA==", "AQ==", "Ag==", "Aw==", "BA==")) {
          if (values.add(other)) {
            break;
          }
        }
        singles = new ArrayList<>(values);
      }
      default -> singles = List.of("example");
    }
    if (anyText && !ordered && EnumSet.of(Family.NUMERIC, Family.DATE, Family.IP_ADDRESS, Family.BOOL).contains(family)) {
      singles = new ArrayList<>(singles);
      singles.add(OrderedRegions.NEITHER);
    }
    List<KeyValue> out = new ArrayList<>();
    if (!caller.contains(key)) {
      out.add(KeyValue.ABSENT);
    }
    if (!setValued) {
      singles.forEach(v -> out.add(KeyValue.single(v)));
      return new Result(out, gap);
    }
    int k = singles.size();
    if (k <= maxSetRegions) {
      for (int mask = 0; mask < 1 << k; mask++) {
        out.add(subset(singles, BitSet.valueOf(new long[] {mask})));
      }
      return new Result(out, gap);
    }
    out.add(KeyValue.set(List.of()));
    singles.forEach(v -> out.add(KeyValue.single(v)));
    out.add(KeyValue.set(singles));
    return new Result(out, (gap.isEmpty() ? "" : gap + "; ") + spelled + " is multivalued with " + k
        + " regions of values: the empty set, each value alone and all together stand for the 2^" + k + " sets");
  }

  /** A condition and whether its policy substitutes variables. */
  record Compared(Condition condition, boolean variables) {
    SetQualifier qualifier() {
      return condition.operator().qualifier();
    }
  }

  private static KeyValue subset(List<String> singles, BitSet members) {
    List<String> values = new ArrayList<>();
    for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
      values.add(singles.get(i));
    }
    return values.size() == 1 ? KeyValue.single(values.get(0)) : KeyValue.set(values);
  }

  /** The first key a value's variables read that the principal does not fix, or null. */
  static String readsRequest(String raw, boolean variables, Function<String, Boolean> fixed) {
    for (String key : PolicyValues.variableKeys(raw, variables)) {
      if (!fixed.apply(key)) {
        return "${" + key + "}";
      }
    }
    return null;
  }

  /** How the evaluator compares a value under {@code type} ({@code CompiledCondition.stringMatch}). */
  static TextTest test(PolicyValues.Glob glob, Type type) {
    return switch (type) {
      case STRING_EQUALS, STRING_NOT_EQUALS -> TextTest.exact(glob.text(), false);
      case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> TextTest.exact(glob.text(), true);
      case STRING_LIKE, STRING_NOT_LIKE -> new TextTest(glob.text(), glob.wild(), TextTest.Mode.TEXT);
      default -> new TextTest(glob.text(), glob.wild(), TextTest.Mode.ARN_CONDITION);
    };
  }

  /** The value with each wildcard as a plain name: {@code home/*} reads {@code home/example}. */
  static String readable(PolicyValues.Glob glob) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < glob.text().length(); i++) {
      char c = glob.text().charAt(i);
      out.append(!glob.wild()[i] ? String.valueOf(c) : c == '*' ? "example" : "x");
    }
    return out.toString();
  }

  /** The values the conditions of {@code family} compare with. */
  private static List<String> values(List<Compared> conditions, Family family) {
    List<String> values = new ArrayList<>();
    for (Compared c : conditions) {
      if (c.condition().operator().type().family() == family) {
        values.addAll(c.condition().values());
      }
    }
    return values;
  }
}
