package dev.iamunit.eval.internal;

/**
 * A pattern where {@code *} matches any run of characters and {@code ?} exactly one. Characters
 * that came from a policy variable or from {@code ${*}} are literal even when they are {@code *}.
 * Matching is iterative (no regular expressions, no allocation).
 */
final class Wildcard {

  private final char[] chars;
  private final boolean[] wild;
  private final boolean hasWildcards;
  /** Exactly one {@code *}: it matches anything, and "Resource": "*" is in most statements. */
  private final boolean star;
  private final int literalColons;
  /** A {@code *} is the last character of one of the first five parts of an ARN pattern, a colon after it. */
  private final boolean starBeforeColon;

  Wildcard(char[] chars, boolean[] wild) {
    this.chars = chars;
    this.wild = wild;
    boolean any = false;
    boolean beforeColon = false;
    int colons = 0;
    for (int i = 0; i < chars.length; i++) {
      any |= wild[i];
      if (chars[i] == ':' && !wild[i]) {
        colons++;
      }
      beforeColon |= colons < 5 && endsWithStar(0, i + 1) && i + 1 < chars.length && chars[i + 1] == ':' && !wild[i + 1];
    }
    this.hasWildcards = any;
    this.star = chars.length == 1 && wild[0] && chars[0] == '*';
    this.literalColons = colons;
    this.starBeforeColon = beforeColon;
  }

  /** Compiled action patterns; a Wildcard never changes, so threads share them. */
  private static final PatternCache<Wildcard> ACTIONS = new PatternCache<>(Wildcard::compile);

  /** Every {@code *} and {@code ?} in {@code text} is a wildcard. */
  public static Wildcard of(String text) {
    return ACTIONS.get(text);
  }

  private static Wildcard compile(String text) {
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
    return star;
  }

  /**
   * The length of the service part ({@code ec2} of {@code ec2:Describe*}) when it has no wildcard
   * and a colon ends it, or -1: then only actions of that service can match.
   */
  int literalServiceLength() {
    for (int i = 0; i < chars.length; i++) {
      if (wild[i]) {
        return -1;
      }
      if (chars[i] == ':') {
        return i;
      }
    }
    return -1;
  }

  /** How many colons of this pattern are literal: with five, it spells the parts of an ARN. */
  int literalColons() {
    return literalColons;
  }

  /** The first literal colon at or after {@code from}, or -1. */
  int literalColon(int from) {
    for (int i = from; i < chars.length; i++) {
      if (chars[i] == ':' && !wild[i]) {
        return i;
      }
    }
    return -1;
  }

  int length() {
    return chars.length;
  }

  /**
   * Whether a wildcard {@code *} ends one of the first five parts, read as an ARN, and a literal
   * colon follows it (not the {@code *} that ends a shorter pattern): {@link ArnMatcher}.
   */
  boolean hasStarBeforeColon() {
    return starBeforeColon;
  }

  /** Whether the part {@code [from, to)} of this pattern ends in a wildcard {@code *}. */
  boolean endsWithStar(int from, int to) {
    return to > from && wild[to - 1] && chars[to - 1] == '*';
  }

  /** A copy of which characters are wildcards. */
  boolean[] wildcards() {
    return wild.clone();
  }

  public String text() {
    return new String(chars);
  }

  public boolean matches(String input, boolean ignoreCase) {
    // Most action patterns are literal; a length check rejects nearly all of them at once.
    if (!hasWildcards) {
      return equalsText(input, ignoreCase);
    }
    return star || matches(input, 0, input.length(), ignoreCase);
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
