package dev.iamunit.eval.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Comparisons with {@code text.toLowerCase(Locale.ROOT)}, without building the lower-case copy
 * when the compared characters are ASCII: the evaluator asks them of every request's action, and
 * the copy was most of what a bare decision allocated. Non-ASCII text takes the exact slow path,
 * so the answers never differ from the {@code toLowerCase} they stand for.
 */
@API(status = INTERNAL, since = "0.1")
public final class CaseInsensitive {

  private CaseInsensitive() {}

  /** {@code text.toLowerCase(Locale.ROOT).equals(lower)}; {@code lower} is ASCII lower case. */
  public static boolean equals(String text, String lower) {
    if (!isAscii(text, text.length())) {
      return text.toLowerCase(Locale.ROOT).equals(lower);
    }
    return text.length() == lower.length() && asciiRegionEquals(text, lower, lower.length());
  }

  /** {@code text.toLowerCase(Locale.ROOT).startsWith(lowerPrefix)}; the prefix is ASCII lower case. */
  public static boolean startsWith(String text, String lowerPrefix) {
    int n = lowerPrefix.length();
    if (text.length() < n || !isAscii(text, n)) {
      // Lower-casing may change the length of non-ASCII text (U+0130 becomes two characters).
      return text.toLowerCase(Locale.ROOT).startsWith(lowerPrefix);
    }
    // The first n characters are ASCII, and an ASCII character lower-cases alone, whatever follows.
    return asciiRegionEquals(text, lowerPrefix, n);
  }

  /** Whether the first {@code length} characters of {@code text} are ASCII. */
  static boolean isAscii(String text, int length) {
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean asciiRegionEquals(String text, String lower, int length) {
    for (int i = 0; i < length; i++) {
      if (lowerAscii(text.charAt(i)) != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** {@code c} in lower case when it is an ASCII capital; what {@code toLowerCase} gives for ASCII. */
  static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
