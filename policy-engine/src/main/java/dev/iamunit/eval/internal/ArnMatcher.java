package dev.iamunit.eval.internal;

/**
 * Matches an ARN against a policy pattern, part by part ({@code arn:partition:service:region:account:resource}),
 * in the two ways AWS documents: a Resource or NotResource element, and an Arn condition operator.
 * In both, partition, service, region and account compare ignoring case (AWS spells them in lower
 * case), the rest case-sensitively; wildcards in the resource part match colons too.
 *
 * <p>They differ on a {@code *} that ends one of the first five parts. In a Resource element it
 * may reach past the colon: "If the * wildcard is the last character of a resource ARN segment,
 * it can expand to match beyond the colon boundaries" (IAM User Guide, "IAM JSON policy elements:
 * Resource", "Using wildcards in resource ARNs"), so {@code arn:aws:sns:*:111122223333:*} matches
 * {@code arn:aws:sns:us-east-1:999999999999:111122223333:x}. An Arn operator keeps each part to
 * itself: "Each of the six colon-delimited components of the ARN is checked separately" (IAM User
 * Guide, "IAM JSON policy elements: Condition operators", "Amazon Resource Name (ARN) condition
 * operators").
 */
final class ArnMatcher {

  private ArnMatcher() {}

  /**
   * Whether {@code resource} matches {@code pattern} of a Resource or NotResource element: a
   * {@code *} that ends one of the first five parts of the pattern matches any run of characters,
   * colons included; every other wildcard of those parts matches none. One rule for every text,
   * an ARN or not, and for a pattern of fewer than six parts ({@code arn:aws:s3:*}), whose last
   * {@code *} then covers the rest of the ARN.
   */
  static boolean matchesResource(Wildcard pattern, String resource) {
    if (pattern.isStar()) {
      return true;
    }
    if (!pattern.hasStarBeforeColon()) {
      // No wildcard of the first five parts may take a colon but the * that ends a shorter
      // pattern, which takes the rest: the parts meet the ARN's parts in order.
      return alignedParts(pattern, resource);
    }
    int textColons = colons(resource);
    int patternColons = pattern.literalColons();
    if (textColons < patternColons) {
      // Every literal colon of the pattern matches a colon of its own.
      return false;
    }
    // With as many colons as the pattern, each literal colon takes one and no wildcard can: the
    // parts meet in order again. The common case, and like the one above it allocates nothing.
    return textColons == patternColons ? alignedParts(pattern, resource) : beyondColons(pattern, resource, textColons);
  }

  /**
   * Whether the ARN {@code value} matches {@code pattern} of ArnEquals or ArnLike: part by part,
   * no wildcard of the first five parts matching a colon. A pattern of fewer than six parts, or a
   * value that is not an ARN, compares as one whole text, case-sensitively (the documentation
   * speaks of six components; it says nothing of fewer).
   */
  static boolean matchesArnOperator(Wildcard pattern, String value) {
    if (pattern.isStar()) {
      return true;
    }
    if (pattern.literalColons() < 5 || !Arns.isArn(value)) {
      return pattern.matches(value, false);
    }
    return alignedParts(pattern, value);
  }

  /**
   * The parts of {@code pattern} against the parts of {@code text} in order, no wildcard of the
   * first five parts matching a colon. A pattern of fewer than six parts: its last part meets the
   * text's part of the same number and, when it ends in {@code *}, everything after it. Finds
   * the colons as it goes: this runs for every statement whose action matched.
   */
  private static boolean alignedParts(Wildcard pattern, String text) {
    int patternStart = 0;
    int textStart = 0;
    for (int part = 0; part < 5; part++) {
      int patternEnd = pattern.literalColon(patternStart);
      if (patternEnd < 0) {
        return lastShortPart(pattern, patternStart, part, text, textStart);
      }
      int textEnd = text.indexOf(':', textStart);
      if (textEnd < 0 || !partMatches(pattern, patternStart, patternEnd, part, text, textStart, textEnd)) {
        return false;
      }
      patternStart = patternEnd + 1;
      textStart = textEnd + 1;
    }
    return pattern.matches(patternStart, pattern.length(), text, textStart, text.length(), false);
  }

  /**
   * The Resource rule where a {@code *} ending a part may take colons: which colons of the text
   * each part of the pattern may start after, part by part ({@code reach[j]}: after the text's
   * j-th colon, 0 for its start). A part that ends in {@code *} may hand over to the next part
   * after any later colon.
   */
  private static boolean beyondColons(Wildcard pattern, String text, int textColons) {
    int[] starts = new int[textColons + 1];
    for (int j = 1, at = -1; j <= textColons; j++) {
      at = text.indexOf(':', at + 1);
      starts[j] = at + 1;
    }
    boolean[] reach = new boolean[textColons + 1];
    reach[0] = true;
    int patternStart = 0;
    for (int part = 0; part < 5; part++) {
      int patternEnd = pattern.literalColon(patternStart);
      if (patternEnd < 0) {
        for (int j = 0; j <= textColons; j++) {
          if (reach[j] && lastShortPart(pattern, patternStart, part, text, starts[j])) {
            return true;
          }
        }
        return false;
      }
      boolean crosses = pattern.endsWithStar(patternStart, patternEnd);
      boolean[] next = new boolean[textColons + 1];
      boolean any = false;
      for (int j = 0; j < textColons; j++) {
        if (reach[j] && partMatches(pattern, patternStart, patternEnd, part, text, starts[j], starts[j + 1] - 1)) {
          // The next part starts after this part's colon, or after any later one when a * ends the part.
          for (int k = j + 1; k <= (crosses ? textColons : j + 1); k++) {
            next[k] = true;
          }
          any = true;
        }
      }
      if (!any) {
        return false;
      }
      reach = next;
      patternStart = patternEnd + 1;
    }
    for (int j = 0; j <= textColons; j++) {
      if (reach[j] && pattern.matches(patternStart, pattern.length(), text, starts[j], text.length(), false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The last part of a pattern of fewer than six parts (part {@code part}, from {@code
   * patternStart}) against the text from {@code textStart}: it meets the text's part there, and
   * the text may go on past that part's colon only when a {@code *} ends the pattern.
   */
  private static boolean lastShortPart(Wildcard pattern, int patternStart, int part, String text, int textStart) {
    int colon = text.indexOf(':', textStart);
    if (colon >= 0 && !pattern.endsWithStar(patternStart, pattern.length())) {
      return false;
    }
    return partMatches(pattern, patternStart, pattern.length(), part, text, textStart, colon < 0 ? text.length() : colon);
  }

  /** One of the first five parts: partition, service, region and account ignore case. */
  private static boolean partMatches(Wildcard pattern, int patternStart, int patternEnd, int part, String text, int from, int to) {
    return pattern.matches(patternStart, patternEnd, text, from, to, part > 0);
  }

  private static int colons(String text) {
    int count = 0;
    for (int at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) {
      count++;
    }
    return count;
  }
}
