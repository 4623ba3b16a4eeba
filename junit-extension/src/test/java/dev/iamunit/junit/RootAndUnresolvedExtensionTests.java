package dev.iamunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@link AsRootUser} and decisions on templates with unset values, through the Jupiter engine. */
class RootAndUnresolvedExtensionTests {

  @Test
  void rootExamplesPass() {
    EngineExecutionResults results = TestKit.run(RootUserExamples.Passing.class);

    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
  }

  /** "allowed: the account's root user has full access" (IAM User Guide, Policy evaluation logic). */
  @Test
  void failuresExplainRootsAccess() {
    EngineExecutionResults results = TestKit.run(RootUserExamples.Failing.class);

    assertThat(TestKit.failureMessage(results, "rootIsExpectedToBeDeniedDescribe(IamScenario)")).isEqualTo("""
        Expecting cloudtrail:DescribeTrails on arn:aws:cloudtrail:us-east-1:111122223333:trail/organization as the account's \
        root user (long-term access keys) to be denied, but it was allowed: the account's root user has full access
        Explanation:
          Also applied:
            Allow #0 (FullAWSAccess, \
        src/test/cloudformation/protect-cloudtrail.yaml:14) in the service control policy
          Evaluation: the account's root user has full access""");
    assertThat(TestKit.failureMessage(results, "rootIsExpectedToStopCloudTrail(IamScenario)"))
        .startsWith("Expecting cloudtrail:StopLogging on arn:aws:cloudtrail:us-east-1:111122223333:trail/organization as the "
            + "account's root user (long-term access keys) to be allowed, but it was explicitly denied by statement ProtectCloudTrail (");
  }

  @Test
  void aDecisionNoUnsetValueCanChangeIsADecision() {
    EngineExecutionResults results = TestKit.run(UnresolvedValueExamples.Passing.class);
    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));

    EngineExecutionResults given = TestKit.run(UnresolvedValueExamples.GivenInTheTest.class);
    assertThat(TestKit.failures(given)).isEmpty();
    given.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  /** The explanation lists the unset values as not needed; the failure says how to give a needed one. */
  @Test
  void unsetValuesAreListedAsNotNeededOrAsNeededWithHowToGiveThem() {
    EngineExecutionResults results = TestKit.run(UnresolvedValueExamples.Failing.class);

    assertThat(TestKit.failureMessage(results, "getIsExpectedDenied(IamScenario)")).contains("""
          Evaluation: allowed by a resource-based policy that names the principal
          Not needed for this decision: <unresolved: var.bucket> at src/test/terraform/unrelated-unresolved/main.tf:20:34 \
        (aws_iam_user_policy.reader): variable "bucket" has no default and was given no value""");
    assertThat(TestKit.failureMessage(results, "putDependsOnTheBucket(IamScenario)")).isEqualTo("""
        s3:PutObject on arn:aws:s3:::data/key as reader (long-term access keys) cannot be evaluated: its decision depends \
        on values IAMUnit could not compute
          <unresolved: var.bucket> at src/test/terraform/unrelated-unresolved/main.tf:20:34 (aws_iam_user_policy.reader): \
        variable "bucket" has no default and was given no value
        Give it in the test: @IamTest(parameters = "bucket=...")""");
  }
}
