package dev.iamunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @IamTest(terraformVarFiles, terraformWorkspace)} through the Jupiter engine. */
class VariableFileExtensionTests {

  @Test
  void varFilesAndTheWorkspaceChooseTheValues() {
    for (Class<?> examples : new Class<?>[] {VariableFileExamples.TerraformTfvarsAndTheDefaultWorkspace.class,
        VariableFileExamples.AVarFileAndAWorkspace.class}) {
      EngineExecutionResults results = TestKit.run(examples);
      assertThat(TestKit.failures(results)).as(examples.getSimpleName()).isEmpty();
      results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }
  }

  @Test
  void aMissingVarFileFailsTheTestNamingIt() {
    EngineExecutionResults results = TestKit.run(VariableFileExamples.AMissingVarFile.class);
    assertThat(TestKit.failureMessage(results, "failsNamingIt(IamScenario)"))
        .contains("names Terraform variable file \"src/test/terraform/var-files/env/staging.tfvars\", which does not exist");
  }
}
