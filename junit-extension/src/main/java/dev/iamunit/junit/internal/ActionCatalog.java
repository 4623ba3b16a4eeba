package dev.iamunit.junit.internal;

import dev.iamunit.aws.AwsData;
import java.util.List;

/** The actions that exist, from IAMUnit's bundled AWS data. */
final class ActionCatalog {

  private ActionCatalog() {}

  /** The one place that expands an action pattern such as {@code ec2:*}. */
  static List<String> expand(String pattern) {
    List<String> actions = AwsData.bundled().expandActionPattern(pattern);
    if (actions.isEmpty()) {
      throw Failures.failure("no action that AWS documents matches \"" + pattern + "\"; write a pattern such as "
          + "\"ec2:*\" or \"iam:*MFA*\" (AWS data " + AwsData.bundled().versions() + ")");
    }
    return actions;
  }

  /** Fails on an action AWS does not document, suggesting the closest ones. */
  static void requireKnown(String action) {
    if (action.contains("*") || action.contains("?")) {
      throw Failures.failure("request(\"" + action + "\") names an action pattern; use requests(\"" + action
          + "\") for one request per action it matches");
    }
    if (AwsData.bundled().action(action).isEmpty()) {
      List<String> suggestions = AwsData.bundled().suggestActions(action, 3);
      throw Failures.failure("unknown action \"" + action + "\": AWS documents no such action"
          + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?"));
    }
  }
}
