package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/** {@link AsRootUser} on a member account whose SCP protects CloudTrail. */
class RootUserExamples {

  static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111122223333:trail/organization";

  /** A project's own annotation, composed of ours. */
  @AsRootUser
  @WithMFA
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @interface AsRootWithMfa {}

  @Examples
  @IamTest(cloudFormation = "src/test/cloudformation/protect-cloudtrail.yaml", accountId = "111122223333")
  @AsRootUser
  static class Passing {

    @Test
    void notEvenRootMayStopCloudTrail(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging").on(TRAIL)).isExplicitlyDenied().by("ProtectCloudTrail");
    }

    @Test
    void rootNeedsNoPolicyForTheRest(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:DescribeTrails").on(TRAIL)).isAllowed();
      assertThat(scenario.request("ec2:RunInstances")).isAllowed();
    }

    @Test
    void theBucketPolicyDenyBindsRootButNotForTheBucketPolicyItself(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::audit-logs/AWSLogs/x.json.gz")).isExplicitlyDenied();
      assertThat(scenario.request("s3:DeleteBucketPolicy").on("arn:aws:s3:::audit-logs")).isAllowed();
    }

    @Test
    @AsRootWithMfa
    void composedAnnotation(IamScenario scenario) {
      org.assertj.core.api.Assertions.assertThat(scenario.principal()).contains(IamPrincipal.root());
      assertThat(scenario.request("cloudtrail:DeleteTrail").on(TRAIL)).isExplicitlyDenied();
    }
  }

  @Examples
  @IamTest(cloudFormation = "src/test/cloudformation/protect-cloudtrail.yaml", accountId = "111122223333")
  @AsRootUser
  static class Failing {

    @Test
    void rootIsExpectedToStopCloudTrail(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging").on(TRAIL)).isAllowed();
    }

    @Test
    void rootIsExpectedToBeDeniedDescribe(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:DescribeTrails").on(TRAIL)).isDenied();
    }
  }
}
