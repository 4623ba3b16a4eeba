package dev.iamunit.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.UnresolvedPolicies;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one renderer of decisions, on its exact text: one row per kind of decision it must say. */
class DecisionTextTests {

  private static final String USER = "arn:aws:iam::123456789012:user/MFAUser";

  private static final Policy EC2 = identity("terraform/ec2.tf", 14, "aws_iam_policy.ec2",
      "{\"Sid\": \"AllowEc2\", \"Effect\": \"Allow\", \"Action\": \"ec2:*\", \"Resource\": \"*\"}");

  private static final Policy FORCE_MFA = identity("terraform/mfa.tf", 30, "aws_iam_policy.force_mfa",
      "{\"Sid\": \"DenyEc2WithoutMfa\", \"Effect\": \"Deny\", \"Action\": \"ec2:*\", \"Resource\": \"*\", "
          + "\"Condition\": {\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}}}");

  /** Two statements without a Sid that both allow ec2:RunInstances. */
  private static final Policy TWO_ALLOWS = identity("policy.json", 1, "both",
      "{\"Effect\": \"Allow\", \"Action\": \"ec2:RunInstances\", \"Resource\": \"*\"}",
      "{\"Effect\": \"Allow\", \"Action\": \"ec2:Run*\", \"Resource\": \"*\"}");

  /** Reports for the reports team only: a near miss for anyone else, and one on another bucket. */
  private static final Policy REPORTS = identity("terraform/s3.tf", 7, "aws_iam_policy.reports",
      "{\"Sid\": \"ReportsTeamReads\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", "
          + "\"Resource\": \"arn:aws:s3:::reports/*\", "
          + "\"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/team\": [\"reports\", \"audit\"]}}}",
      "{\"Sid\": \"ArchiveReads\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", "
          + "\"Resource\": \"arn:aws:s3:::archive/*\"}");

  /** An Allow on resources the loader could not compute ({@code var.v2} at main.tf:3). */
  private static final Policy UNRESOLVED_RESOURCE = UnresolvedPolicies.policy(PolicyKind.IDENTITY, "buckets",
      List.of("{\"Sid\": \"ReadBucket\", \"Effect\": \"Allow\", \"Action\": \"ec2:*\", \"Resource\": \"?2?\"}"));

  /** Reads from the office's addresses only. */
  private static final Policy OFFICE = identity("terraform/office.tf", 5, "aws_iam_policy.office",
      "{\"Sid\": \"OfficeReads\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\", "
          + "\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}}");

