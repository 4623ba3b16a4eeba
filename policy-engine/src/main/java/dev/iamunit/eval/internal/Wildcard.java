package dev.iamunit.eval.internal;

/**
 * A pattern where {@code *} matches any run of characters and {@code ?} exactly one. Characters
 * that came from a policy variable or from {@code ${*}} are literal even when they are {@code *}.
 * Matching is iterative (no regular expressions, no allocation).
 */
public final class Wildcard {

  private final char[] chars;
  private final boolean[] wild;
  private final boolean hasWildcards;

  Wildcard(char[] chars, boolean[] wild) {
    this.chars = chars;
    this.wild = wild;
    boolean any = false;
    for (boolean w : wild) {
      any |= w;
    }
    this.hasWildcards = any;
  }

  /** Every {@code *} and {@code ?} in {@code text} is a wildcard. */
  public static Wildcard of(String text) {
    char[] chars = text.toCharArray();
    boolean[] wild = new boolean[chars.length];
    for (int i = 0; i < chars.length; i++) {
      wild[i] = chars[i] == '*' || chars[i] == '?';
    }
    return new Wildcard(chars, wild);
  }

  /** No wildcards at all. */
  public static Wildcard literal(String text) {
    return new Wildcard(text.toCharArray(), new boolean[text.length()]);
  }

  public boolean hasWildcards() {
    return hasWildcards;
  }

  /** Whether the pattern is exactly one {@code *}. */
  public boolean isStar() {
    return chars.length == 1 && wild[0] && chars[0] == '*';
  }

  /**
   * Where each of the first five literal colons of this pattern stands, or null when it has fewer:
   * the ends of the ARN segments partition, service, region and account.
   */
  int[] segmentEnds() {
    int[] ends = new int[5];
    int found = 0;
    for (int i = 0; i < chars.length && found < 5; i++) {
      if (chars[i] == ':' && !wild[i]) {
        ends[found++] = i;
      }
    }
    return found == 5 ? ends : null;
  }

  int length() {
    return chars.length;
  }

  public String text() {
    return new String(chars);
  }

  public boolean matches(String input, boolean ignoreCase) {
    return matches(input, 0, input.length(), ignoreCase);
  }

  /** Matches {@code input[from, to)}. */
  public boolean matches(String input, int from, int to, boolean ignoreCase) {
    return matches(0, chars.length, input, from, to, ignoreCase);
  }

  /** Matches {@code input[from, to)} against the part {@code [patternFrom, patternTo)} of this pattern. */
  public boolean matches(int patternFrom, int patternTo, String input, int from, int to, boolean ignoreCase) {
    int p = patternFrom;
    int s = from;
    int starP = -1;
    int starS = -1;
    while (s < to) {
      if (p < patternTo && wild[p] && chars[p] == '*') {
        starP = p++;
        starS = s;
      } else if (p < patternTo && (wild[p] ? chars[p] == '?' : same(chars[p], input.charAt(s), ignoreCase))) {
        p++;
        s++;
      } else if (starP >= 0) {
        p = starP + 1;
        s = ++starS;
      } else {
        return false;
      }
    }
    while (p < patternTo && wild[p] && chars[p] == '*') {
      p++;
    }
    return p == patternTo;
  }

  private static boolean same(char a, char b, boolean ignoreCase) {
    return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
  }

  /** Exact comparison, treating wildcards as the characters they are. */
  public boolean equalsText(String input, boolean ignoreCase) {
    if (input.length() != chars.length) {
      return false;
    }
    for (int i = 0; i < chars.length; i++) {
      if (!same(chars[i], input.charAt(i), ignoreCase)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text();
  }
}
