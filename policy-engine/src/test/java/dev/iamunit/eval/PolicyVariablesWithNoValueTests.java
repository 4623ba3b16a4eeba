package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.model.Policy;
import dev.iamunit.policy.InvalidPolicyException;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IAM User Guide, "IAM policy elements: Variables and tags", section "Policy variables with no
 * value": a variable whose context key is absent (or multivalued) is "effectively null";
 * {@code StringEquals}/{@code StringLike} against it do not match, and the inverted operators
 * "such as StringNotEquals and StringNotLike" do match, "as the value of the condition key they
 * are testing against is not equal to or like the effectively null value". Section "Specifying
 * default values": {@code ${key, 'default'}} substitutes the default. The same principle decides
 * {@code Resource} and {@code NotResource}: a pattern holding such a variable matches no ARN.
 *
 * <p>The caller is bob ({@code aws:username} = {@code bob}); {@code aws:PrincipalTag/team} is absent
 * and {@code aws:TagKeys} is multivalued, so {@code ${aws:PrincipalTag/team}} and {@code
 * ${aws:TagKeys}} have no value.
 */
class PolicyVariablesWithNoValueTests {

  private static final String BOB = "arn:aws:iam::111122223333:user/bob";
  private static final String OBJECT = "arn:aws:s3:::bucket/home/bob/notes.txt";

  private static RequestContext.Builder context() {
    return RequestContext.builder().put("aws:username", "bob").putMultivalued("aws:TagKeys", List.of("a", "b"));
  }

  private static Policy identity(String statements) {
    return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", "id.json", PolicyKind.IDENTITY, "id");
  }

  private static Outcome outcome(String statements, RequestContext context) {
    Request request = Request.of(BOB, "s3:GetObject", OBJECT, context);
    return Evaluator.standard().explain(request, PolicySet.ofIdentity(identity(statements))).outcome();
  }

  private static boolean holds(String operator, String key, String policyValue, String requestValue) {
    RequestContext.Builder context = context();
    if (!requestValue.equals("<absent>")) {
      context.put(key, requestValue);
    }
    String allow = "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"" + operator + "\":{\""
        + key + "\":\"" + policyValue + "\"}}}";
    return outcome(allow, context.build()) == Outcome.ALLOWED;
  }

