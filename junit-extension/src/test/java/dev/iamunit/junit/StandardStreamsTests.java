package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The library prints nothing: a test run's output is the test framework's and the build's. The
 * coverage summary is the Maven plugin's to log; loaders, evaluator, assertions and recorder stay
 * silent, whether tests pass, fail or misuse the API, and when the run writes its fragment.
 */
@Isolated("replaces System.out and System.err for the whole JVM")
class StandardStreamsTests {

  /** Real loaders (CloudFormation YAML, Terraform), the fixture loader, passing and failing tests. */
  private static final List<Class<?>> SCENARIOS = List.of(
      CloudFormationScenarios.class,
      ForceMfaExamples.FromTerraform.class,
      ForceMfaExamples.Passing.class,
      ParallelExecutionTests.ManyScenarios.class,
      FailingExamples.WrongExpectations.class,
      FailingExamples.BoolInsteadOfBoolIfExists.class,
      FailingExamples.Misuse.class,
      FailingExamples.MissingSource.class);

  @Examples
  @IamTest(cloudFormation = "src/test/cloudformation/force-mfa.yaml", accountId = "111122223333")
  @AsUser("MFAUser")
  static class CloudFormationScenarios {

    @Test
    @WithoutMFA
    void ec2IsDeniedWithoutMfa(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances").on("arn:aws:ec2:us-east-1:111122223333:instance/i-1"))
          .isExplicitlyDenied().by("DenyEc2WithoutMfa");
    }

    @Test
    @WithMFA
    void ec2IsAllowedWithMfa(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances")).isAllowed().by("AllowEc2");
    }
  }

  @Test
  void scenarioTestsPrintNothingToStandardOutputOrError(@TempDir Path coverage) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    int failed = 0;
    long succeeded = 0;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      for (Class<?> scenarios : SCENARIOS) {
        var results = TestKit.run(scenarios, Map.of(
            "iamunit.coverage.directory", coverage.toString(),
            "iamunit.coverage.decisions", "true",
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent"));
        failed += (int) results.testEvents().failed().count();
        succeeded += results.testEvents().succeeded().count();
      }
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }

    assertThat(succeeded).as("scenario tests that passed").isGreaterThan(600);
    assertThat(failed).as("failing examples, so that failures are covered too").isGreaterThan(5);
    try (var fragments = Files.list(coverage)) {
      // Every run but MissingSource's, which loads nothing, writes a fragment.
      assertThat(fragments).as("the runs wrote their coverage").hasSize(SCENARIOS.size() - 1);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).as("standard output").isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).as("standard error").isEmpty();
  }
}
