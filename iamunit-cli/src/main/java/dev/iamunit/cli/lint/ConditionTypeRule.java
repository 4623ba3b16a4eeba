package dev.iamunit.cli.lint;

import dev.iamunit.aws.AwsData;
import dev.iamunit.aws.ConditionKeyInfo;
import dev.iamunit.aws.ConditionKeyType;
import dev.iamunit.model.Condition;
import dev.iamunit.model.ConditionOperator.Family;
import dev.iamunit.model.Statement;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An operator of one type on a key of another: {@code Bool} on a String key, {@code NumericLessThan}
 * on a Date key. AWS compares the values as the operator's type, so such a condition does not test
 * what it seems to (IAM User Guide, Condition operators; the Service Authorization Reference gives
 * each key's type).
 */
final class ConditionTypeRule implements LintRule {

  private final AwsData aws;

  ConditionTypeRule(AwsData aws) {
    this.aws = aws;
  }

  @Override
  public String id() {
    return "condition-type-mismatch";
  }

  @Override
  public void check(Statement statement, Consumer<Finding> findings) {
    for (Condition condition : statement.conditions()) {
      Family family = condition.operator().type().family();
      Optional<ConditionKeyInfo> key = aws.conditionKey(condition.key());
      if (family == Family.NULL || key.isEmpty()) {
        continue;
      }
      ConditionKeyType type = key.get().type().elementType();
      if (!fits(family, type)) {
        findings.accept(new Finding(id(), condition.location(),
            condition.operator().name() + " on " + condition.key() + ", a " + key.get().type().awsName()
                + " key; use " + operatorsFor(type)));
      }
    }
  }

  /** String operators also compare ARNs as text, which AWS documents for ARN keys. */
  private static boolean fits(Family family, ConditionKeyType type) {
    return switch (family) {
      case STRING -> type == ConditionKeyType.STRING || type == ConditionKeyType.ARN;
      case NUMERIC -> type == ConditionKeyType.NUMERIC;
      case DATE -> type == ConditionKeyType.DATE;
      case BOOL -> type == ConditionKeyType.BOOL;
      case BINARY -> type == ConditionKeyType.BINARY;
      case IP_ADDRESS -> type == ConditionKeyType.IP_ADDRESS;
      case ARN -> type == ConditionKeyType.ARN;
      case NULL -> true;
    };
  }

  private static String operatorsFor(ConditionKeyType type) {
    return switch (type) {
      case ARN -> "an ARN operator (ArnEquals, ArnLike) or a String operator";
      case NUMERIC -> "a Numeric operator (NumericEquals, NumericLessThan, ...)";
      case DATE -> "a Date operator (DateEquals, DateLessThan, ...)";
      case BOOL -> "Bool";
      case BINARY -> "BinaryEquals";
      case IP_ADDRESS -> "IpAddress or NotIpAddress";
      default -> "a String operator (StringEquals, StringLike, ...)";
    };
  }
}
