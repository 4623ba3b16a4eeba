package dev.iamunit.cli.lint;

import dev.iamunit.aws.AwsData;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.util.List;
import java.util.function.Consumer;

/**
 * Actions the Service Authorization Reference does not list, and patterns that match none. AWS
 * accepts such a policy, and the statement silently does nothing for the misspelled action.
 */
final class UnknownActionRule implements LintRule {

  private final AwsData aws;

  UnknownActionRule(AwsData aws) {
    this.aws = aws;
  }

  @Override
  public String id() {
    return "unknown-action";
  }

  @Override
  public void check(Statement statement, Consumer<Finding> findings) {
    String element = statement.action().elementName();
    for (String action : statement.action().values()) {
      if (action.equals("*") || Unresolved.isIn(action)) {
        continue;
      }
      String service = action.substring(0, action.indexOf(':'));
      boolean pattern = action.indexOf('*') >= 0 || action.indexOf('?') >= 0;
      String message = null;
      if (service.indexOf('*') < 0 && service.indexOf('?') < 0 && !aws.serviceExists(service)) {
        message = "unknown service prefix \"" + service + "\" in " + element + " \"" + action + "\"";
      } else if (pattern && aws.expandActionPattern(action).isEmpty()) {
        message = element + " pattern \"" + action + "\" matches no action";
      } else if (!pattern && aws.action(action).isEmpty()) {
        List<String> suggestions = aws.suggestActions(action, 3);
        message = "unknown action \"" + action + "\" in " + element
            + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?");
      }
      if (message != null) {
        findings.accept(new Finding(id(), statement.action().location(), message));
      }
    }
  }
}
