package dev.iamunit.integration;

import static dev.iamunit.integration.PolicyTestRun.PARALLEL;
import static dev.iamunit.integration.PolicyTestRun.SERIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CI test reports (GitHub's, GitLab's, Jenkins') count a build's tests from surefire's XML reports,
 * so each report must hold every test JUnit ran, once, and its {@code <testsuite>} totals must count
 * its test cases. example-repo's tests are mostly in {@code @Nested} classes, whose tests surefire
 * 3.5.4 wrote into the enclosing class's report with {@code tests="0"}: 16 of 49 tests counted
 * (issue 25). What JUnit ran comes from {@link TestsRunLog}, JUnit's own listener in the test JVMs.
 */
class TestReportCountTests {

  static Stream<Arguments> reports() {
    return Stream.of(
        // example-repo's own build, as a team runs it: the same tests as this module's serial run.
        arguments("example-repo's build", PolicyTestRun.property("exampleRepo.reports"), SERIAL.testsRun()),
        arguments("one after the other", SERIAL.reports(), SERIAL.testsRun()),
        arguments("in parallel, in two forks", PARALLEL.reports(), PARALLEL.testsRun()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void everyTestRunIsReportedOnce(String run, Path reports, Path testsRun) {
    List<TestCase> ran = TestsRunLog.read(testsRun);

    assertThat(ran).as("tests JUnit ran").isNotEmpty();
    assertThat(SurefireReport.casesIn(reports)).as("test cases of %s", reports).isEqualTo(ran);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void theTotalsCountEveryTestCase(String run, Path reports, Path testsRun) {
    List<SurefireReport> files = SurefireReport.readAll(reports);

    assertThat(files).as("reports in %s", reports).isNotEmpty();
    for (SurefireReport report : files) {
      assertThat(report.tests()).as("tests= of %s", report.file()).isEqualTo(report.cases().size());
      assertThat(report.failures() + report.errors()).as("failures= and errors= of %s", report.file())
          .isEqualTo(report.casesWith(TestCase.Outcome.FAILED));
      assertThat(report.skipped()).as("skipped= of %s", report.file()).isEqualTo(report.casesWith(TestCase.Outcome.SKIPPED));
    }
    assertThat(files.stream().mapToInt(SurefireReport::tests).sum()).as("tests= of all reports in %s", reports)
        .isEqualTo(TestsRunLog.read(testsRun).size());
  }
}
