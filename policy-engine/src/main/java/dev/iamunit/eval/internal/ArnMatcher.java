package dev.iamunit.eval.internal;

/**
 * Matches a resource ARN against a policy pattern, segment by segment: "You can use wildcard
 * characters (* and ?) within the individual segments of an ARN (the parts separated by colons)
 * ... If the * wildcard is the last character of a resource ARN segment, it can expand to match
 * beyond the colon boundaries" (IAM User Guide, IAM JSON policy elements: Resource).
 */
final class ArnMatcher {

  private ArnMatcher() {}

  /**
   * Whether {@code resource} matches {@code pattern}. Partition, service, region and account
   * compare ignoring case (AWS spells them in lower case); the resource part is case-sensitive.
   */
  static boolean matches(Wildcard pattern, String resource) {
    if (pattern.isStar()) {
      return true;
    }
    if (pattern.literalColons() < 5 || !Arns.isArn(resource)) {
      // Not both ARNs: a request for "*" (an action without resource types), or a policy pattern
      // with fewer than six segments, where "arn:aws:s3:*" covers everything after its last star.
      return pattern.matches(resource, false);
    }
    // Segment by segment, finding the colons as we go: this runs for every statement whose action
    // matched, so it allocates nothing.
    int patternStart = 0;
    int resourceStart = 0;
    for (int i = 0; i < 5; i++) {
      int patternEnd = pattern.literalColon(patternStart);
      int resourceEnd = resource.indexOf(':', resourceStart);
      if (!pattern.matches(patternStart, patternEnd, resource, resourceStart, resourceEnd, i > 0)) {
        return false;
      }
      patternStart = patternEnd + 1;
      resourceStart = resourceEnd + 1;
    }
    return pattern.matches(patternStart, pattern.length(), resource, resourceStart, resource.length(), false);
  }
}
