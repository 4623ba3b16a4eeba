package dev.iamunit.assertj;

import java.util.List;

/** Creates the message of a request made in every account of an organizational unit, decided otherwise in some. */
final class ShouldHoldInEveryAccount {

  private ShouldHoldInEveryAccount() {}

  /**
   * @param request {@code cloudtrail:StopLogging on * as the account's root user}
   * @param unit the organizational unit, as the test named it
   * @param expected {@code explicitly denied}
   * @param total how many requests (an account under each kind of credentials) were evaluated
   * @param offenders the requests decided otherwise, each naming its account
   */
  static String shouldHoldInEveryAccount(String request, String unit, String expected, int total, List<Subject> offenders) {
    return String.format("Expecting %s to be %s in every account of %s, but %d of %d were not:", request, expected, unit,
        offenders.size(), total) + RequestListing.of(offenders);
  }
}
