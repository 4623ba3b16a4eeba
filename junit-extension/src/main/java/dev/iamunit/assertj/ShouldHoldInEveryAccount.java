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
   * @param offenders the requests decided otherwise, or that no one can make, each naming its account ({@link RequestListing#line}, {@link #cannotBeMade})
   */
  static String shouldHoldInEveryAccount(String request, String unit, String expected, int total, List<String> offenders) {
    return String.format("Expecting %s to be %s in every account of %s, but %d of %d were not:", request, expected, unit,
        offenders.size(), total) + RequestListing.lines(offenders);
  }

  /**
   * The line of a request no one can make in its account: {@code cloudtrail:StopLogging on ... as
   * permission set Admin/iamunit in account sandbox: cannot be made there: permission set "Admin" is
   * not assigned to ...}.
   */
  static String cannotBeMade(String request, String why) {
    return request + ": cannot be made there: " + why;
  }
}
