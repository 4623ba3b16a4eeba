package dev.iamunit.assertj;

import java.util.List;

/** Creates the message of requests of an action pattern, some of which break the rule. */
final class ShouldAllBeDenied {

  private ShouldAllBeDenied() {}

  /**
   * @param requests {@code ec2:* on * as MFAUser}
   * @param total how many requests (with each credential kind) were evaluated
   * @param offenders the ones that broke the rule
   */
  static String shouldAllBeDenied(String requests, int total, List<Subject> offenders) {
    return String.format("Expecting every request of %s to be denied, but %d of %d were allowed:", requests, offenders.size(), total) + RequestListing.of(offenders);
  }

  /**
   * @param requests {@code ec2:* on each action's default resource as MFAUser}
   * @param actions how many actions the search asked about
   * @param total how many requests it decided
   * @param offenders the allowed ones it found
   */
  static String shouldAllBeDeniedInSpace(String requests, int actions, long total, List<Subject> offenders) {
    return String.format("Expecting every request of %s, and on every other region of resources and context values the policies "
        + "tell apart, to be denied, but over that complete request space (%s, %s) %d %s allowed:",
        requests, RequestListing.count(actions, "action"), RequestListing.count(total, "request"), offenders.size(),
        offenders.size() == 1 ? "was" : "were") + RequestListing.of(offenders);
  }
}
