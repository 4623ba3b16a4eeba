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
}
