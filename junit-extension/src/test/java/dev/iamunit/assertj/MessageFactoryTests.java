package dev.iamunit.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each failure message factory, on its exact text. */
class MessageFactoryTests {

  private static final String PRINCIPAL = "arn:aws:iam::123456789012:user/MFAUser";

  private static final Policy EC2 = PolicyParser.parse(
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"AllowEc2\", \"Effect\": \"Allow\", "
          + "\"Action\": \"ec2:*\", \"Resource\": \"*\"}]}",
      SourceLocation.of("terraform/ec2.tf", 14, 3), PolicyKind.IDENTITY, "aws_iam_policy.ec2");

  private static final Policy NO_MFA_NO_EC2 = PolicyParser.parse(
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"DenyEc2WithoutMfa\", \"Effect\": \"Deny\", "
          + "\"Action\": \"ec2:*\", \"Resource\": \"*\", "
          + "\"Condition\": {\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}}}]}",
      SourceLocation.of("terraform/mfa.tf", 30, 3), PolicyKind.IDENTITY, "aws_iam_policy.force_mfa");

  private static Subject subject(String action, boolean mfa, Policy... policies) {
    Request request = Request.of(PRINCIPAL, action, "*",
        RequestContext.builder().put("aws:MultiFactorAuthPresent", Boolean.toString(mfa)).build());
    Decision decision = Evaluator.standard().explain(request, PolicySet.ofIdentity(policies));
    return new Subject(action + " on * as MFAUser",
        Optional.of(mfa ? CredentialKind.CONSOLE_WITH_MFA : CredentialKind.CONSOLE_WITHOUT_MFA), decision,
        Optional.of(request), false);
  }

  private static final Subject ALLOWED = subject("ec2:RunInstances", false, EC2);
  private static final Subject EXPLICITLY_DENIED = subject("ec2:RunInstances", false, EC2, NO_MFA_NO_EC2);
  private static final Subject IMPLICITLY_DENIED = subject("s3:GetObject", false, EC2);

  private static final String ALLOWED_EXPLANATION = """

      Explanation:
        Deciding statements:
          Allow AllowEc2 (aws_iam_policy.ec2, terraform/ec2.tf:14) in the identity-based policy
        Evaluation: allowed by an identity-based policy""";

  private static final String DENIED_EXPLANATION = """

      Explanation:
        Deciding statements:
          Deny DenyEc2WithoutMfa (aws_iam_policy.force_mfa, terraform/mfa.tf:30) in the identity-based policy
            BoolIfExists aws:MultiFactorAuthPresent "false" (request: "false") → met
        Also applied:
          Allow AllowEc2 (aws_iam_policy.ec2, terraform/ec2.tf:14) in the identity-based policy
        Evaluation: an explicit Deny applies, which overrides any Allow
        Request context: aws:MultiFactorAuthPresent = "false\"""";

  @Test
  void shouldBeExplicitlyDenied() {
    assertThat(ShouldBeExplicitlyDenied.shouldBeExplicitlyDenied(ALLOWED)).isEqualTo(
        "Expecting ec2:RunInstances on * as MFAUser (console sign-in without MFA) to be explicitly denied, but it was "
            + "allowed by statement AllowEc2 (terraform/ec2.tf:14)" + ALLOWED_EXPLANATION);
  }

  @Test
  void shouldBeDenied() {
    assertThat(ShouldBeDenied.shouldBeDenied(ALLOWED)).isEqualTo(
        "Expecting ec2:RunInstances on * as MFAUser (console sign-in without MFA) to be denied, but it was "
            + "allowed by statement AllowEc2 (terraform/ec2.tf:14)" + ALLOWED_EXPLANATION);
  }

  @Test
  void shouldBeImplicitlyDenied() {
    assertThat(ShouldBeImplicitlyDenied.shouldBeImplicitlyDenied(EXPLICITLY_DENIED)).isEqualTo(
        "Expecting ec2:RunInstances on * as MFAUser (console sign-in without MFA) to be implicitly denied, but it was "
            + "explicitly denied by statement DenyEc2WithoutMfa (terraform/mfa.tf:30)" + DENIED_EXPLANATION);
  }

