package dev.iamunit.aws.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * IAM's action wildcards: {@code *} matches any run of characters (also none), {@code ?} exactly
 * one, and letters match regardless of case ("Action element": "action names are not case
 * sensitive", "you can use wildcards (* or ?)").
 */
@API(status = INTERNAL, since = "0.1")
final class WildcardPattern {

  private WildcardPattern() {}

  public static boolean hasWildcard(CharSequence pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} matches {@code pattern}, ignoring case. Linear for one {@code *}. */
  public static boolean matchesIgnoringCase(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = t;
      } else if (p < pattern.length()
          && (pattern.charAt(p) == '?' || sameIgnoringCase(pattern.charAt(p), text.charAt(t)))) {
        p++;
        t++;
      } else if (star >= 0) {
        // Let the last star swallow one more character and retry from there.
        p = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static boolean sameIgnoringCase(char a, char b) {
    return a == b
        || Character.toLowerCase(a) == Character.toLowerCase(b)
        || Character.toUpperCase(a) == Character.toUpperCase(b);
  }
}
