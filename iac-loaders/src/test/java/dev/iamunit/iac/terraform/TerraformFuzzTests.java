package dev.iamunit.iac.terraform;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the Terraform static loader and the plan reader (Jazzer). Every input
 * loads or fails with a located {@code IamUnitException}; see {@link TerraformInputs}.
 *
 * <p>In a plain {@code mvn verify} this runs in regression mode: each corpus seed once. To fuzz
 * (see iac-loaders/README.md): {@code JAZZER_FUZZ=1 mvn -pl iac-loaders test
 * -Dtest=TerraformFuzzTests#staticLoader}. The seeds given by {@code @MethodSource} are the
 * fuzzer's starting corpus too. Each input has {@link dev.iamunit.fuzzing.InputTime#HANG} to load.
 */
class TerraformFuzzTests {

  static {
    // Jazzer logs every class it instruments to stderr; in regression mode (a plain mvn verify)
    // that is noise. When fuzzing, its output is the report, so it stays.
    if (System.getenv("JAZZER_FUZZ") == null) {
      com.code_intelligence.jazzer.utils.Log.fixOutErr(System.out, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }
  }

  private static Path project;

  @BeforeAll
  static void createProjectFolder() throws IOException {
    project = Files.createTempDirectory("iamunit-fuzz-tf");
  }

  @AfterAll
  static void deleteProjectFolder() throws IOException {
    TerraformInputs.clear(project);
    Files.delete(project);
  }

  static Stream<byte[]> sourceSeeds() {
    return TerraformInputs.sourceSeedBytes();
  }

  static Stream<byte[]> planSeeds() {
    return TerraformInputs.planSeedBytes();
  }

  @MethodSource("sourceSeeds")
  @FuzzTest(maxDuration = "5m")
  void staticLoader(byte[] input) throws IOException {
    TerraformInputs.clear(project);
    TerraformInputs.writeProject(project, input);
    TerraformInputs.loadSourcesChecked(project);
  }

  @MethodSource("planSeeds")
  @FuzzTest(maxDuration = "5m")
  void planReader(byte[] input) throws IOException {
    TerraformInputs.clear(project);
    Path plan = Files.write(project.resolve("plan.json"), input);
    TerraformInputs.loadPlanChecked(plan);
  }
}
