package dev.iamunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * "Each AWS account is scoped to one partition" (AWS General Reference, Amazon Resource Names):
 * the scenario's account, its requests' default resources and the statements that match them are
 * in the partition of the region the sources deploy to, through the Jupiter engine.
 */
class PartitionExtensionTests {

  @Test
  void theScenariosAccountIsInThePartitionOfItsRegion() {
    for (Class<?> examples : new Class<?>[] {PartitionExamples.AProviderInAChinaRegion.class, PartitionExamples.ARegionInGovCloud.class}) {
      EngineExecutionResults results = TestKit.run(examples);
      assertThat(TestKit.failures(results)).as(examples.getSimpleName()).isEmpty();
    }
  }

  @Test
  void aRegionInNoPartitionFailsTheTestNamingIt() {
    EngineExecutionResults results = TestKit.run(PartitionExamples.ARegionInNoPartition.class);
    assertThat(TestKit.failureMessage(results, "failsNamingIt(IamScenario)"))
        .contains("@IamTest on dev.iamunit.junit.PartitionExamples$ARegionInNoPartition has region \"moon-base-1\" is in no AWS partition (aws ");
  }

  /**
   * "You cannot use IAM credentials from one partition to interact with resources in a different
   * partition" (AWS Fault Isolation Boundaries, Partitions): a request region of another partition
   * than the account's, by @InRegion or in the request's context, fails the test naming the
   * region, both partitions and what to do; a region of the account's partition is evaluated.
   */
  @Test
  void aRequestRegionOfAnotherPartitionFailsTheTest() {
    EngineExecutionResults results = TestKit.run(PartitionExamples.ARequestRegionOfAnotherPartition.class);

    assertThat(TestKit.failureMessage(results, "failsForInRegion(IamScenario)")).isEqualTo("the request's region cn-north-1 (@InRegion, "
        + "or aws:RequestedRegion in its context) is not one the scenario's principal can ask in: region cn-north-1 is in partition "
        + "aws-cn, but account 123456789012 is in partition aws, and IAM credentials of one partition cannot reach Regions of another "
        + "(AWS Fault Isolation Boundaries, Partitions): request a Region of partition aws, such as us-east-1, or load the account into "
        + "a Region of partition aws-cn (@IamTest region, --region, its provider's or stack's Region)");
    assertThat(TestKit.failureMessage(results, "failsForTheRequestsContext(IamScenario)"))
        .startsWith("the request's region us-gov-west-1 (@InRegion, or aws:RequestedRegion in its context) is not one the scenario's "
            + "principal can ask in: region us-gov-west-1 is in partition aws-us-gov, but account 123456789012 is in partition aws");
    assertThat(TestKit.failures(results)).doesNotContainKey("passesForARegionOfItsPartition(IamScenario)");
  }
}
