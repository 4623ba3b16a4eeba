package dev.iamunit.spelling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collection;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbours each cost one, so {@code RunIsntances} is one edit from {@code RunInstances}.
 */
@API(status = INTERNAL, since = "0.1")
public final class EditDistance {

  private EditDistance() {}

  /**
   * The distance between {@code a} and {@code b} ignoring case, or {@code limit + 1} as soon as
   * it is known to exceed {@code limit}.
   */
  public static int atMost(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > limit) {
      return limit + 1;
    }
    int[] before = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      int rowMinimum = i;
      char ca = Character.toLowerCase(a.charAt(i - 1));
      for (int j = 1; j <= m; j++) {
        char cb = Character.toLowerCase(b.charAt(j - 1));
        int cost = ca == cb ? 0 : 1;
        int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && ca == Character.toLowerCase(b.charAt(j - 2))
            && Character.toLowerCase(a.charAt(i - 2)) == cb) {
          value = Math.min(value, before[j - 2] + 1);
        }
        current[j] = value;
        rowMinimum = Math.min(rowMinimum, value);
      }
      if (rowMinimum > limit) {
        return limit + 1;
      }
      int[] recycled = before;
      before = previous;
      previous = current;
      current = recycled;
    }
    return Math.min(previous[m], limit + 1);
  }

  /**
   * The candidate spelled most like {@code wanted}, ignoring case, when it is at most {@code
   * limit} edits away: the "did you mean" of error messages.
   */
  public static Optional<String> closest(String wanted, Collection<String> candidates, int limit) {
    String best = null;
    int bestDistance = limit + 1;
    for (String candidate : candidates) {
      int distance = atMost(wanted, candidate, bestDistance - 1 < 0 ? 0 : bestDistance - 1);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }
}
