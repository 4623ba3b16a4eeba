package dev.iamunit.eval.space;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One comparison the evaluator makes of a text (a resource ARN or a context value) with a policy
 * value, as {@link TextRegions} reads it.
 *
 * @param text the policy value, variables replaced
 * @param wild which characters of {@code text} are wildcards ({@code *} any run, {@code ?} one);
 *     none for the exact operators
 * @param mode how the evaluator compares
 */
@API(status = INTERNAL, since = "0.1")
public record TextTest(String text, boolean[] wild, Mode mode) {

  /** The evaluator's ways of comparing text. */
  public enum Mode {
    /** Case-sensitive, the whole text: StringEquals, StringLike. */
    TEXT,
    /** Ignoring case, the whole text: StringEqualsIgnoreCase, Bool. */
    TEXT_IGNORE_CASE,
    /**
     * As {@code ArnMatcher} compares a Resource or NotResource value: {@code *} matches
     * everything; otherwise every text part by part (partition, service, region and account
     * ignore case), a {@code *} that ends one of the first five parts matching colons too, every
     * other wildcard of those parts none ("If the * wildcard is the last character of a resource
     * ARN segment, it can expand to match beyond the colon boundaries").
     */
    ARN,
    /**
     * As {@code ArnMatcher} compares an Arn operator's value: {@code *} matches everything; a
     * pattern with five literal colons matches an ARN part by part (wildcards stay inside a part
     * except in the last; partition, service, region and account ignore case); otherwise the
     * whole text, case-sensitively.
     */
    ARN_CONDITION,
    /**
     * An ARN whose parts equal the pattern's, case-sensitively, the evaluator's own questions
     * about a resource (its account, whether it is a KMS key); false for what is not an ARN.
     */
    ARN_PARTS
  }

  public TextTest {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(mode, "mode");
    wild = wild.clone();
    if (wild.length != text.length()) {
      throw new IllegalArgumentException("one wildcard flag per character: " + text);
    }
  }

  /** A comparison with {@code pattern}, in which every {@code *} and {@code ?} is a wildcard. */
  public static TextTest glob(String pattern, Mode mode) {
    boolean[] wild = new boolean[pattern.length()];
    for (int i = 0; i < wild.length; i++) {
      wild[i] = pattern.charAt(i) == '*' || pattern.charAt(i) == '?';
    }
    return new TextTest(pattern, wild, mode);
  }

  /** An exact comparison: wildcard characters are literal. */
  public static TextTest exact(String text, boolean ignoreCase) {
    return new TextTest(text, new boolean[text.length()], ignoreCase ? Mode.TEXT_IGNORE_CASE : Mode.TEXT);
  }

  boolean isWild(int i) {
    return wild[i];
  }

  /**
   * Whether character {@code i} is a {@code *} of a Resource value ({@link Mode#ARN}) that ends
   * one of the first five parts, and so may match colons.
   */
  boolean starEndsPart(int i) {
    if (mode != Mode.ARN || !wild[i] || text.charAt(i) != '*' || i + 1 < text.length() && (text.charAt(i + 1) != ':' || wild[i + 1])) {
      return false;
    }
    int colons = 0;
    for (int j = 0; j < i; j++) {
      colons += text.charAt(j) == ':' && !wild[j] ? 1 : 0;
    }
    return colons < 5;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TextTest that && text.equals(that.text) && Arrays.equals(wild, that.wild) && mode == that.mode;
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, Arrays.hashCode(wild), mode);
  }

  @Override
  public String toString() {
    return mode + " " + text;
  }
}