  static Stream<Arguments> decisions() {
    return Stream.of(
        // "aws:SourceIp ... This key is included in the request context, except when the requester
        // uses a VPC endpoint to make the request" (IAM User Guide, AWS global condition context
        // keys): a request without it is one through a VPC endpoint, and the explanation says so.
        row("implicitly denied, aws:SourceIp tested and the request without one",
            Request.of(USER, "s3:GetObject", "arn:aws:s3:::reports/q3.csv", RequestContext.empty()), PolicySet.ofIdentity(OFFICE),
            "implicitly denied: no identity-based or resource-based policy allows the request (implicit deny)",
            """
            Explanation:
              Near misses:
                Allow OfficeReads (aws_iam_policy.office, terraform/office.tf:5) in the identity-based policy: a condition was not met
                  IpAddress aws:SourceIp "203.0.113.0/24" (request: absent) → not met
              Evaluation: no identity-based or resource-based policy allows the request (implicit deny)
              Request context: aws:SourceIp absent
              aws:SourceIp: the request carries none, as a request through a VPC endpoint: AWS includes it "except when the \
            requester uses a VPC endpoint to make the request" (IAM User Guide, AWS global condition context keys, aws:SourceIp). \
            To give one: @FromIp("203.0.113.7") or .withContext("aws:SourceIp", "203.0.113.7") in a test, \
            --context aws:SourceIp=203.0.113.7 with iamunit explain"""),
        row("allowed, aws:SourceIp tested and the request with one",
            Request.of(USER, "s3:GetObject", "arn:aws:s3:::reports/q3.csv", RequestContext.builder().put("aws:SourceIp", "203.0.113.7").build()),
            PolicySet.ofIdentity(OFFICE),
            "allowed by statement OfficeReads (terraform/office.tf:5)",
            """
            Explanation:
              Deciding statements:
                Allow OfficeReads (aws_iam_policy.office, terraform/office.tf:5) in the identity-based policy
                  IpAddress aws:SourceIp "203.0.113.0/24" (request: "203.0.113.7") → met
              Evaluation: allowed by an identity-based policy
              Request context: aws:SourceIp = "203.0.113.7\""""),
        row("allowed, with a near miss on a condition",
            request("ec2:RunInstances", "*", "true"), PolicySet.ofIdentity(EC2, FORCE_MFA),
            "allowed by statement AllowEc2 (terraform/ec2.tf:14)",
            """
            Explanation:
              Deciding statements:
                Allow AllowEc2 (aws_iam_policy.ec2, terraform/ec2.tf:14) in the identity-based policy
              Near misses:
                Deny DenyEc2WithoutMfa (aws_iam_policy.force_mfa, terraform/mfa.tf:30) in the identity-based policy: a condition was not met
                  BoolIfExists aws:MultiFactorAuthPresent "false" (request: "true") → not met
              Evaluation: allowed by an identity-based policy
              Request context: aws:MultiFactorAuthPresent = "true\""""),
        row("explicitly denied, an Allow overridden",
            request("ec2:RunInstances", "*", "false"), PolicySet.ofIdentity(EC2, FORCE_MFA),
            "explicitly denied by statement DenyEc2WithoutMfa (terraform/mfa.tf:30)",
            """
            Explanation:
              Deciding statements:
                Deny DenyEc2WithoutMfa (aws_iam_policy.force_mfa, terraform/mfa.tf:30) in the identity-based policy
                  BoolIfExists aws:MultiFactorAuthPresent "false" (request: "false") → met
              Also applied:
                Allow AllowEc2 (aws_iam_policy.ec2, terraform/ec2.tf:14) in the identity-based policy
              Evaluation: an explicit Deny applies, which overrides any Allow
              Request context: aws:MultiFactorAuthPresent = "false\""""),
        row("implicitly denied, near misses on a condition and on the resource, the tested key absent",
            Request.of(USER, "s3:GetObject", "arn:aws:s3:::reports/q3.csv", RequestContext.empty()), PolicySet.ofIdentity(REPORTS),
            "implicitly denied: no identity-based or resource-based policy allows the request (implicit deny)",
            """
            Explanation:
              Near misses:
                Allow ReportsTeamReads (aws_iam_policy.reports, terraform/s3.tf:7) in the identity-based policy: a condition was not met
                  StringEquals aws:PrincipalTag/team [reports, audit] (request: absent) → not met
                Allow ArchiveReads (aws_iam_policy.reports, terraform/s3.tf:7) in the identity-based policy: resource did not match
              Evaluation: no identity-based or resource-based policy allows the request (implicit deny)
              Request context: aws:PrincipalTag/team absent"""),
        row("allowed by two statements without a Sid",
            request("ec2:RunInstances", "*", "true"), PolicySet.ofIdentity(TWO_ALLOWS),
            "allowed by statements #0 (policy.json:1), #1 (policy.json:1)",
            """
            Explanation:
              Deciding statements:
                Allow #0 (both, policy.json:1) in the identity-based policy
                Allow #1 (both, policy.json:1) in the identity-based policy
              Evaluation: allowed by an identity-based policy"""),
        row("outside policies: no policy can allow or deny it",
            request("sts:GetCallerIdentity", "*", "false"), PolicySet.ofIdentity(FORCE_MFA),
            "allowed without any policy: AWS does not authorize sts:GetCallerIdentity through policies: \"No permissions "
                + "are required to perform this operation\" (STS API Reference, GetCallerIdentity)",
            """
            Explanation:
              Evaluation: AWS does not authorize sts:GetCallerIdentity through policies: "No permissions are required \
            to perform this operation" (STS API Reference, GetCallerIdentity)"""),
        row("an unresolved value that cannot change an explicit deny is listed as not needed",
            request("ec2:RunInstances", "*", "false"), PolicySet.ofIdentity(FORCE_MFA, UNRESOLVED_RESOURCE),
            "explicitly denied by statement DenyEc2WithoutMfa (terraform/mfa.tf:30)",
            """
            Explanation:
              Deciding statements:
                Deny DenyEc2WithoutMfa (aws_iam_policy.force_mfa, terraform/mfa.tf:30) in the identity-based policy
                  BoolIfExists aws:MultiFactorAuthPresent "false" (request: "false") → met
              Also applied:
                Allow ReadBucket (buckets, buckets.json:1) in the identity-based policy, assuming values IAMUnit could not compute
              Evaluation: an explicit Deny applies, which overrides any Allow
              Not needed for this decision: <unresolved: var.v2> at main.tf:3:1: variable "v2" has no default and was given no value
              Request context: aws:MultiFactorAuthPresent = "false\""""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisions")
  void summaryAndExplanation(Request request, PolicySet policies, String summary, String explanation) {
    // explanation: the heading "Explanation:", then the lines.
    Decision decision = Evaluator.standard().explain(request, policies);

    assertThat(DecisionText.summary(decision)).isEqualTo(summary);
    assertThat(DecisionText.explanationSection(decision, Optional.of(request.context()))).isEqualTo("\n" + explanation);
    assertThat(DecisionText.explained(decision, Optional.of(request.context()))).isEqualTo(summary + "\n" + explanation);
  }

  @Test
  void outcomesAreWordsNotEnumNames() {
    assertThat(Stream.of(Outcome.values()).map(DecisionText::outcome))
        .containsExactly("allowed", "explicitly denied", "implicitly denied");
  }

  @Test
  void withoutTheRequestTheExplanationLeavesOutTheContextValues() {
    Request request = request("ec2:RunInstances", "*", "false");
    Decision decision = Evaluator.standard().explain(request, PolicySet.ofIdentity(EC2, FORCE_MFA));

    assertThat(DecisionText.explained(decision)).isEqualTo(
        DecisionText.explained(decision, Optional.of(request.context())).replace("\n  Request context: aws:MultiFactorAuthPresent = \"false\"", ""));
  }

  /** The fast path keeps only the deciding statements; an implicit deny then says only its steps. */
  @Test
  void aBareImplicitDenyHasOnlyItsEvaluationSteps() {
    Request request = Request.of(USER, "s3:GetObject", "arn:aws:s3:::reports/q3.csv", RequestContext.empty());
    Decision decision = Evaluator.standard().decide(request, PolicySet.ofIdentity(REPORTS));

    assertThat(DecisionText.explanationSection(decision, Optional.of(request.context()))).isEqualTo(
        "\nExplanation:\n  Evaluation: no identity-based or resource-based policy allows the request (implicit deny)");
  }

  /** What a consumer that kept only the parts (the access diff) says, in the same words. */
  @Test
  void theSummaryFromPartsReadsAsTheSummaryOfTheDecision() {
    assertThat(DecisionText.summary(Outcome.EXPLICIT_DENY, List.of(DecisionText.statement("Block", "main.tf:89")), List.of("ignored")))
        .isEqualTo("explicitly denied by statement Block (main.tf:89)");
    assertThat(DecisionText.summary(Outcome.IMPLICIT_DENY, List.of(), List.of("the principal is not declared in this version")))
        .isEqualTo("implicitly denied: the principal is not declared in this version");
    assertThat(DecisionText.summary(Outcome.IMPLICIT_DENY, List.of(), List.of())).isEqualTo("implicitly denied");
  }

  private static Arguments row(String name, Request request, PolicySet policies, String summary, String explanation) {
    return Arguments.of(Named.of(name, request), policies, summary, explanation);
  }

  private static Request request(String action, String resource, String mfa) {
    return Request.of(USER, action, resource, RequestContext.builder().put("aws:MultiFactorAuthPresent", mfa).build());
  }

  private static Policy identity(String file, int line, String name, String... statements) {
    return PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}",
        SourceLocation.of(file, line, 3), PolicyKind.IDENTITY, name);
  }

  /** How every message names a request: the assertion messages, the extension's failures and its Evaluation. */
  @Test
  void namesARequestWithAndWithoutItsPrincipalAndCredentials() {
    assertThat(DecisionText.request("ec2:RunInstances", "*", Optional.of("MFAUser"))).isEqualTo("ec2:RunInstances on * as MFAUser");
    assertThat(DecisionText.request("s3:GetObject", "arn:aws:s3:::b/k", Optional.empty())).isEqualTo("s3:GetObject on arn:aws:s3:::b/k");
    assertThat(DecisionText.request("ec2:RunInstances on * as MFAUser", CredentialKind.CONSOLE_WITHOUT_MFA))
        .isEqualTo("ec2:RunInstances on * as MFAUser (" + CredentialKind.CONSOLE_WITHOUT_MFA.description() + ")");
  }
}
