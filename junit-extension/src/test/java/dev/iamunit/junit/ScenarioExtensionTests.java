package dev.iamunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** The extension, run through the Jupiter engine on the example classes. */
class ScenarioExtensionTests {

  private static final String NO_RESOURCE = "The request named no resource, so IAMUnit used the action's default: "
      + "\"*\" for an action AWS documents without resource types, otherwise the ARN format AWS documents for it, "
      + "in the account; name one with .on(resourceArn).";

  @Test
  void passingExamplesPass() {
    EngineExecutionResults results = TestKit.run(ForceMfaExamples.Passing.class);

    assertThat(TestKit.failures(results)).isEmpty();
    results.allEvents().assertStatistics(stats -> stats.failed(0));
    results.testEvents().assertStatistics(stats -> stats.started(19).succeeded(19));
  }

  @Test
  void policyCasesRowsAreNamedTests() {
    EngineExecutionResults results = TestKit.run(ForceMfaExamples.Passing.class);

    assertThat(results.testEvents().succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName()))
        .contains(
            "[1] MFAUser ec2:RunInstances → EXPLICITLY_DENIED",
            "[5] Operator s3:GetObject on arn:aws:s3:::bucket/key with {aws:SourceVpc=[vpc-1]} → IMPLICITLY_DENIED",
            "[3] Operator s3:GetObject on arn:aws:s3:::bucket/key "
                + "with {aws:SourceVpc=[vpc-1], aws:SourceIp=[203.0.113.7, 198.51.100.1]} → IMPLICITLY_DENIED");
  }

  /** The message of the issue: expected, actual with Sid and file:line, then the explanation. */
  @Test
  void failureSaysExpectedActualAndWhy() {
    String message = TestKit.failureMessage(TestKit.run(FailingExamples.WrongExpectations.class),
        "ec2WithMfaIsNotDenied(IamScenario)");

    assertThat(message).isEqualTo("""
        Expecting ec2:RunInstances on arn:aws:ec2:us-east-1:123456789012:instance/${InstanceId} as MFAUser (console sign-in with MFA) to be explicitly denied, \
        but it was allowed by statement AllowEc2 (src/test/iam/ec2-full-access.json:4)
        %s
        Explanation:
          Deciding statements:
            Allow AllowEc2 (ec2-full-access, src/test/iam/ec2-full-access.json:4) in the identity-based policy
          Near misses:
            Deny BlockMostAccessUnlessSignedInWithMFA (force-mfa, src/test/iam/force-mfa.json:82) in the identity-based policy: \
        a condition was not met
              BoolIfExists aws:MultiFactorAuthPresent "false" (request: "true") → not met
          Evaluation: allowed by an identity-based policy
          Request context: aws:MultiFactorAuthPresent = "true\"""".formatted(NO_RESOURCE));
  }

  /**
   * "The ...IfExists version of the Bool operator ensures that if the aws:MultiFactorAuthPresent
   * key is missing, the condition returns true" (IAM tutorial, Force_MFA): with Bool, access keys
   * slip through, and @WithoutMFA says so.
   */
  @Test
  void withoutMfaFailsWhenTheDecisionDependsOnTheCredentialKind() {
    String message = TestKit.failureMessage(TestKit.run(FailingExamples.BoolInsteadOfBoolIfExists.class),
        "ec2IsExplicitlyDeniedWithoutMfa(IamScenario)");

    assertThat(message).isEqualTo("""
        Expecting ec2:RunInstances on arn:aws:ec2:us-east-1:123456789012:instance/${InstanceId} as MFAUser to be explicitly denied under every credential kind of the \
        scenario, but the decision depends on the credential kind:
          console sign-in without MFA: explicitly denied by statement BlockMostAccessUnlessSignedInWithMFA \
        (src/test/iam/force-mfa-bool.json:82)
          long-term access keys: allowed by statement AllowEc2 (src/test/iam/ec2-full-access.json:4)
        With long-term access keys the key aws:MultiFactorAuthPresent is absent, so Bool aws:MultiFactorAuthPresent \
        false at src/test/iam/force-mfa-bool.json:102 in statement BlockMostAccessUnlessSignedInWithMFA is not met; \
        BoolIfExists would be met.
        %s
        Explanation with console sign-in without MFA:
          Deciding statements:
            Deny BlockMostAccessUnlessSignedInWithMFA (force-mfa-bool, src/test/iam/force-mfa-bool.json:82) in the identity-based policy
              Bool aws:MultiFactorAuthPresent "false" (request: "false") → met
          Also applied:
            Allow AllowEc2 (ec2-full-access, src/test/iam/ec2-full-access.json:4) in the identity-based policy
          Evaluation: an explicit Deny applies, which overrides any Allow
          Request context: aws:MultiFactorAuthPresent = "false"
        Explanation with long-term access keys:
          Deciding statements:
            Allow AllowEc2 (ec2-full-access, src/test/iam/ec2-full-access.json:4) in the identity-based policy
          Near misses:
            Deny BlockMostAccessUnlessSignedInWithMFA (force-mfa-bool, src/test/iam/force-mfa-bool.json:82) in the identity-based \
        policy: a condition was not met
              Bool aws:MultiFactorAuthPresent "false" (request: absent) → not met
          Evaluation: allowed by an identity-based policy
          Request context: aws:MultiFactorAuthPresent absent""".formatted(NO_RESOURCE));
  }

  @Test
  void byNamesTheStatementThatDecidedInstead() {
    String message = TestKit.failureMessage(TestKit.run(FailingExamples.WrongExpectations.class),
        "deniedByAnotherStatement(IamScenario)");

    assertThat(message).startsWith("Expecting ec2:RunInstances on arn:aws:ec2:us-east-1:123456789012:instance/${InstanceId} as MFAUser (console sign-in without MFA) to be "
        + "explicitly denied by statement AllowEc2, but it was explicitly denied by statement "
        + "BlockMostAccessUnlessSignedInWithMFA (src/test/iam/force-mfa.json:82)\n" + NO_RESOURCE + "\nExplanation:\n");
  }

  @Test
  void aRequestOutsidePoliciesCannotBeDenied() {
    String message = TestKit.failureMessage(TestKit.run(FailingExamples.WrongExpectations.class),
        "getCallerIdentityCannotBeDenied(IamScenario)");

    assertThat(message).isEqualTo("Expecting sts:GetCallerIdentity on * as MFAUser (long-term access keys) to be "
        + "denied, but it cannot be: AWS does not authorize sts:GetCallerIdentity through policies: \"No permissions "
        + "are required to perform this operation\" (STS API Reference, GetCallerIdentity); no policy can deny it, "
        + "so the assertion cannot hold");
  }

  @Test
  void anActionPatternListsTheOffenders() {
    String message = TestKit.failureMessage(TestKit.run(FailingExamples.WrongExpectations.class),
        "ec2WildcardIsNotAllDenied(IamScenario)");

    assertThat(message)
        .startsWith("Expecting every request of ec2:Describe* on each action's default resource as MFAUser, and on every other region "
            + "of resources and context values the policies tell apart, to be denied, but over that complete request space (194 actions, "
            + "24 requests) 23 were allowed:\n"
            + "  ec2:DescribeAccountAttributes on * as MFAUser (and 176 more actions the policies treat alike) (console sign-in with MFA): "
            + "allowed by statement AllowEc2 (src/test/iam/ec2-full-access.json:4)\n")
        // The policies treat every EC2 Describe action alike (ActionClasses): one class, asked on * and on each region of
        // the ARN formats its members have, in the principal's account and in none. Each request names as alike only the
        // actions AWS sends with its resource; the others are found on an ARN of their own format.
        .contains("\n  ec2:DescribeInstanceAttribute on arn:aws:ec2:us-east-1:123456789012:instance/example as MFAUser "
            + "(console sign-in with MFA): allowed by statement AllowEc2 (src/test/iam/ec2-full-access.json:4)\n")
        .endsWith("\n  ec2:DescribeVpcEndpointServicePermissions on arn:aws:ec2:us-east-1::vpc-endpoint-service/example as MFAUser "
            + "(console sign-in with MFA): allowed by statement AllowEc2 (src/test/iam/ec2-full-access.json:4)");
  }

  @Test
  void softAssertionsCollectEveryFailure() {
    String message = TestKit.failureMessage(TestKit.run(FailingExamples.WrongExpectations.class),
        "softAssertionsReportEveryFailure(IamScenario)");

    assertThat(message)
        .contains("Multiple Failures (2 failures)")
        .contains("Expecting ec2:RunInstances on arn:aws:ec2:us-east-1:123456789012:instance/${InstanceId} as MFAUser (console sign-in with MFA) to be implicitly denied, "
            + "but it was allowed by statement AllowEc2 (src/test/iam/ec2-full-access.json:4)")
        .contains("Expecting iam:ListUsers on * as MFAUser (console sign-in with MFA) to be denied, but it was "
            + "allowed by statement AllowAllUsersToListAccounts (src/test/iam/force-mfa.json:4)");
  }

  @Test
  void misuseFailsWithOneParagraphAndNoStackTrace() {
    Map<String, Throwable> failures = TestKit.failures(TestKit.run(FailingExamples.Misuse.class));

    assertThat(failures).hasSize(8);
    assertThat(failures.values()).allSatisfy(failure -> {
      assertThat(failure).isInstanceOf(AssertionFailedError.class).hasNoCause();
      assertThat(failure.getStackTrace()).isEmpty();
    });
    assertThat(failures.get("unknownUser(IamScenario)")).hasMessage("unknown user \"MFAUsr\"; did you mean \"MFAUser\"?");
    assertThat(failures.get("unknownRole(IamScenario)")).hasMessage("unknown role \"Deployr\"; did you mean \"Deployer\"?");
    assertThat(failures.get("twoPrincipals(IamScenario)")).hasMessage("@AsUser and @AsRole are both declared on method "
        + "Misuse.twoPrincipals() (directly or through a composed annotation); they contradict each other, so keep one");
    assertThat(failures.get("mfaAndNoMfa(IamScenario)")).hasMessage("@WithMFA and @WithoutMFA are both declared on "
        + "method Misuse.mfaAndNoMfa() (directly or through a composed annotation); they contradict each other, so keep one");
    assertThat(failures.get("unknownAction(IamScenario)"))
        .hasMessage("unknown action \"ec2:RunInstance\": AWS documents no such action; did you mean ec2:RunInstances?");
    assertThat(failures.get("noPrincipal(IamScenario)")).hasMessage("the request ec2:RunInstances has no principal: "
        + "annotate the test or its class with @AsUser, @AsRole or @AsRootUser, or call .as(IamPrincipal.user(\"name\"))");
    // In the words of the assertion messages (one renderer, explain.DecisionText), with the explanation.
    assertThat(failures.get("untrustedAssumer(IamScenario)")).hasMessage("""
        @AsRole("Deployer", assumedBy = "MFAUser"): user MFAUser cannot assume role Deployer, so the scenario cannot \
        happen; sts:AssumeRole on arn:aws:iam::123456789012:role/Deployer as MFAUser (long-term access keys) was explicitly \
        denied by statement BlockMostAccessUnlessSignedInWithMFA (src/test/iam/force-mfa.json:82)
        Explanation:
          Deciding statements:
            Deny BlockMostAccessUnlessSignedInWithMFA (force-mfa, src/test/iam/force-mfa.json:82) in the identity-based policy
              BoolIfExists aws:MultiFactorAuthPresent "false" (request: absent) → met
          Also applied:
            Allow TrustTheAccount (aws_iam_role.deployer.assume_role_policy, src/test/iam/deployer-trust.json:4) in the \
        resource-based policy
          Evaluation: an explicit Deny applies, which overrides any Allow
          Request context: aws:MultiFactorAuthPresent absent""");
    assertThat(failures.get("badTime(IamScenario)"))
        .hasMessage("@AtTime(\"noon\") is not an ISO-8601 instant; write it like \"2026-11-22T12:00:00Z\"");
  }

  @Test
  void aMissingSourceFailsNamingThePath() {
    Throwable failure = TestKit.failures(TestKit.run(FailingExamples.MissingSource.class)).get("missingSource(IamScenario)");

    assertThat(failure).isInstanceOf(AssertionFailedError.class).hasNoCause();
    assertThat(failure.getMessage())
        .startsWith("@IamTest on dev.iamunit.junit.FailingExamples$MissingSource names cloudFormation source "
            + "\"src/test/iam/missing.account.json\", which does not exist: ")
        .contains("Paths are relative to the project root ");
  }

  /**
   * A problem that concerns one policy fails only the decisions that could read it, with the
   * problem's file:line and what to do; a decision it cannot change stands.
   */
  @Test
  void aPolicyAwsWouldRejectFailsOnlyTheTestsThatReadIt() {
    EngineExecutionResults results = TestKit.run(FailingExamples.BrokenTemplate.class);

    assertThat(TestKit.failures(results)).containsOnlyKeys("readsTheBrokenPolicy(IamScenario)");
    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    Throwable failure = TestKit.failures(results).get("readsTheBrokenPolicy(IamScenario)");
    assertThat(failure).isInstanceOf(AssertionFailedError.class).hasNoCause();
    assertThat(failure.getMessage())
        .contains(" cannot be evaluated: its decision depends on values IAMUnit could not compute\n"
            + "  <unresolved: policy broken-policy> at src/test/iam/broken-policy.json:4:41 (aws_iam_user_policy.broken): "
            + "policy broken-policy: unknown element \"Actions\" in a statement; the elements of a statement are Action, Condition, "
            + "Effect, NotAction, NotPrincipal, NotResource, Principal, Resource, Sid; IAMUnit cannot read it, so a decision that "
            + "could depend on it is not made: fix it in the template");
  }

  /** Class 2 of issue 20: a SAM policy template IAMUnit does not know fails the decisions of its function's role, naming it. */
  @Test
  void anUnknownSamPolicyTemplateFailsTheDecisionsThatCouldReadIt() {
    EngineExecutionResults results = TestKit.run(FailingExamples.UnknownSamPolicyTemplate.class);

    assertThat(TestKit.failures(results)).containsOnlyKeys("readsTheFunctionsPolicies(IamScenario)");
    assertThat(results.testEvents().succeeded().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
        .containsExactly("makesNoDecision(IamScenario)");
    assertThat(TestKit.failureMessage(results, "readsTheFunctionsPolicies(IamScenario)"))
        .contains("<unresolved: SAM policy template NoSuchSamPolicy> at src/test/cloudformation/unknown-sam.yaml:13")
        .contains("Worker Policies: \"NoSuchSamPolicy\" is not a SAM policy template IAMUnit knows")
        .contains("fix it in the template");
  }

  /** A problem that names no policy leaves out something any decision could need: every test of the sources fails, naming it. */
  @Test
  void aProblemThatCannotBeLocatedFailsEveryTest() {
    Throwable failure = TestKit.failures(TestKit.run(FailingExamples.UnlocatedProblem.class)).get("anyTest(IamScenario)");

    assertThat(failure).isInstanceOf(AssertionFailedError.class).hasNoCause()
        .hasMessageStartingWith("IAMUnit could not load the sources of this test: src/test/terraform/duplicate-attribute/main.tf:5")
        .hasMessageContaining("attribute \"name\" is set twice in the same block");
  }

  /** The templates' unresolved values, once per run in a report entry; tests that do not depend on them pass. */
  @Test
  void unresolvedValuesAreListedOncePerRunInAReportEntry() {
    EngineExecutionResults results = TestKit.run(FailingExamples.UnsetVariable.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    List<String> entries = results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow())
        .flatMap(entry -> entry.getKeyValuePairs().entrySet().stream())
        .filter(pair -> pair.getKey().equals(IamTest.LOAD_REPORT_ENTRY_KEY))
        .map(Map.Entry::getValue)
        .toList();
    assertThat(entries).singleElement().asString()
        .startsWith("unresolved <unresolved: var.bucket> at src/test/terraform/unset-variable/main.tf:");
  }

  /** Real Terraform through the extension: seed 003's group, AmazonEC2FullAccess from the AWS data. */
  @Test
  void terraformSourcesLoadAndDecide() {
    EngineExecutionResults results = TestKit.run(ForceMfaExamples.FromTerraform.class);

    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void anUnknownUserInTerraformSourcesIsNamedWithASuggestion() {
    Throwable failure = TestKit.failures(TestKit.run(FailingExamples.UnknownUserInTerraform.class)).get("unknownUser(IamScenario)");

    assertThat(failure).isInstanceOf(AssertionFailedError.class).hasNoCause();
    assertThat(failure.getMessage()).contains("unknown user \"MFAUsr\"; did you mean \"MFAUser\"?");
  }
}
