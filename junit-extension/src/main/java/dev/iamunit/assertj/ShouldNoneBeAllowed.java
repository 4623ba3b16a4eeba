package dev.iamunit.assertj;

import java.util.List;

/** Creates the message of requests of an action pattern, some of which break the rule. */
final class ShouldNoneBeAllowed {

  private ShouldNoneBeAllowed() {}

  /**
   * @param requests {@code ec2:* on * as MFAUser}
   * @param total how many requests (with each credential kind) were evaluated
   * @param offenders the ones that broke the rule
   */
  static String shouldNoneBeAllowed(String requests, int total, List<Subject> offenders) {
    return String.format("Expecting none of the requests of %s to be allowed, but %d of %d were:", requests, offenders.size(), total) + RequestListing.of(offenders);
  }
}
