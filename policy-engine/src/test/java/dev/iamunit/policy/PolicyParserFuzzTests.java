package dev.iamunit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.iamunit.fuzzing.HangGuard;
import dev.iamunit.fuzzing.InputTime;
import dev.iamunit.fuzzing.Mutations;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any bytes either parse as a policy or fail with a clear {@link dev.iamunit.IamUnitException}:
 * never another exception, a hang or unbounded memory. In an ordinary build the fuzz test runs in
 * Jazzer's regression mode over the shared seeds; {@code JAZZER_FUZZ=1} fuzzes (see README,
 * "Fuzzing").
 */
class PolicyParserFuzzTests {

  /** Mutants per seed: enough to reach most error paths, few enough to keep the build quick. */
  private static final int MUTANTS_PER_SEED = 100;

  private static final Duration FUZZED_INPUT = Duration.ofSeconds(30);

  static List<byte[]> seeds() {
    return PolicyInputs.seeds();
  }

  // maxDuration bounds a fuzzing run; each input has FUZZED_INPUT (generous: in regression mode the
  // first input carries Jazzer's set-up).
  @MethodSource("seeds")
  @FuzzTest(maxDuration = "5m")
  void policyJsonParsesOrFailsClearly(byte[] input) {
    InputTime.within(FUZZED_INPUT, () -> PolicyInputs.parsesOrFailsClearly(input));
  }

  @Test
  @HangGuard
  void seedsAndTheirMutantsParseOrFailClearly() {
    List<byte[]> seeds = PolicyInputs.seeds();
    assertThat(seeds).as("seeds in %s", PolicyInputs.seedFolder()).hasSizeGreaterThan(5);
    for (byte[] seed : seeds) {
      checkInTime(seed);
      Mutations.of(seed, MUTANTS_PER_SEED).forEach(PolicyParserFuzzTests::checkInTime);
    }
  }

  private static void checkInTime(byte[] input) {
    InputTime.within(InputTime.HANG, () -> PolicyInputs.parsesOrFailsClearly(input));
  }
}
