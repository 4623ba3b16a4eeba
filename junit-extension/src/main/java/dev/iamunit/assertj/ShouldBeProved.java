package dev.iamunit.assertj;

import java.util.List;

/**
 * Creates the message of a check over the complete request space that could decide part of it over
 * a sample only: a sample proves nothing, so the check fails rather than pass on it.
 */
final class ShouldBeProved {

  private ShouldBeProved() {}

  /**
   * @param claim {@code MFAUser may only use iam:*MFA*}
   * @param sampled each class of actions decided over a sample, with why
   */
  static String shouldBeProved(String claim, List<String> sampled) {
    StringBuilder text = new StringBuilder("Expecting a proof that ").append(claim)
        .append(", but part of the request space was sampled, not proved (a sample proves nothing): the regions of ")
        .append(sampled.size()).append(sampled.size() == 1 ? " class of actions were" : " classes of actions were")
        .append(" too many to decide each:");
    for (int i = 0; i < Math.min(sampled.size(), RequestListing.MAX_LISTED); i++) {
      text.append("\n  ").append(sampled.get(i));
    }
    if (sampled.size() > RequestListing.MAX_LISTED) {
      text.append("\n  ... and ").append(sampled.size() - RequestListing.MAX_LISTED).append(" more");
    }
    return text.append("\nCheck those actions with a request each (.on(resourceArn).withContext(...)), or narrow the policies' patterns.").toString();
  }
}