  @Test
  void shouldBeAllowed() {
    assertThat(ShouldBeAllowed.shouldBeAllowed(IMPLICITLY_DENIED)).isEqualTo(
        "Expecting s3:GetObject on * as MFAUser (console sign-in without MFA) to be allowed, but it was "
            + "implicitly denied: no identity-based or resource-based policy allows the request (implicit deny)\n"
            + "Explanation:\n"
            + "  Evaluation: no identity-based or resource-based policy allows the request (implicit deny)");
  }

  private static final Policy OFFICE = PolicyParser.parse(
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"OfficeReads\", \"Effect\": \"Allow\", "
          + "\"Action\": \"s3:GetObject\", \"Resource\": \"*\", "
          + "\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}}]}",
      SourceLocation.of("terraform/office.tf", 5, 3), PolicyKind.IDENTITY, "aws_iam_policy.office");

  private static Subject fromOffice(RequestContext context) {
    Request request = Request.of(PRINCIPAL, "s3:GetObject", "*", context);
    return new Subject("s3:GetObject on * as MFAUser", Optional.of(CredentialKind.ACCESS_KEYS),
        Evaluator.standard().explain(request, PolicySet.ofIdentity(OFFICE)), Optional.of(request), false);
  }

  /**
   * "aws:SourceIp ... This key is included in the request context, except when the requester uses a
   * VPC endpoint to make the request" (IAM User Guide, AWS global condition context keys): a test's
   * request without an address is one through a VPC endpoint, and the failure says so and how to
   * give one; with an address it says nothing of it.
   */
  @Test
  void shouldBeAllowedSaysARequestWithoutSourceIpIsOneThroughAVpcEndpoint() {
    String withoutAddress = ShouldBeAllowed.shouldBeAllowed(fromOffice(RequestContext.empty()));
    String withAnotherAddress = ShouldBeAllowed.shouldBeAllowed(fromOffice(RequestContext.builder().put("aws:SourceIp", "198.51.100.1").build()));

    assertThat(withoutAddress).isEqualTo(
        "Expecting s3:GetObject on * as MFAUser (long-term access keys) to be allowed, but it was implicitly denied: no "
            + "identity-based or resource-based policy allows the request (implicit deny)\n"
            + "Explanation:\n"
            + "  Near misses:\n"
            + "    Allow OfficeReads (aws_iam_policy.office, terraform/office.tf:5) in the identity-based policy: a condition was not met\n"
            + "      IpAddress aws:SourceIp \"203.0.113.0/24\" (request: absent) → not met\n"
            + "  Evaluation: no identity-based or resource-based policy allows the request (implicit deny)\n"
            + "  Request context: aws:SourceIp absent\n"
            + "  aws:SourceIp: the request carries none, as a request through a VPC endpoint: AWS includes it \"except when the "
            + "requester uses a VPC endpoint to make the request\" (IAM User Guide, AWS global condition context keys, aws:SourceIp). "
            + "To give one: @FromIp(\"203.0.113.7\") or .withContext(\"aws:SourceIp\", \"203.0.113.7\") in a test, "
            + "--context aws:SourceIp=203.0.113.7 with iamunit explain");
    assertThat(withAnotherAddress).contains("(request: \"198.51.100.1\") → not met").doesNotContain("VPC endpoint");
  }

  @Test
  void shouldBeDecidedBy() {
    assertThat(ShouldBeDecidedBy.shouldBeDecidedBy(EXPLICITLY_DENIED, "explicitly denied", "statement BlockEc2"))
        .isEqualTo("Expecting ec2:RunInstances on * as MFAUser (console sign-in without MFA) to be explicitly denied "
            + "by statement BlockEc2, but it was explicitly denied by statement DenyEc2WithoutMfa (terraform/mfa.tf:30)"
            + DENIED_EXPLANATION);
  }

