package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.iamunit.aws.AwsData;
import dev.iamunit.coverage.CoverageAnalysis;
import dev.iamunit.coverage.RecordedDecision;
import dev.iamunit.eval.Outcome;
import dev.iamunit.model.Account;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Hundreds of scenario tests at once share one loaded account, decide as they do one by one, and
 * record the same coverage: no decision and no count is lost between threads.
 */
class ParallelExecutionTests {

  @Examples
  @IamTest(terraform = ForceMfaExamples.ACCOUNT, accountId = "123456789012")
  @AsUser("MFAUser")
  static class ManyScenarios {

    /** Every account a scenario of one run decided on: loaded once per run, it is one. */
    static final Set<Account> ACCOUNTS = Collections.newSetFromMap(Collections.synchronizedMap(new IdentityHashMap<>()));

    static Stream<String> actions() {
      return Stream.of(
              Stream.of("ec2:RunInstances"),
              AwsData.bundled().expandActionPattern("ec2:*").stream().limit(199),
              AwsData.bundled().expandActionPattern("iam:*").stream().limit(100))
          .flatMap(s -> s);
    }

    /** Two classes, so that classes run concurrently as well as methods. */
    @Nested
    class WithoutMfa {
      @ParameterizedTest
      @MethodSource("dev.iamunit.junit.ParallelExecutionTests$ManyScenarios#actions")
      @WithoutMFA
      void decides(String action, IamScenario scenario) {
        ACCOUNTS.add(scenario.account());
        assertThat(scenario.request(action).evaluations()).isNotEmpty();
      }
    }

    @Nested
    class WithMfa {
      @ParameterizedTest
      @MethodSource("dev.iamunit.junit.ParallelExecutionTests$ManyScenarios#actions")
      @WithMFA
      void decides(String action, IamScenario scenario) {
        ACCOUNTS.add(scenario.account());
        assertThat(scenario.request(action).evaluations()).isNotEmpty();
      }
    }
  }

  /** One run of the 600 scenarios, its coverage and decision log written to {@code directory}. */
  private static CoverageAnalysis run(boolean parallel, Path directory) {
    ManyScenarios.ACCOUNTS.clear();
    EngineExecutionResults results = TestKit.run(ManyScenarios.class, Map.of(
        "junit.jupiter.execution.parallel.enabled", Boolean.toString(parallel),
        "junit.jupiter.execution.parallel.mode.default", "concurrent",
        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", "8",
        "iamunit.coverage.directory", directory.toString(),
        "iamunit.coverage.decisions", "true"));
    results.testEvents().assertStatistics(stats -> stats.started(600).succeeded(600));
    assertThat(ManyScenarios.ACCOUNTS).as("accounts loaded in one run").hasSize(1);
    return CoverageAnalysis.read(directory);
  }

  @Test
  void concurrentScenariosDecideAndRecordAsSequentialOnesAndLoadOnce(@TempDir Path sequentialData, @TempDir Path parallelData) {
    CoverageAnalysis sequential = run(false, sequentialData);
    CoverageAnalysis parallel = run(true, parallelData);

    // @WithoutMFA decides each request twice (console session, access keys); @WithMFA once.
    assertThat(parallel.decisions()).hasSize(900).isEqualTo(sequential.decisions());
    assertThat(parallel.decisions())
        .filteredOn(d -> d.testId().equals("WithoutMfa.decides() [1] \"ec2:RunInstances\""))
        .extracting(d -> d.request().substring(0, d.request().indexOf(' ')), RecordedDecision::outcome)
        .containsExactly(tuple("ACCESS_KEYS", Outcome.EXPLICIT_DENY), tuple("CONSOLE_WITHOUT_MFA", Outcome.EXPLICIT_DENY));
    assertThat(parallel.statementsWithSid("BlockMostAccessUnlessSignedInWithMFA")).singleElement()
        .satisfies(block -> assertThat(block.decisiveTests()).contains("WithoutMfa.decides() [1] \"ec2:RunInstances\""));
    assertThat(parallel.statements()).as("every counter and every test of every statement").isEqualTo(sequential.statements());
  }
}
