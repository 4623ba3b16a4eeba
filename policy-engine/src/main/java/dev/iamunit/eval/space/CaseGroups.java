package dev.iamunit.eval.space;

import java.util.ArrayList;
import java.util.List;

/**
 * The characters equal ignoring case as the evaluator compares them ({@code
 * Character.toLowerCase(a) == Character.toLowerCase(b)}): {@code k}, {@code K} and the Kelvin sign
 * are one group. An exact alphabet needs each group whole.
 */
final class CaseGroups {

  /**
   * Every character, sorted by its lower case (stable), and where each lower case's run starts:
   * primitive arrays, since a cold request space builds them first thing.
   */
  private static final class Holder {
    static final char[] BY_LOWER = new char[Character.MAX_VALUE + 1];
    static final int[] START = new int[Character.MAX_VALUE + 2];

    static {
      int[] count = new int[Character.MAX_VALUE + 2];
      for (int i = 0; i <= Character.MAX_VALUE; i++) {
        count[Character.toLowerCase((char) i) + 1]++;
      }
      for (int i = 1; i < START.length; i++) {
        START[i] = START[i - 1] + count[i];
      }
      int[] next = START.clone();
      for (int i = 0; i <= Character.MAX_VALUE; i++) {
        BY_LOWER[next[Character.toLowerCase((char) i)]++] = (char) i;
      }
    }
  }

  private CaseGroups() {}

  static List<Character> of(char c) {
    char lower = Character.toLowerCase(c);
    List<Character> group = new ArrayList<>(Holder.START[lower + 1] - Holder.START[lower]);
    for (int i = Holder.START[lower]; i < Holder.START[lower + 1]; i++) {
      group.add(Holder.BY_LOWER[i]);
    }
    return List.copyOf(group);
  }
}
