package dev.iamunit.assertj;

import dev.iamunit.explain.DecisionText;
import java.util.List;

/** Creates the message of a principal allowed more than {@code mayOnly} says, over the complete request space. */
final class ShouldOnlyBeAllowed {

  private ShouldOnlyBeAllowed() {}

  /**
   * @param who {@code MFAUser}
   * @param patterns the action patterns the principal may use
   * @param actions how many actions were searched
   * @param requests how many requests were decided
   * @param offenders allowed requests of actions the snapshot (if any) knows: the test was wrong when written
   * @param drift allowed requests of actions only AWS's newer catalog has, each with those actions
   * @param snapshot the snapshot the test was written against, when it names one
   * @param version the catalog version the snapshot records ({@code iam-data 0.21.0})
   */
  static String shouldOnlyBeAllowed(String who, List<String> patterns, int actions, long requests, List<Subject> offenders,
      List<Drift> drift, String snapshot, String version) {
    int allowed = offenders.size() + drift.size();
    StringBuilder text = new StringBuilder(String.format(
        "Expecting %s to be allowed only %s, over the complete request space (the %d other %s of the catalog, %s: "
            + "every region of resources and context values the policies tell apart), but %s",
        who, String.join(", ", patterns), actions, actions == 1 ? "action" : "actions", RequestListing.count(requests, "request"),
        allowed == 1 ? "1 request of another action was allowed" : allowed + " requests of other actions were allowed"));
    if (!offenders.isEmpty()) {
      text.append(':').append(RequestListing.of(offenders));
    }
    if (!drift.isEmpty()) {
      text.append("\nCatalog drift: ").append(drift.size() == 1 ? "this action was" : "these actions were")
          .append(" added to AWS's catalog after the test was written against ").append(snapshot).append(':');
      for (int i = 0; i < Math.min(drift.size(), RequestListing.MAX_LISTED); i++) {
        Drift d = drift.get(i);
        text.append("\n  ").append(String.join(", ", d.actions())).append(d.actions().size() == 1 ? " was" : " were")
            .append(" added to AWS's catalog after ").append(version).append(" and ").append(d.actions().size() == 1 ? "is " : "are ")
            .append(DecisionText.summary(d.subject().decision())).append(": ").append(d.subject().describe());
      }
      if (drift.size() > RequestListing.MAX_LISTED) {
        text.append("\n  ... and ").append(drift.size() - RequestListing.MAX_LISTED).append(" more");
      }
      text.append("\nAllow or deny them on purpose, then delete the snapshot file to write the current catalog to it.");
    }
    return text.toString();
  }

  /** An allowed request whose actions AWS added after the snapshot. */
  record Drift(List<String> actions, Subject subject) {
    Drift {
      actions = List.copyOf(actions);
    }
  }
}
