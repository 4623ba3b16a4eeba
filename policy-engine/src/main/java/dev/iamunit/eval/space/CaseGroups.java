package dev.iamunit.eval.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The characters equal ignoring case as the evaluator compares them ({@code
 * Character.toLowerCase(a) == Character.toLowerCase(b)}): {@code k}, {@code K} and the Kelvin sign
 * are one group. An exact alphabet needs each group whole.
 */
final class CaseGroups {

  private static final class Holder {
    static final Map<Character, List<Character>> BY_LOWER = build();
  }

  private CaseGroups() {}

  static List<Character> of(char c) {
    return Holder.BY_LOWER.get(Character.toLowerCase(c));
  }

  private static Map<Character, List<Character>> build() {
    Map<Character, List<Character>> groups = new HashMap<>();
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      groups.computeIfAbsent(Character.toLowerCase(c), k -> new ArrayList<>()).add(c);
    }
    groups.replaceAll((k, v) -> List.copyOf(v));
    return groups;
  }
}
