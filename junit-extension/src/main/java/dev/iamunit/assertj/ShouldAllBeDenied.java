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
}
