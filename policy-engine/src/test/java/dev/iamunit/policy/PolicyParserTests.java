package dev.iamunit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Strict where AWS's policy validator is strict ("Grammar of the IAM JSON policy language"),
 * lenient where AWS is.
 */
class PolicyParserTests {

  private static Policy parse(String json) {
    return PolicyParser.parse(json, "p.json", PolicyKind.IDENTITY, "p");
  }

  private static String statement(String body) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{" + body + "}]}";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      duplicate key | {"Version":"2012-10-17","Version":"2012-10-17","Statement":[]} | p.json:1:25: duplicate key "Version" (first at line 1); AWS rejects documents with duplicate keys: keep one
      unknown element | {"Version":"2012-10-17","Statment":[]} | p.json:1:25: unknown element "Statment" in a policy; the elements of a policy are Id, Statement, Version
      element case | {"version":"2012-10-17","Statement":[]} | p.json:1:2: unknown element "version" in a policy; did you mean "Version"? Element names are case-sensitive
      unknown version | {"Version":"2012-10-18","Statement":[]} | p.json:1:12: unknown Version "2012-10-18"; use "2012-10-17" (or "2008-10-17", without policy variables)
      no statement | {"Version":"2012-10-17"} | p.json:1:1: the policy has no Statement element; add at least one statement
      """)
  void rejectsMalformedPolicies(String name, String json, String message) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(IamUnitException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      effect | "Effect":"allow","Action":"s3:*","Resource":"*" | p.json:1:48: Effect must be "Allow" or "Deny" (case-sensitive), not "allow"
      no effect | "Action":"s3:*","Resource":"*" | p.json:1:38: the statement has no Effect; add "Effect": "Allow" or "Effect": "Deny"
      action and notaction | "Effect":"Allow","Action":"s3:*","NotAction":"ec2:*","Resource":"*" | p.json:1:72: the statement has both Action and NotAction; a statement can have only one of them
      no action | "Effect":"Allow","Resource":"*" | p.json:1:38: the statement has neither Action nor NotAction; name the actions it allows
      resource and notresource | "Effect":"Allow","Action":"s3:*","Resource":"*","NotResource":"*" | p.json:1:87: the statement has both Resource and NotResource; a statement can have only one of them
      no resource | "Effect":"Deny","Action":"s3:*" | p.json:1:38: the statement has neither Resource nor NotResource, which an identity-based policy requires; add "Resource": "*" or the ARNs it denies
      principal in identity policy | "Effect":"Allow","Action":"s3:*","Resource":"*","Principal":"*" | p.json:1:87: an identity-based policy cannot have Principal: it applies to the principal it is attached to; remove the element
      unknown operator | "Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"BoolIfExist":{"aws:MultiFactorAuthPresent":"false"}} | p.json:1:99: unknown condition operator "BoolIfExist"; did you mean "BoolIfExists"? AWS rejects policies with unknown operators
      malformed arn | "Effect":"Allow","Action":"s3:*","Resource":"s3:::bucket" | p.json:1:83: malformed ARN "s3:::bucket" in Resource; an ARN has the form arn:partition:service:region:account-id:resource, or use "*"
      not an action | "Effect":"Allow","Action":"s3","Resource":"*" | p.json:1:65: "s3" in Action is not an action; write service:action, such as "ec2:RunInstances" or "iam:*MFA*"
      action with spaces | "Effect":"Allow","Action":["s3:GetObject"," s3:PutObject"],"Resource":"*" | p.json:1:65: " s3:PutObject" in Action has spaces around it, which no action name has; remove them
      null in a list | "Effect":"Allow","Action":["s3:GetObject",null],"Resource":"*" | p.json:1:81: Action must be a string or a list of strings, not null
      null condition value | "Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:username":null}} | p.json:1:130: StringEquals aws:username must be a string or a list of strings, not null
      object in condition values | "Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:username":["a",{}]}} | p.json:1:135: StringEquals aws:username must be a string or a list of strings, not an object
      operator without keys object | "Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":"true"} | p.json:1:106: the value of condition operator Bool must be an object of condition keys, not the string "true"
      second operator without keys object | "Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringLike":{"s3:prefix":["a","b"]},"StringEquals":"x"} | p.json:1:151: the value of condition operator StringEquals must be an object of condition keys, not the string "x"
      operator without keys | "Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{}} | p.json:1:106: condition operator Bool has no condition keys; add one or remove the operator
      """)
  void rejectsMalformedStatements(String name, String body, String message) {
    assertThatThrownBy(() -> parse(statement(body))).isInstanceOf(InvalidPolicyException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      null principal | "Effect":"Allow","Action":"s3:*","Resource":"*","Principal":{"AWS":["arn:aws:iam::111122223333:root",null]} | p.json:1:140: Principal.AWS must be a string or a list of strings, not null
      principal list | "Effect":"Allow","Action":"s3:*","Resource":"*","NotPrincipal":["*"] | p.json:1:102: NotPrincipal must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}, not an array
      """)
  void rejectsMalformedPrincipals(String name, String body, String message) {
    assertThatThrownBy(() -> PolicyParser.parse(statement(body), "p.json", PolicyKind.RESOURCE, "p"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessage(message);
  }

  /**
   * An ECR repository policy names no Resource: it applies to its repository (Amazon ECR User Guide,
   * "Private repository policies in Amazon ECR"). Such a statement still needs a Principal, and a
   * policy of any other resource kind still needs Resource.
   */
  @Test
  void aPolicyOfOneResourceMayLeaveOutResourceButNotPrincipal() {
    String pull = statement("\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
        + "\"Action\":\"ecr:BatchGetImage\"");
    assertThat(PolicyParser.parse(pull, "p.json", PolicyKind.SINGLE_RESOURCE, "p").statements().get(0).resource()).isEmpty();
    assertThatThrownBy(() -> PolicyParser.parse(pull, "p.json", PolicyKind.RESOURCE, "p")).isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("neither Resource nor NotResource, which a resource-based policy requires");
    assertThatThrownBy(() -> PolicyParser.parse(statement("\"Effect\":\"Allow\",\"Action\":\"ecr:BatchGetImage\""), "p.json",
        PolicyKind.SINGLE_RESOURCE, "p")).isInstanceOf(InvalidPolicyException.class).hasMessageContaining("Principal");
  }

  @Test
  void keepsEveryConditionKeyOfEveryOperatorInOrder() {
    Statement statement = parse(statement("\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{"
        + "\"StringLike\":{\"s3:prefix\":[\"a\",\"b\"],\"s3:delimiter\":\"/\"},\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[]},"
        + "\"NumericLessThan\":{\"s3:max-keys\":10}}")).statements().get(0);
    assertThat(statement.conditions()).extracting(Object::toString).containsExactly(
        "StringLike s3:prefix [a, b]", "StringLike s3:delimiter /", "ForAnyValue:StringEquals aws:TagKeys []",
        "NumericLessThan s3:max-keys 10");
  }

  /**
   * Twelve statements, one per line from line 2, some without a Sid and some with an empty one: a
   * duplicate is found among the first few statements and past them alike, and named against the
   * first statement with the Sid.
   */
  @ParameterizedTest(name = "statements {0} and {1}")
  @CsvSource(delimiter = '|', textBlock = """
      3 | 5  | p.json:7:1: duplicate Sid "Twice" (also at line 5); each Sid in a policy must be unique
      0 | 8  | p.json:10:1: duplicate Sid "Twice" (also at line 2); each Sid in a policy must be unique
      7 | 8  | p.json:10:1: duplicate Sid "Twice" (also at line 9); each Sid in a policy must be unique
      1 | 11 | p.json:13:1: duplicate Sid "Twice" (also at line 3); each Sid in a policy must be unique
      9 | 11 | p.json:13:1: duplicate Sid "Twice" (also at line 11); each Sid in a policy must be unique
      """)
  void rejectsDuplicateSidsAmongManyStatements(int first, int second, String message) {
    StringBuilder json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
    for (int i = 0; i < 12; i++) {
      String sid = i == first || i == second ? "Twice" : i % 3 == 0 ? "" : "S" + i;
      String sidMember = i % 4 == 2 && i != first && i != second ? "" : "\"Sid\":\"" + sid + "\",";
      json.append(i == 0 ? "\n" : ",\n").append("{" + sidMember + "\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
    }
    assertThatThrownBy(() -> parse(json.append("]}").toString())).isInstanceOf(InvalidPolicyException.class).hasMessage(message);
  }

  @Test
  void rejectsDuplicateSids() {
    String json = "{\"Version\":\"2012-10-17\",\"Statement\":[\n"
        + "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},\n"
        + "{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    assertThatThrownBy(() -> parse(json))
        .hasMessage("p.json:3:1: duplicate Sid \"A\" (also at line 2); each Sid in a policy must be unique");
  }

  @Test
  void malformedJsonNamesTheLocation() {
    assertThatThrownBy(() -> parse("{\"Version\":\"2012-10-17\",\n\"Statement\":[}"))
        .isInstanceOf(IamUnitException.class)
        .hasMessageStartingWith("p.json:2:14: malformed JSON: Unexpected close marker '}'");
  }

  /** "The Statement element can contain a single statement or an array of individual statements." */
  @Test
  void acceptsSingleStatementObjectAndStringsForLists() {
    Policy policy = parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
        + "\"Condition\":{\"NumericLessThan\":{\"s3:max-keys\":10},\"Bool\":{\"aws:SecureTransport\":true}}}}");
    Statement statement = policy.statements().get(0);
    assertThat(statement.action().values()).containsExactly("s3:GetObject");
    assertThat(statement.conditions()).extracting(c -> c.values().get(0)).containsExactly("10", "true");
  }

  /** "If you do not include the Version element, the value defaults to 2008-10-17." */
  @Test
  void missingVersionMeansNoPolicyVariables() {
    Policy policy = parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
    assertThat(policy.version()).isEmpty();
    assertThat(policy.substitutesVariables()).isFalse();
  }

  @Test
  void acceptsEveryPrincipalForm() {
    String json = "{\"Version\":\"2012-10-17\",\"Id\":\"x\",\"Statement\":["
        + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"111122223333\"],\"Service\":\"ec2.amazonaws.com\","
        + "\"Federated\":\"cognito-identity.amazonaws.com\",\"CanonicalUser\":\"abc\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
    Policy policy = PolicyParser.parse(json, "b.json", PolicyKind.RESOURCE, "bucket");
    assertThat(policy.id()).hasValue("x");
    assertThat(policy.statements().get(0).principal().orElseThrow().anyone()).isTrue();
    assertThat(policy.statements().get(1).principal().orElseThrow().byType()).containsOnlyKeys("AWS", "Service", "Federated", "CanonicalUser");
  }

  @Test
  void recordsLocationsOfStatements() {
    String json = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"A\",\n"
        + "      \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"\n    }\n  ]\n}";
    Statement statement = parse(json).statements().get(0);
    assertThat(statement.location().line()).isEqualTo(4);
    assertThat(statement.action().location().line()).isEqualTo(6);
  }
}
