package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 20, "Loud, but only where it matters": the bucket policy names the user, so s3:GetObject
 * is allowed whatever the identity statement with the unset var.bucket says; s3:PutObject
 * depends on it.
 */
class UnresolvedValueExamples {

  static final String OBJECT = "arn:aws:s3:::data/key";

  @Examples
  @IamTest(terraform = "src/test/terraform/unrelated-unresolved", accountId = "111122223333")
  @AsUser("reader")
  static class Passing {

    @Test
    void theBucketPolicyDecides(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on(OBJECT)).isAllowed().by("ReaderReads");
    }
  }

  @Examples
  @IamTest(terraform = "src/test/terraform/unrelated-unresolved", accountId = "111122223333", parameters = "bucket=other")
  @AsUser("reader")
  static class GivenInTheTest {

    @Test
    void theIdentityStatementDecidesOnceTheValueIsGiven(IamScenario scenario) {
      assertThat(scenario.request("s3:PutObject").on("arn:aws:s3:::other/key")).isAllowed().by("ReadTheOtherBucket");
      assertThat(scenario.request("s3:PutObject").on(OBJECT)).isImplicitlyDenied();
    }
  }

  @Examples
  @IamTest(terraform = "src/test/terraform/unrelated-unresolved", accountId = "111122223333")
  @AsUser("reader")
  static class Failing {

    @Test
    void putDependsOnTheBucket(IamScenario scenario) {
      assertThat(scenario.request("s3:PutObject").on(OBJECT)).isAllowed();
    }

    @Test
    void getIsExpectedDenied(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on(OBJECT)).isDenied();
    }
  }
}