  @Test
  void shouldNotBeDecidedBy() {
    assertThat(ShouldNotBeDecidedBy.shouldNotBeDecidedBy(ALLOWED, "statement AllowEc2")).isEqualTo(
        "Expecting ec2:RunInstances on * as MFAUser (console sign-in without MFA) not to be decided by statement "
            + "AllowEc2, but it was allowed by statement AllowEc2 (terraform/ec2.tf:14)" + ALLOWED_EXPLANATION);
  }

  @Test
  void shouldHaveMatchedStatements() {
    assertThat(ShouldHaveMatchedStatements.shouldHaveMatchedStatements(
        ALLOWED, List.of("AllowEc2", "DenyEc2WithoutMfa"), List.of("DenyEc2WithoutMfa"), List.of("AllowEc2")))
        .isEqualTo("Expecting statements AllowEc2, DenyEc2WithoutMfa to apply to ec2:RunInstances on * as MFAUser "
            + "(console sign-in without MFA), but DenyEc2WithoutMfa did not; the statements that applied were AllowEc2"
            + ALLOWED_EXPLANATION);
  }

  @Test
  void shouldNotBeOutsidePolicies() {
    Subject outside = subject("sts:GetCallerIdentity", false, NO_MFA_NO_EC2);

    assertThat(ShouldNotBeOutsidePolicies.shouldNotBeOutsidePolicies(outside, "explicitly denied")).isEqualTo(
        "Expecting sts:GetCallerIdentity on * as MFAUser (console sign-in without MFA) to be explicitly denied, but it "
            + "cannot be: AWS does not authorize sts:GetCallerIdentity through policies: \"No permissions are required "
            + "to perform this operation\" (STS API Reference, GetCallerIdentity); no policy can deny it, so the "
            + "assertion cannot hold");
  }

  @Test
  void shouldAllBeDeniedListsTheAllowedOnes() {
    assertThat(ShouldAllBeDenied.shouldAllBeDenied("ec2:* on * as MFAUser", 2, List.of(ALLOWED))).isEqualTo(
        "Expecting every request of ec2:* on * as MFAUser to be denied, but 1 of 2 were allowed:\n"
            + "  ec2:RunInstances on * as MFAUser (console sign-in without MFA): allowed by statement AllowEc2 "
            + "(terraform/ec2.tf:14)");
  }

  /** One action, one allowed request: said in the singular. */
  @Test
  void shouldAllBeDeniedInSpaceCountsInTheSingular() {
    assertThat(ShouldAllBeDenied.shouldAllBeDeniedInSpace("ec2:RunInstances on * as MFAUser", 1, 7, List.of(ALLOWED))).startsWith(
        "Expecting every request of ec2:RunInstances on * as MFAUser, and on every other region of resources and context values the "
            + "policies tell apart, to be denied, but over that complete request space (1 action, 7 requests) 1 was allowed:\n");
  }

  @Test
  void shouldOnlyBeAllowedCountsInTheSingular() {
    assertThat(ShouldOnlyBeAllowed.shouldOnlyBeAllowed("MFAUser", List.of("iam:*MFA*"), 1, 1, List.of(ALLOWED), List.of(), "", ""))
        .startsWith("Expecting MFAUser to be allowed only iam:*MFA*, over the complete request space (the 1 other action of the "
            + "catalog, 1 request: every region of resources and context values the policies tell apart), but 1 request of another "
            + "action was allowed:\n");
  }

  @Test
  void shouldAllBeAllowedListsTheDeniedOnes() {
    assertThat(ShouldAllBeAllowed.shouldAllBeAllowed("ec2:* on * as MFAUser", 3, List.of(EXPLICITLY_DENIED))).isEqualTo(
        "Expecting every request of ec2:* on * as MFAUser to be allowed, but 1 of 3 were denied:\n"
            + "  ec2:RunInstances on * as MFAUser (console sign-in without MFA): explicitly denied by statement "
            + "DenyEc2WithoutMfa (terraform/mfa.tf:30)");
  }

