package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Issue 22: {@code @IamTest(cdkOut = ...)} loads an AWS CDK cloud assembly, and {@code @AsRole}
 * names a role by its construct path, since the CDK's logical ids carry hashes and the role's name
 * is generated at deployment.
 */
class CdkOutExtensionTests {

  @Examples
  @IamTest(cdkOut = "src/test/cdk/cdk.out")
  @AsRole("Uploads/Writer")
  static class FromCloudAssembly {

    @Test
    void theWriterPutsIncomingObjectsOnly(IamScenario scenario) {
      assertThat(scenario.request("s3:PutObject").on("arn:aws:s3:::uploads/incoming/a.csv")).isAllowed();
      assertThat(scenario.request("s3:PutObject").on("arn:aws:s3:::uploads/other/a.csv")).isImplicitlyDenied();
    }
  }

  @Test
  void aCloudAssemblyIsASourceAndConstructPathsNamePrincipals() {
    EngineExecutionResults results = TestKit.run(FromCloudAssembly.class);

    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }
}
