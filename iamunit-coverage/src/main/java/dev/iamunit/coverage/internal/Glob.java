package dev.iamunit.coverage.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** JaCoCo's wildcards: {@code *} any text (also across {@code /}), {@code ?} one character. */
@API(status = INTERNAL, since = "0.1")
public final class Glob {

  private Glob() {}

  public static boolean matches(String pattern, String text) {
    return matches(pattern, 0, text, 0);
  }

  private static boolean matches(String pattern, int p, String text, int t) {
    while (p < pattern.length()) {
      char c = pattern.charAt(p);
      if (c == '*') {
        for (int i = t; i <= text.length(); i++) {
          if (matches(pattern, p + 1, text, i)) {
            return true;
          }
        }
        return false;
      }
      if (t >= text.length() || c != '?' && c != text.charAt(t)) {
        return false;
      }
      p++;
      t++;
    }
    return t == text.length();
  }
}
