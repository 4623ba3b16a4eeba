package dev.iamunit.assertj;

import dev.iamunit.explain.DecisionText;
import java.util.List;

/** The offenders of an assertion over many requests, one line each, the first few only. */
final class RequestListing {

  static final int MAX_LISTED = 25;

  private RequestListing() {}

  static String of(List<Subject> offenders) {
    return lines(offenders.stream().map(RequestListing::line).toList());
  }

  /** {@code ec2:RunInstances on * as MFAUser (long-term access keys): allowed by statement ...}. */
  static String line(Subject offender) {
    return offender.describe() + ": " + DecisionText.summary(offender.decision());
  }

  /** {@code 1 action}, {@code 7 requests}: a count of {@code noun}s, in the singular for one. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Each line indented on a line of its own, the first few only, then how many more. */
  static String lines(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(lines.size(), MAX_LISTED); i++) {
      text.append("\n  ").append(lines.get(i));
    }
    if (lines.size() > MAX_LISTED) {
      text.append("\n  ... and ").append(lines.size() - MAX_LISTED).append(" more");
    }
    return text.toString();
  }
}
