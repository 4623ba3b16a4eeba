package dev.iamunit.cli.lint;

import dev.iamunit.model.Condition;
import dev.iamunit.model.ConditionOperator;
import dev.iamunit.model.Effect;
import dev.iamunit.model.Statement;
import java.util.function.Consumer;

/**
 * A Deny that relies on {@code "Bool": {"aws:MultiFactorAuthPresent": "false"}}. Requests signed
 * with long-term access keys carry no {@code aws:MultiFactorAuthPresent}, and Bool on an absent key
 * is false, so those requests escape the Deny. "The ...IfExists version of the Bool operator
 * ensures that if the aws:MultiFactorAuthPresent key is missing, the condition returns true"
 * (IAM User Guide, tutorial "Enable your users to configure their own credentials and MFA
 * settings"; also "AWS: Allows MFA-authenticated IAM users to manage their own MFA device").
 */
final class MfaBoolDenyRule implements LintRule {

  private static final String KEY = "aws:MultiFactorAuthPresent";

  @Override
  public String id() {
    return "mfa-deny-without-ifexists";
  }

  @Override
  public void check(Statement statement, Consumer<Finding> findings) {
    if (statement.effect() != Effect.DENY) {
      return;
    }
    for (Condition condition : statement.conditions()) {
      ConditionOperator operator = condition.operator();
      if (operator.type() == ConditionOperator.Type.BOOL
          && !operator.ifExists()
          && condition.key().equalsIgnoreCase(KEY)
          && condition.values().stream().anyMatch("false"::equalsIgnoreCase)) {
        findings.accept(new Finding(id(), condition.location(),
            "Deny " + statement.displayName() + " relies on \"Bool\": {\"" + condition.key() + "\": \"false\"}, "
                + "but requests signed with long-term access keys carry no " + KEY
                + ", so they escape this Deny; use \"BoolIfExists\""));
      }
    }
  }
}