  /**
   * Operator family × the state of what it compares × whether the condition holds. "key absent":
   * the condition key is not in the request ("Condition operators": "If the policy condition
   * requires that the key is not matched, such as StringNotLike or ArnNotLike, and the right key
   * is not present, the condition is true"). "variable present" / "variable null" / "variable
   * default": the policy value's variable has a value, has none ("Policy variables with no
   * value"), or falls back to its default ("Specifying default values").
   */
  @ParameterizedTest(name = "{0} {1} = {2} vs {3} → {5} ({4})")
  @CsvSource(delimiter = '|', textBlock = """
      StringEquals              | s:k | ${aws:username}                  | bob      | variable present | true
      StringEquals              | s:k | ${aws:PrincipalTag/team}         | bob      | variable null    | false
      StringEquals              | s:k | ${aws:TagKeys}                   | a        | variable null    | false
      StringEquals              | s:k | ${aws:PrincipalTag/team, 'bob'}  | bob      | variable default | true
      StringEquals              | s:k | ${aws:username}                  | <absent> | key absent       | false
      StringNotEquals           | s:k | ${aws:username}                  | bob      | variable present | false
      StringNotEquals           | s:k | ${aws:PrincipalTag/team}         | bob      | variable null    | true
      StringNotEquals           | s:k | ${aws:TagKeys}                   | a        | variable null    | true
      StringNotEquals           | s:k | ${aws:PrincipalTag/team, 'bob'}  | bob      | variable default | false
      StringNotEquals           | s:k | ${aws:username}                  | <absent> | key absent       | true
      StringEqualsIgnoreCase    | s:k | ${aws:PrincipalTag/team}         | bob      | variable null    | false
      StringNotEqualsIgnoreCase | s:k | ${aws:username}                  | BOB      | variable present | false
      StringNotEqualsIgnoreCase | s:k | ${aws:PrincipalTag/team}         | bob      | variable null    | true
      StringNotEqualsIgnoreCase | s:k | ${aws:PrincipalTag/team, 'BOB'}  | bob      | variable default | false
      StringLike                | s:k | home/${aws:username}/*           | home/bob/x | variable present | true
      StringLike                | s:k | home/${aws:PrincipalTag/team}/*  | home/bob/x | variable null    | false
      StringLike                | s:k | home/${aws:PrincipalTag/team, 'bob'}/* | home/bob/x | variable default | true
      StringNotLike             | s:k | home/${aws:username}/*           | home/bob/x | variable present | false
      StringNotLike             | s:k | home/${aws:PrincipalTag/team}/*  | home/bob/x | variable null    | true
      StringNotLike             | s:k | home/${aws:PrincipalTag/team, 'bob'}/* | home/bob/x | variable default | false
      StringNotLike             | s:k | home/${aws:username}/*           | <absent> | key absent       | true
      StringNotLikeIfExists     | s:k | ${aws:PrincipalTag/team}         | bob      | variable null    | true
      ArnEquals                 | aws:SourceArn | arn:aws:iam::111122223333:user/${aws:username}          | arn:aws:iam::111122223333:user/bob | variable present | true
      ArnEquals                 | aws:SourceArn | arn:aws:iam::111122223333:user/${aws:PrincipalTag/team} | arn:aws:iam::111122223333:user/bob | variable null    | false
      ArnNotEquals              | aws:SourceArn | arn:aws:iam::111122223333:user/${aws:username}          | arn:aws:iam::111122223333:user/bob | variable present | false
      ArnNotEquals              | aws:SourceArn | arn:aws:iam::111122223333:user/${aws:PrincipalTag/team} | arn:aws:iam::111122223333:user/bob | variable null    | true
      ArnNotEquals              | aws:SourceArn | arn:aws:iam::111122223333:user/${aws:username}          | <absent> | key absent | true
      ArnLike                   | aws:SourceArn | arn:aws:iam::*:user/${aws:PrincipalTag/team}            | arn:aws:iam::111122223333:user/bob | variable null    | false
      ArnLike                   | aws:SourceArn | arn:aws:iam::*:user/${aws:PrincipalTag/team, 'bob'}     | arn:aws:iam::111122223333:user/bob | variable default | true
      ArnNotLike                | aws:SourceArn | arn:aws:iam::*:user/${aws:username}                     | arn:aws:iam::111122223333:user/bob | variable present | false
      ArnNotLike                | aws:SourceArn | arn:aws:iam::*:user/${aws:PrincipalTag/team}            | arn:aws:iam::111122223333:user/bob | variable null    | true
      ArnNotLike                | aws:SourceArn | arn:aws:iam::*:user/${aws:PrincipalTag/team, 'bob'}     | arn:aws:iam::111122223333:user/bob | variable default | false
      ArnNotLike                | aws:SourceArn | arn:aws:iam::*:user/${aws:username}                     | <absent> | key absent | true
      NumericEquals             | s:n | 10                   | <absent>             | key absent | false
      NumericNotEquals          | s:n | 10                   | <absent>             | key absent | true
      NumericNotEquals          | s:n | 10                   | 10                   | key present | false
      DateEquals                | s:d | 2026-01-01T00:00:00Z | <absent>             | key absent | false
      DateNotEquals             | s:d | 2026-01-01T00:00:00Z | <absent>             | key absent | true
      DateNotEquals             | s:d | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00Z | key present | false
      IpAddress                 | aws:SourceIp | 203.0.113.0/24 | <absent>           | key absent | false
      NotIpAddress              | aws:SourceIp | 203.0.113.0/24 | <absent>           | key absent | true
      NotIpAddress              | aws:SourceIp | 203.0.113.0/24 | 203.0.113.9        | key present | false
      """)
  void operatorFamilyAgainstPresentAbsentAndNullValues(
      String operator, String key, String policyValue, String requestValue, String state, boolean expected) {
    assertThat(holds(operator, key, policyValue, requestValue)).as(state).isEqualTo(expected);
  }

