package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.Decision;
import dev.iamunit.junit.fixtures.FixtureAccountLoader;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Hundreds of scenario tests at once share one loaded account and decide as they do one by one. */
class ParallelExecutionTests {

  /** What each example decided, by test; a test-only static, reset by each run. */
  static final ConcurrentMap<String, String> DECISIONS = new ConcurrentHashMap<>();

  @Examples
  @IamTest(cloudFormation = ForceMfaExamples.ACCOUNT, accountId = "123456789012")
  @AsUser("MFAUser")
  static class ManyScenarios {

    static Stream<String> actions() {
      return Stream.of(
              Stream.of("ec2:RunInstances"),
              AwsData.bundled().expandActionPattern("ec2:*").stream().limit(199),
              AwsData.bundled().expandActionPattern("iam:*").stream().limit(100))
          .flatMap(s -> s);
    }

    @ParameterizedTest
    @MethodSource("actions")
    @WithoutMFA
    void withoutMfa(String action, IamScenario scenario) {
      record(action + " without MFA", scenario.request(action));
    }

    @ParameterizedTest
    @MethodSource("actions")
    @WithMFA
    void withMfa(String action, IamScenario scenario) {
      record(action + " with MFA", scenario.request(action));
      assertThat(scenario.request(action)).isNotNull();
    }

    private static void record(String key, IamRequest request) {
      StringBuilder text = new StringBuilder();
      for (Evaluation evaluation : request.evaluations()) {
        Decision decision = evaluation.decision();
        text.append(evaluation.credentials()).append('=').append(decision.outcome())
            .append(decision.deciding().stream().map(r -> r.statement().displayName()).toList()).append(' ');
      }
      DECISIONS.put(key, text.toString());
    }
  }

  private static Map<String, String> run(boolean parallel) {
    DECISIONS.clear();
    int loadsBefore = FixtureAccountLoader.LOADS.get();
    EngineExecutionResults results = TestKit.run(ManyScenarios.class, Map.of(
        "junit.jupiter.execution.parallel.enabled", Boolean.toString(parallel),
        "junit.jupiter.execution.parallel.mode.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", "8"));
    results.testEvents().assertStatistics(stats -> stats.started(600).succeeded(600));
    assertThat(FixtureAccountLoader.LOADS.get() - loadsBefore).as("loads of the account in one run").isEqualTo(1);
    return new TreeMap<>(DECISIONS);
  }

  @Test
  void concurrentScenariosDecideAsSequentialOnesAndLoadOnce() {
    Map<String, String> sequential = run(false);
    Map<String, String> parallel = run(true);

    assertThat(parallel).hasSize(600).isEqualTo(sequential);
    assertThat(parallel.get("ec2:RunInstances without MFA"))
        .isEqualTo("CONSOLE_WITHOUT_MFA=EXPLICIT_DENY[BlockMostAccessUnlessSignedInWithMFA] "
            + "ACCESS_KEYS=EXPLICIT_DENY[BlockMostAccessUnlessSignedInWithMFA] ");
  }
}
