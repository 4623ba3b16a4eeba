package dev.iamunit.cli.lint;

import dev.iamunit.aws.AwsData;
import dev.iamunit.model.Condition;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.util.function.Consumer;

/**
 * Condition keys that no service and no global key list defines. A request never carries such a
 * key, so the condition is always false (or, with a negated or IfExists operator, always true).
 */
final class UnknownConditionKeyRule implements LintRule {

  private final AwsData aws;

  UnknownConditionKeyRule(AwsData aws) {
    this.aws = aws;
  }

  @Override
  public String id() {
    return "unknown-condition-key";
  }

  @Override
  public void check(Statement statement, Consumer<Finding> findings) {
    for (Condition condition : statement.conditions()) {
      if (Unresolved.isIn(condition.key()) || aws.conditionKey(condition.key()).isPresent()) {
        continue;
      }
      findings.accept(new Finding(id(), condition.location(),
          "unknown condition key \"" + condition.key() + "\" under " + condition.operator().name()
              + "; no request carries it, so the condition never sees a value"));
    }
  }
}
