package dev.iamunit.diff;

/** IAM's action matching: {@code *} any characters, {@code ?} one, letters regardless of case. */
final class ActionPatterns {

  private ActionPatterns() {}

  static boolean matches(String pattern, String action) {
    return matches(pattern, 0, action, 0);
  }

  private static boolean matches(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        for (int k = si; k <= s.length(); k++) {
          if (matches(p, pi + 1, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length()) {
        return false;
      }
      if (c != '?' && Character.toLowerCase(c) != Character.toLowerCase(s.charAt(si))) {
        return false;
      }
      pi++;
      si++;
    }
    return si == s.length();
  }
}
