package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where a {@code *} may match a colon of an ARN, decided on requests.
 *
 * <p>Resource and NotResource: IAM User Guide, "IAM JSON policy elements: Resource", section
 * "Using wildcards in resource ARNs"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards):
 * "You can use wildcard characters (* and ?) within the individual segments of an ARN (the parts
 * separated by colons) ... If the * wildcard is the last character of a resource ARN segment, it
 * can expand to match beyond the colon boundaries. We recommend you use wildcards (* and ?) within
 * ARN segments separated by a colon." So a {@code *} that ends a segment may take colons, and every
 * other wildcard of the first five segments stays inside its segment.
 *
 * <p>ArnEquals and ArnLike: IAM User Guide, "IAM JSON policy elements: Condition operators",
 * section "Amazon Resource Name (ARN) condition operators"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN):
 * "Each of the six colon-delimited components of the ARN is checked separately and each can
 * include multi-character match wildcards (*) or single-character match wildcards (?)." So no
 * wildcard of an operator's six-part pattern crosses into another component.
 */
class ArnWildcardAcrossColonsTests {

  private static final String ALICE = "arn:aws:iam::123456789012:user/alice";

  private static Outcome decide(String statement, String resource, RequestContext context) {
    Policy policy = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}", "id.json", PolicyKind.IDENTITY, "id");
    return Evaluator.standard().explain(Request.of(ALICE, "sns:Publish", resource, context), PolicySet.ofIdentity(policy)).outcome();
  }

  private static boolean resourceMatches(String pattern, String resource) {
    String allow = "{\"Effect\":\"Allow\",\"Action\":\"sns:Publish\",\"Resource\":\"" + pattern + "\"}";
    return decide(allow, resource, RequestContext.empty()) == Outcome.ALLOWED;
  }

  @ParameterizedTest(name = "Resource {0} on {1} → {2} ({3})")
  @CsvSource(delimiter = '|', textBlock = """
      arn:aws:sns:*:123456789012:*         | arn:aws:sns:us-east-1:123456789012:alerts               | true  | every * stays in its segment
      arn:aws:sns:*:999999999999:*         | arn:aws:sns:us-east-1:123456789012:alerts               | false | the account segment differs, and no later colon can stand for it
      arn:aws:sns:*:alerts:*               | arn:aws:sns:us-east-1:123456789012:alerts:subscription1 | true  | the region's * is the last character of its segment: it takes us-east-1:123456789012
      arn:aws:sns:*:alerts:*               | arn:aws:sns:us-east-1:123456789012:alerts               | false | no colon is left for the pattern's last one
      arn:aws:lambda:*:function:*          | arn:aws:lambda:us-east-1:123456789012:function:resize   | true  | the region's * takes the region and the account
      arn:aws:lambda:*:*:function:*        | arn:aws:lambda:us-east-1:123456789012:function:resize   | true  | aligned, the * of the resource part takes the rest
      arn:aws:sns:us-*-1:alerts:*          | arn:aws:sns:us-east-1:123456789012:x-1:alerts:y         | false | a * in the middle of a segment never takes a colon, even where that would align the rest
      arn:aws:sns:us-east-?123456789012:*  | arn:aws:sns:us-east-:123456789012:alerts                | false | a ? never takes a colon in the first five segments
      arn:aws:sns:us-east-?:123456789012:* | arn:aws:sns:us-east-1:123456789012:alerts               | true  | a ? takes one character of its segment
      arn:aws:s3:us-*                      | arn:aws:s3:us-east-1:123456789012:accesspoint/ap        | true  | fewer than six segments: the last * takes the rest of the ARN
      arn:aws:s3:us-*                      | arn:aws:s3:eu-west-1:123456789012:accesspoint/ap        | false | fewer than six segments, the region's literal start differs
      arn:aws:ec2:*                        | arn:aws:ec2:us-east-1:123456789012:instance/i-1         | true  | fewer than six segments
      arn:aws:ec2:*                        | arn:aws:s3:::bucket                                     | false | the service segment is literal
      arn:aws:iam::*                       | arn:aws:iam::123456789012:role/Admin                    | true  | fewer than six segments, an empty region
      arn:aws:iam::*                       | arn:aws:iam:us-east-1:123456789012:role/Admin           | false | the empty region segment matches only an empty region
      arn:aws:s3:u*1*                      | arn:aws:s3:us-east-2:123456789012:b1                    | false | the first * is not the last character of its segment: the 1 must be in the region
      arn:aws:s3:u*1*                      | arn:aws:s3:us-east-1:123456789012:b                     | true  | the 1 is in the region, the last * takes the rest
      arn:aws:SNS:*:ALERTS:*               | arn:aws:sns:us-east-1:123456789012:alerts:subscription1 | true  | service, region and account compare ignoring case, also past a colon taken by *
      arn:aws:sns:*:123456789012:Alerts    | arn:aws:sns:us-east-1:123456789012:alerts               | false | the resource part stays case-sensitive
      """)
  void aStarEndingASegmentOfAResourceMayMatchBeyondTheColon(String pattern, String resource, boolean matches, String why) {
    assertThat(resourceMatches(pattern, resource)).as(why).isEqualTo(matches);
  }

  /**
   * NotResource reads its patterns as Resource does: the ARN the * reaches past a colon is
   * excluded. And a Deny AWS applies is applied: past the colon, the explicit deny wins over an
   * Allow of every resource.
   */
  @ParameterizedTest(name = "{0} {1} on {2} → {3}")
  @CsvSource(delimiter = '|', textBlock = """
      NotResource | arn:aws:sns:*:alerts:* | arn:aws:sns:us-east-1:123456789012:alerts:subscription1 | IMPLICIT_DENY
      NotResource | arn:aws:sns:*:alerts:* | arn:aws:sns:us-east-1:123456789012:alerts               | ALLOWED
      NotResource | arn:aws:s3:*           | arn:aws:s3:::bucket/key                                 | IMPLICIT_DENY
      Deny        | arn:aws:sns:*:alerts:* | arn:aws:sns:us-east-1:123456789012:alerts:subscription1 | EXPLICIT_DENY
      Deny        | arn:aws:sns:*:alerts:* | arn:aws:sns:us-east-1:123456789012:alerts               | ALLOWED
      Deny        | arn:aws:s3:*           | arn:aws:s3:::bucket/key                                 | EXPLICIT_DENY
      """)
  void notResourceAndDenyReachPastTheColonAsResourceDoes(String element, String pattern, String resource, Outcome outcome) {
    String statements = element.equals("NotResource")
        ? "{\"Effect\":\"Allow\",\"Action\":\"sns:Publish\",\"NotResource\":\"" + pattern + "\"}"
        : "{\"Effect\":\"Allow\",\"Action\":\"sns:Publish\",\"Resource\":\"*\"},"
            + "{\"Effect\":\"Deny\",\"Action\":\"sns:Publish\",\"Resource\":\"" + pattern + "\"}";
    assertThat(decide(statements, resource, RequestContext.empty())).isEqualTo(outcome);
  }

  /**
   * ArnLike, ArnEquals and ArnNotLike check each of the six components separately: the * of a
   * segment never takes a colon. A pattern of fewer than six components is not described by the
   * documentation; it compares as one whole text, its * taking colons (pinned here, not decided).
   */
  @ParameterizedTest(name = "{0} {1} on {2} → {3}")
  @CsvSource(delimiter = '|', textBlock = """
      ArnLike    | arn:aws:sns:*:alerts:* | arn:aws:sns:us-east-1:alerts:x                          | true
      ArnLike    | arn:aws:sns:*:alerts:* | arn:aws:sns:us-east-1:123456789012:alerts:subscription1 | false
      ArnEquals  | arn:aws:sns:*:alerts:* | arn:aws:sns:us-east-1:123456789012:alerts:subscription1 | false
      ArnNotLike | arn:aws:sns:*:alerts:* | arn:aws:sns:us-east-1:123456789012:alerts:subscription1 | true
      ArnNotLike | arn:aws:sns:*:alerts:* | arn:aws:sns:us-east-1:alerts:x                          | false
      ArnLike    | arn:aws:iam::*         | arn:aws:iam::123456789012:role/Admin                    | true
      """)
  void anArnOperatorChecksEachOfTheSixComponentsSeparately(String operator, String pattern, String value, boolean holds) {
    String allow = "{\"Effect\":\"Allow\",\"Action\":\"sns:Publish\",\"Resource\":\"*\",\"Condition\":{\"" + operator
        + "\":{\"aws:SourceArn\":\"" + pattern + "\"}}}";
    RequestContext context = RequestContext.builder().put("aws:SourceArn", value).build();
    assertThat(decide(allow, "arn:aws:sns:us-east-1:123456789012:alerts", context) == Outcome.ALLOWED).isEqualTo(holds);
  }
}
