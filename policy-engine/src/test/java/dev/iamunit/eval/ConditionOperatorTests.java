package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every condition operator against a present, absent and multivalued key (IAM User Guide, "IAM
 * JSON policy elements: Condition operators"; "Single-valued vs. multivalued context keys"). A row:
 * operator, key, policy values ({@code ;}-separated), request value ({@code <absent>}, or a list
 * as {@code [a;b]}), whether the condition holds. {@code NotIpAddress} is "All IP addresses
 * except the specified IP address or range", so an address of the other family than a single
 * listed address satisfies it (iam-simulate disagrees: tools/differential/KNOWN_DIFFERENCES.md).
 * A variable with no value ({@code ${aws:nosuchkey}}) is "effectively null": see
 * PolicyVariablesWithNoValueTests.
 */
class ConditionOperatorTests {

  private static boolean holds(String operator, String key, String policyValues, String requestValue) {
    String values = Arrays.stream(policyValues.split(";")).map(v -> "\"" + v + "\"").reduce((a, b) -> a + "," + b).orElseThrow();
    Policy policy = PolicyParser.parse(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
            + "\"Condition\":{\"" + operator + "\":{\"" + key + "\":[" + values + "]}}}]}",
        "c.json", PolicyKind.IDENTITY, "c");
    RequestContext.Builder context = RequestContext.builder().put("aws:username", "bob");
    if (requestValue.startsWith("[")) {
      String inner = requestValue.substring(1, requestValue.length() - 1);
      context.putMultivalued(key, inner.isEmpty() ? List.of() : List.of(inner.split(";")));
    } else if (!requestValue.equals("<absent>")) {
      context.put(key, requestValue);
    }
    Request request = Request.of("arn:aws:iam::111122223333:user/bob", "s3:GetObject", "arn:aws:s3:::b/k", context.build());
    return Evaluator.standard().decide(request, PolicySet.ofIdentity(policy)).isAllowed();
  }

  @ParameterizedTest(name = "{0} {1} {2} vs {3} → {4}")
  @CsvSource(delimiter = '|', textBlock = """
      StringEquals                | s:k | abc          | abc           | true
      StringEquals                | s:k | abc          | ABC           | false
      StringEquals                | s:k | abc          | <absent>      | false
      StringEquals                | s:k | a*           | abc           | false
      StringNotEquals             | s:k | abc          | abd           | true
      StringNotEquals             | s:k | abc;abd      | abd           | false
      StringNotEquals             | s:k | abc          | <absent>      | true
      StringEqualsIgnoreCase      | s:k | abc          | ABC           | true
      StringNotEqualsIgnoreCase   | s:k | abc          | ABC           | false
      StringLike                  | s:k | a*c;x?z      | abbbc         | true
      StringLike                  | s:k | a*c;x?z      | xyz           | true
      StringLike                  | s:k | a*c;x?z      | xyyz          | false
      StringNotLike               | s:k | home/*       | tmp/x         | true
      StringNotLike               | s:k | home/*       | <absent>      | true
      StringEqualsIfExists        | s:k | abc          | <absent>      | true
      StringEqualsIfExists        | s:k | abc          | abd           | false
      StringLike                  | s:k | home/${aws:username}/* | home/bob/x | true
      StringLike                  | s:k | home/${aws:username}/* | home/eve/x | false
      StringEquals                | s:k | ${aws:nosuchkey} | x         | false
      StringEquals                | s:k | ${aws:nosuchkey, 'x'} | x    | true
      StringEquals                | s:k | ${aws:nosuchkey};x | x       | true
      StringNotEquals             | s:k | ${aws:nosuchkey};y | x       | true
      StringNotEquals             | s:k | ${aws:nosuchkey};x | x       | false
      StringNotLikeIfExists       | s:k | ${aws:nosuchkey} | x         | true
      StringEquals                | s:k | a${*}b       | a*b           | true
      StringLike                  | s:k | a${*}b       | axb           | false
      NumericEquals               | s:k | 10           | 10.0          | true
      NumericNotEquals            | s:k | 10           | 11            | true
      NumericLessThan             | s:k | 10           | 9             | true
      NumericLessThan             | s:k | 10           | 10            | false
      NumericLessThanEquals       | s:k | 10           | 10            | true
      NumericGreaterThan          | s:k | 10           | 11            | true
      NumericGreaterThanEquals    | s:k | 10           | 9             | false
      NumericLessThan             | s:k | 10           | ten           | false
      NumericNotEquals            | s:k | 10           | ten           | false
      DateLessThan                | s:k | 2026-01-01T00:00:00Z | 2025-12-31T23:59:59Z | true
      DateGreaterThan             | s:k | 2026-01-01T00:00:00Z | 1767225601 | true
      DateEquals                  | s:k | 2026-01-01   | 2026-01-01T00:00:00Z | true
      DateNotEquals               | s:k | 2026-01-01T00:00:00Z | <absent> | true
      DateLessThanEquals          | s:k | 2026-01-01T00:00:00Z | 2026-01-01T01:00:00+01:00 | true
      DateGreaterThanEquals       | s:k | 2026-01-01T00:00:00Z | yesterday | false
      DateGreaterThanEquals       | s:k | 2026-01-01T00:00:00Z | 99999999999999999 | false
      DateLessThan                | s:k | 2026-01-01T00:00:00Z | 99999999999999999999 | false
      Bool                        | aws:SecureTransport | true | true  | true
      Bool                        | aws:SecureTransport | true | false | false
      Bool                        | aws:SecureTransport | false | <absent> | false
      BoolIfExists                | aws:SecureTransport | false | <absent> | true
      BinaryEquals                | s:k | QmluYXJ5VmFsdWU= | QmluYXJ5VmFsdWU= | true
      BinaryEquals                | s:k | QmluYXJ5VmFsdWU= | T3RoZXI= | false
      IpAddress                   | aws:SourceIp | 203.0.113.0/24 | 203.0.113.9 | true
      IpAddress                   | aws:SourceIp | 203.0.113.0/24 | 203.0.114.9 | false
      IpAddress                   | aws:SourceIp | 2001:db8::/32 | 2001:db8:1234::1 | true
      IpAddress                   | aws:SourceIp | 2001:db8::/32 | 2001:db9::1 | false
      IpAddress                   | aws:SourceIp | 203.0.113.7 | 203.0.113.7 | true
      NotIpAddress                | aws:SourceIp | 203.0.113.0/24 | 198.51.100.1 | true
      NotIpAddress                | aws:SourceIp | 203.0.113.0/24 | <absent> | true
      NotIpAddress                | aws:SourceIp | 203.0.113.0/24 | not-an-ip | false
      NotIpAddress                | aws:SourceIp | 192.0.2.10 | 2001:db8:abcd:1::2 | true
      NotIpAddress                | aws:SourceIp | 2001:db8::1 | 192.0.2.10 | true
      NotIpAddress                | aws:SourceIp | 192.0.2.10 | 192.0.2.10 | false
      IpAddress                   | aws:SourceIp | 192.0.2.10 | 2001:db8:abcd:1::2 | false
      ArnEquals                   | aws:SourceArn | arn:aws:sns:*:111122223333:topic | arn:aws:sns:us-east-1:111122223333:topic | true
      ArnLike                     | aws:SourceArn | arn:aws:s3:::bucket/* | arn:aws:s3:::bucket/a/b | true
      ArnLike                     | aws:SourceArn | arn:aws:s3:::bucket/* | arn:aws:s3:::other/a | false
      ArnNotEquals                | aws:SourceArn | arn:aws:s3:::bucket | arn:aws:s3:::other | true
      ArnNotLike                  | aws:SourceArn | arn:aws:s3:::bucket/* | <absent> | true
      ArnNotLike                  | aws:SourceArn | arn:aws:s3:::bucket/* | boop | false
      Null                        | aws:TokenIssueTime | true | <absent> | true
      Null                        | aws:TokenIssueTime | true | 2026-01-01T00:00:00Z | false
      Null                        | aws:TokenIssueTime | false | 2026-01-01T00:00:00Z | true
      ForAnyValue:StringEquals    | aws:TagKeys | a;b   | [c;b]         | true
      ForAnyValue:StringEquals    | aws:TagKeys | a;b   | [c;d]         | false
      ForAnyValue:StringEquals    | aws:TagKeys | a;b   | <absent>      | false
      ForAnyValue:StringEquals    | aws:TagKeys | a;b   | []            | false
      ForAllValues:StringEquals   | aws:TagKeys | a;b   | [a;b]         | true
      ForAllValues:StringEquals   | aws:TagKeys | a;b   | [a;c]         | false
      ForAllValues:StringEquals   | aws:TagKeys | a;b   | <absent>      | true
      ForAllValues:StringEquals   | aws:TagKeys | a;b   | []            | true
      ForAnyValue:StringNotEquals | aws:TagKeys | a     | [a;c]         | true
      ForAllValues:StringNotEquals | aws:TagKeys | a    | [b;c]         | true
      ForAllValues:StringNotEquals | aws:TagKeys | a    | [a;c]         | false
      ForAnyValue:StringLike      | aws:TagKeys | env-* | [team;env-prod] | true
      ForAnyValue:StringEqualsIfExists | aws:TagKeys | a | <absent>    | false
      ForAllValues:StringEqualsIfExists | aws:TagKeys | a | <absent>   | true
      StringEquals                | aws:TagKeys | a     | [a]           | false
      """)
  void operatorTable(String operator, String key, String policyValues, String requestValue, boolean expected) {
    assertThat(holds(operator, key, policyValues, requestValue)).isEqualTo(expected);
  }
}