  @Test
  void aLongListOfOffendersIsCut() {
    List<Subject> many = java.util.Collections.nCopies(RequestListing.MAX_LISTED + 2, ALLOWED);

    assertThat(ShouldAllBeDenied.shouldAllBeDenied("ec2:*", 30, many)).endsWith("\n  ... and 2 more")
        .hasLineCount(1 + RequestListing.MAX_LISTED + 1);
  }

  @Test
  void aDefaultedResourceIsSaid() {
    Subject defaulted = new Subject(ALLOWED.request(), ALLOWED.credentials(), ALLOWED.decision(), ALLOWED.context(), true);

    assertThat(ShouldBeDenied.shouldBeDenied(defaulted)).contains(
        "(terraform/ec2.tf:14)\nThe request named no resource, so IAMUnit used the action's default: \"*\" for an "
            + "action AWS documents without resource types, otherwise the ARN format AWS documents for it, in the "
            + "account; name one with .on(resourceArn).\n"
            + "Explanation:\n");
  }

  @Test
  void decisionAssertionsNameTheDecision() {
    assertThatThrownBy(() -> IamAssertions.assertThat(ALLOWED.decision()).isExplicitlyDenied())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting the decision to be explicitly denied, but it was allowed by statement "
            + "AllowEc2 (terraform/ec2.tf:14)\nExplanation:\n  Deciding statements:\n");
    IamAssertions.assertThat(EXPLICITLY_DENIED.decision()).isDenied().isExplicitlyDenied().by("DenyEc2WithoutMfa")
        .byStatementAt("mfa.tf:30").notBy("AllowEc2").hasMatchedStatements("AllowEc2", "DenyEc2WithoutMfa");
  }

  @Test
  void theDescriptionOfAnAssertionPrefixesTheMessage() {
    assertThatThrownBy(() -> IamAssertions.assertThat(ALLOWED.decision()).as("break glass").isDenied())
        .hasMessageStartingWith("[break glass] Expecting the decision to be denied, but it was allowed");
  }

  @Test
  void shouldOnlyBeAllowedTellsCatalogDriftApart() {
    String message = ShouldOnlyBeAllowed.shouldOnlyBeAllowed("MFAUser", List.of("iam:*MFA*"), 22079, 21542, List.of(ALLOWED),
        List.of(new ShouldOnlyBeAllowed.Drift(List.of("ec2:NewAction"), ALLOWED)), "iam-data 0.1 (aws-actions.txt, 20000 actions)",
        "iam-data 0.1");

    assertThat(message).isEqualTo("""
        Expecting MFAUser to be allowed only iam:*MFA*, over the complete request space (the 22079 other actions of the catalog, \
        21542 requests: every region of resources and context values the policies tell apart), but 2 requests of other actions \
        were allowed:
          ec2:RunInstances on * as MFAUser (console sign-in without MFA): allowed by statement AllowEc2 (terraform/ec2.tf:14)
        Catalog drift: this action was added to AWS's catalog after the test was written against iam-data 0.1 \
        (aws-actions.txt, 20000 actions):
          ec2:NewAction was added to AWS's catalog after iam-data 0.1 and is allowed by statement AllowEc2 (terraform/ec2.tf:14): \
        ec2:RunInstances on * as MFAUser (console sign-in without MFA)
        Allow or deny them on purpose, then delete the snapshot file to write the current catalog to it.""");
  }

  @Test
  void shouldBeProvedNamesWhatWasSampled() {
    assertThat(ShouldBeProved.shouldBeProved("MFAUser may only use iam:*MFA*",
        List.of("s3:GetObject: the condition keys' regions multiply past 2048 contexts (aws:RequestTag/a: 3 × aws:RequestTag/b: 3)")))
        .isEqualTo("""
            Expecting a proof that MFAUser may only use iam:*MFA*, but part of the request space was sampled, not proved \
            (a sample proves nothing): the regions of 1 class of actions were too many to decide each:
              s3:GetObject: the condition keys' regions multiply past 2048 contexts (aws:RequestTag/a: 3 × aws:RequestTag/b: 3)
            Check those actions with a request each (.on(resourceArn).withContext(...)), or narrow the policies' patterns.""");
  }
}