  /**
   * Set operators hold each request value against the effectively null policy value: none equals
   * it, so ForAllValues:StringNotEquals holds and ForAnyValue:StringEquals does not.
   */
  @ParameterizedTest(name = "{0} with a null variable vs [x, y] → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ForAnyValue:StringEquals     | false
      ForAnyValue:StringNotEquals  | true
      ForAllValues:StringEquals    | false
      ForAllValues:StringNotEquals | true
      ForAllValues:StringNotLike   | true
      """)
  void setOperatorsAgainstANullVariable(String operator, boolean expected) {
    RequestContext context = context().putMultivalued("s:set", List.of("x", "y")).build();
    String allow = "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"" + operator
        + "\":{\"s:set\":\"${aws:PrincipalTag/team}\"}}}";
    assertThat(outcome(allow, context) == Outcome.ALLOWED).isEqualTo(expected);
  }

  /**
   * Numeric, date and IP address operators take no policy variables ("Where you can use policy
   * variables", Condition element: "You can't use a policy variable with other operators, such as
   * Numeric, Date, Boolean, Binary, IP Address, or Null operators" — Boolean has since gained
   * them), so a value written as one is not a number, date or address: reported with its
   * location, never evaluated as null.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      NumericNotEquals | s:n          | is not a number
      DateNotEquals    | s:d          | is not a date
      NotIpAddress     | aws:SourceIp | is not an IP address
      """)
  void variablesInNumericDateAndIpOperatorsAreReported(String operator, String key, String message) {
    String deny = "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"" + operator + "\":{\"" + key
        + "\":\"${aws:PrincipalTag/team}\"}}}";
    assertThatThrownBy(() -> outcome(deny, context().build()))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining(message)
        .hasMessageContaining("id.json:1");
  }

  private static final String ALLOW_ALL = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}";

  /**
   * Resource and NotResource, table-driven: element, pattern, whether {@code aws:PrincipalTag/team}
   * is set (to {@code home}), the outcome for bob's GetObject on {@code bucket/home/bob/notes.txt}.
   * A pattern with no value for its variable matches no ARN: an Allow with it grants nothing; a
   * Deny with NotResource made only of it excludes nothing, so it denies.
   */
  @ParameterizedTest(name = "{0} {1} (team {2}) → {3}")
  @CsvSource(delimiter = '|', textBlock = """
      Allow Resource    | arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*           | home     | ALLOWED
      Allow Resource    | arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*           | <absent> | IMPLICIT_DENY
      Allow Resource    | arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'home'}/*   | <absent> | ALLOWED
      Allow NotResource | arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*           | home     | IMPLICIT_DENY
      Allow NotResource | arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*           | <absent> | ALLOWED
      Deny NotResource  | arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*           | home     | ALLOWED
      Deny NotResource  | arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*           | <absent> | EXPLICIT_DENY
      Deny NotResource  | arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'home'}/*   | <absent> | ALLOWED
      Deny NotResource  | arn:aws:s3:::other/*;arn:aws:s3:::bucket/${aws:PrincipalTag/team}/* | <absent> | EXPLICIT_DENY
      Deny NotResource  | arn:aws:s3:::bucket/*;arn:aws:s3:::bucket/${aws:PrincipalTag/team}/* | <absent> | ALLOWED
      Deny Resource     | arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*           | <absent> | ALLOWED
      """)
  void resourceAndNotResourceWithANullVariable(String element, String patterns, String team, Outcome expected) {
    String[] effectAndElement = element.split(" ");
    String values = String.join(",", Arrays.stream(patterns.split(";")).map(p -> "\"" + p + "\"").toList());
    String statement = "{\"Effect\":\"" + effectAndElement[0] + "\",\"Action\":\"s3:GetObject\",\"" + effectAndElement[1] + "\":[" + values + "]}";
    String statements = effectAndElement[0].equals("Deny") ? ALLOW_ALL + "," + statement : statement;
    RequestContext.Builder context = context();
    if (!team.equals("<absent>")) {
      context.put("aws:PrincipalTag/team", team);
    }
    assertThat(outcome(statements, context.build())).isEqualTo(expected);
  }
}
