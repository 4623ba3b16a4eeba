package dev.iamunit.integration;

import static dev.iamunit.integration.PolicyTestRun.PARALLEL;
import static dev.iamunit.integration.PolicyTestRun.SERIAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.coverage.CoverageAnalysis;
import dev.iamunit.coverage.CoverageReport;
import dev.iamunit.coverage.ElementKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * example-repo's policy tests ran twice in this build (see pom.xml): one after the other in one JVM,
 * then concurrently (methods and classes) in two forked JVMs. Whatever the threads and forks, a policy
 * test must pass, decide and count the same: this compares the two runs' surefire reports, decision
 * logs and merged coverage. Failsafe runs it after both, in the integration-test phase.
 */
class ParallelRunAgreementTests {

  @Test
  void bothRunsPassedTheSameTests() {
    List<TestCase> serial = SurefireReport.casesIn(SERIAL.reports());
    List<TestCase> parallel = SurefireReport.casesIn(PARALLEL.reports());

    assertThat(serial).as("tests of the run one after the other").isNotEmpty()
        .allMatch(c -> c.outcome() == TestCase.Outcome.PASSED, "passed")
        .doesNotHaveDuplicates();
    assertThat(parallel).as("tests of the run in parallel, in two forks").isEqualTo(serial);
  }

  @Test
  void bothRunsDecidedTheSame() {
    CoverageAnalysis serial = CoverageAnalysis.read(SERIAL.coverage());
    CoverageAnalysis parallel = CoverageAnalysis.read(PARALLEL.coverage());

    assertThat(serial.decisions()).as("the serial run's decision log").isNotEmpty();
    assertThat(parallel.decisions()).as("every decision of every test").isEqualTo(serial.decisions());
  }

  @Test
  void bothRunsMergeIntoTheSameCoverageReport() throws IOException {
    assertThat(processes(PARALLEL.coverage())).as("JVMs that wrote the parallel run's fragments").hasSize(2);
    CoverageAnalysis serial = CoverageAnalysis.read(SERIAL.coverage());
    CoverageAnalysis parallel = CoverageAnalysis.read(PARALLEL.coverage());

    // Statement by statement first (counters, conditions, tests), for a readable difference.
    assertThat(parallel.statements()).isEqualTo(serial.statements());
    assertThat(parallel.elements(ElementKind.TEMPLATE)).isEqualTo(serial.elements(ElementKind.TEMPLATE));
    assertThat(CoverageReport.of(parallel).json()).isEqualTo(CoverageReport.of(serial).json());
  }

  /** The process ids in the fragments' names, {@code coverage-<pid>-<uuid>.json}. */
  private static Set<String> processes(Path coverage) throws IOException {
    Pattern fragment = Pattern.compile("coverage-(\\d+)-[0-9a-f-]+\\.json");
    Set<String> pids = new TreeSet<>();
    try (Stream<Path> files = Files.list(coverage)) {
      files.map(f -> fragment.matcher(f.getFileName().toString())).filter(Matcher::matches).forEach(m -> pids.add(m.group(1)));
    }
    return pids;
  }
}
