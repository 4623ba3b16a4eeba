package dev.iamunit.assertj;

import dev.iamunit.explain.DecisionText;
import java.util.List;

/** The offenders of an assertion over many requests, one line each, the first few only. */
final class RequestListing {

  static final int MAX_LISTED = 25;

  private RequestListing() {}

  static String of(List<Subject> offenders) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(offenders.size(), MAX_LISTED); i++) {
      Subject offender = offenders.get(i);
      text.append("\n  ").append(offender.describe()).append(": ").append(DecisionText.summary(offender.decision()));
    }
    if (offenders.size() > MAX_LISTED) {
      text.append("\n  ... and ").append(offenders.size() - MAX_LISTED).append(" more");
    }
    return text.toString();
  }
}
