package dev.iamunit.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamunit.fuzzing.HangGuard;
import dev.iamunit.fuzzing.InputTime;
import dev.iamunit.fuzzing.Mutations;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any bytes either load as a CloudFormation template or fail with a clear {@link
 * dev.iamunit.IamUnitException}: never another exception, a hang or unbounded memory. In an
 * ordinary build the fuzz tests run in Jazzer's regression mode over the shared seeds, and the
 * seeds and their mutants run below; {@code JAZZER_FUZZ=1} fuzzes (see README, "Fuzzing"). Each
 * input proves the property by what it gives (a load or an IamUnitException); the time bounds only
 * stop a hang ({@link HangGuard}).
 */
class CloudFormationFuzzTests {

  /** Mutants per seed: enough to reach most error paths, few enough to keep the build quick. */
  private static final int MUTANTS_PER_SEED = 25;

  private static final Duration FUZZED_INPUT = Duration.ofSeconds(30);

  static List<byte[]> jsonSeeds() {
    return CloudFormationInputs.jsonSeeds();
  }

  static List<byte[]> yamlSeeds() {
    return CloudFormationInputs.yamlSeeds();
  }

  // maxDuration bounds a fuzzing run; each input has FUZZED_INPUT (generous: in regression mode the
  // first input carries Jazzer's set-up).
  @MethodSource("jsonSeeds")
  @FuzzTest(maxDuration = "5m")
  void jsonTemplateLoadsOrFailsClearly(byte[] input) {
    InputTime.within(FUZZED_INPUT, () -> CloudFormationInputs.jsonLoadsOrFailsClearly(input));
  }

  @MethodSource("yamlSeeds")
  @FuzzTest(maxDuration = "5m")
  void yamlTemplateLoadsOrFailsClearly(byte[] input) {
    InputTime.within(FUZZED_INPUT, () -> CloudFormationInputs.yamlLoadsOrFailsClearly(input));
  }

  @Test
  @HangGuard
  void jsonSeedsAndTheirMutantsLoadOrFailClearly() {
    checkSeedsAndMutants(CloudFormationInputs.jsonSeeds(), CloudFormationInputs::jsonLoadsOrFailsClearly);
  }

  @Test
  @HangGuard
  void yamlSeedsAndTheirMutantsLoadOrFailClearly() {
    checkSeedsAndMutants(CloudFormationInputs.yamlSeeds(), CloudFormationInputs::yamlLoadsOrFailsClearly);
  }

  private static void checkSeedsAndMutants(List<byte[]> seeds, Consumer<byte[]> property) {
    assertThat(seeds).as("seeds from ../shared").hasSizeGreaterThan(10);
    for (byte[] seed : seeds) {
      checkInTime(seed, property);
      Mutations.of(seed, MUTANTS_PER_SEED).forEach(mutant -> checkInTime(mutant, property));
    }
  }

  private static void checkInTime(byte[] input, Consumer<byte[]> property) {
    InputTime.within(InputTime.HANG, () -> property.accept(input));
  }
}
