package dev.iamunit.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.ConditionOperator.SetQualifier;
import dev.iamunit.model.ConditionOperator.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which operator names parse, and to what: every usual spelling, and near misses that must not. */
class ConditionOperatorParseTests {

  @Test
  void parsesEveryQualifierTypeAndIfExists() {
    for (SetQualifier qualifier : SetQualifier.values()) {
      for (Type type : Type.values()) {
        for (boolean ifExists : new boolean[] {false, true}) {
          String name = qualifier.prefix() + type.json() + (ifExists ? "IfExists" : "");
          if (type == Type.NULL && ifExists) {
            // "You can't use IfExists with the Null condition operator" (IAM User Guide).
            assertThat(ConditionOperator.parse(name)).as(name).isEmpty();
          } else {
            assertThat(ConditionOperator.parse(name)).as(name).hasValue(new ConditionOperator(name, type, qualifier, ifExists));
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "stringequals", "StringEqual", "StringEquals ", "IfExists", "ForAnyValue:", "ForAnyValue:IfExists",
      "ForAnyValue:stringEquals", "forallvalues:StringEquals", "StringEqualsIfexists", "BoolIfExistsIfExists", "NullIfExists"})
  void rejectsNearMisses(String name) {
    assertThat(ConditionOperator.parse(name)).isEmpty();
  }
}
