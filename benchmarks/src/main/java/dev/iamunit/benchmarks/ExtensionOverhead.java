package dev.iamunit.benchmarks;

import static dev.iamunit.assertj.IamAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.iamunit.junit.AsUser;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.IamTest;
import dev.iamunit.junit.WithoutMFA;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The per-test cost of the JUnit extension (issue 10: under 1 ms per scenario test after
 * loading): runs {@value #TESTS} scenario tests on example-repo's Terraform through the Jupiter
 * engine, and the same number of plain parameterized tests, each after a warm-up run, and prints
 * the time per test of both and their difference: what IAMUnit adds to a test.
 * Run from the repository root: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.iamunit.benchmarks.ExtensionOverhead}.
 */
public final class ExtensionOverhead {

  static final int TESTS = 2000;

  private ExtensionOverhead() {}

  /** The suite: each test is one @WithoutMFA scenario (two decisions) with an assertion. */
  @IamTest(terraform = "example-repo/terraform")
  @AsUser("MFAUser")
  public static class ScenarioSuite {

    static IntStream rows() {
      return IntStream.range(0, TESTS);
    }

    @ParameterizedTest
    @MethodSource("rows")
    @WithoutMFA
    void ec2IsBlockedUntilMfa(int row, IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances")).isExplicitlyDenied().by("BlockMostAccessUnlessSignedInWithMFA");
    }
  }

  /** The same suite without IAMUnit: what JUnit itself costs per parameterized test. */
  public static class PlainSuite {

    @ParameterizedTest
    @MethodSource("dev.iamunit.benchmarks.ExtensionOverhead$ScenarioSuite#rows")
    void nothing(int row) {
      if (row < 0) {
        throw new AssertionError(row);
      }
    }
  }

  public static void main(String[] args) {
    if (!Files.isDirectory(Path.of("example-repo/terraform"))) {
      throw new IllegalStateException("run from the repository root, where example-repo/ is");
    }
    for (int warmUp = 0; warmUp < 3; warmUp++) {
      run(ScenarioSuite.class);
      run(PlainSuite.class);
    }
    double scenario = run(ScenarioSuite.class, false) / 1e6 / TESTS;
    double recorded = run(ScenarioSuite.class, true) / 1e6 / TESTS;
    double plain = run(PlainSuite.class, false) / 1e6 / TESTS;
    System.out.printf("%d tests: %.3f ms per scenario test (%.3f ms with coverage recorded), %.3f ms per plain test;"
        + " IAMUnit adds %.3f ms per test, %.3f ms with coverage (target < 1 ms)%n",
        TESTS, scenario, recorded, plain, scenario - plain, recorded - plain);
  }

  private static long run(Class<?> suite) {
    return run(suite, false);
  }

  private static long run(Class<?> suite, boolean coverage) {
    long start = System.nanoTime();
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .configurationParameter(IamTest.COVERAGE_ENABLED_PROPERTY_NAME, Boolean.toString(coverage))
        .configurationParameter(IamTest.COVERAGE_DIRECTORY_PROPERTY_NAME, System.getProperty("java.io.tmpdir") + "/iamunit-overhead")
        .selectors(selectClass(suite))
        .execute();
    long elapsed = System.nanoTime() - start;
    results.testEvents().assertStatistics(stats -> stats.succeeded(TESTS).failed(0));
    return elapsed;
  }
}
