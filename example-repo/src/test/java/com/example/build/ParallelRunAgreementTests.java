package com.example.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.coverage.CoverageAnalysis;
import dev.iamunit.coverage.CoverageReport;
import dev.iamunit.coverage.ElementKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The policy tests ran twice in this build (see pom.xml): one after the other in one JVM, then
 * concurrently (methods and classes) in two forked JVMs. Whatever the threads and forks, a policy
 * test must pass, decide and count the same: this compares the two runs' surefire reports,
 * decision logs and merged coverage. Failsafe runs it after both, in the integration-test phase.
 */
@Tag("after-both-runs")
class ParallelRunAgreementTests {

  private static final Path SERIAL_COVERAGE = Path.of(System.getProperty("serialRun.coverage", "target/iamunit"));
  private static final Path SERIAL_REPORTS = Path.of(System.getProperty("serialRun.reports", "target/surefire-reports"));
  private static final Path PARALLEL_COVERAGE =
      Path.of(System.getProperty("parallelRun.coverage", "target/iamunit-parallel"));
  private static final Path PARALLEL_REPORTS =
      Path.of(System.getProperty("parallelRun.reports", "target/surefire-reports-parallel"));

  @Test
  void bothRunsPassedTheSameTests() throws Exception {
    Set<String> serial = passedTests(SERIAL_REPORTS);
    Set<String> parallel = passedTests(PARALLEL_REPORTS);

    assertThat(serial).as("tests that passed one after the other").isNotEmpty();
    assertThat(parallel).as("tests that passed in parallel, in two forks").isEqualTo(serial);
  }

  @Test
  void bothRunsDecidedTheSame() {
    CoverageAnalysis serial = CoverageAnalysis.read(SERIAL_COVERAGE);
    CoverageAnalysis parallel = CoverageAnalysis.read(PARALLEL_COVERAGE);

    assertThat(serial.decisions()).as("the serial run's decision log").isNotEmpty();
    assertThat(parallel.decisions()).as("every decision of every test").isEqualTo(serial.decisions());
  }

  @Test
  void bothRunsMergeIntoTheSameCoverageReport() throws IOException {
    assertThat(processes(PARALLEL_COVERAGE)).as("JVMs that wrote the parallel run's fragments").hasSize(2);
    CoverageAnalysis serial = CoverageAnalysis.read(SERIAL_COVERAGE);
    CoverageAnalysis parallel = CoverageAnalysis.read(PARALLEL_COVERAGE);

    // Statement by statement first (counters, conditions, tests), for a readable difference.
    assertThat(parallel.statements()).isEqualTo(serial.statements());
    assertThat(parallel.elements(ElementKind.TEMPLATE)).isEqualTo(serial.elements(ElementKind.TEMPLATE));
    assertThat(CoverageReport.of(parallel).json()).isEqualTo(CoverageReport.of(serial).json());
  }

  /** {@code Class#method} of every test case of the surefire XML reports, none failed or skipped. */
  private static Set<String> passedTests(Path reports) throws Exception {
    Set<String> passed = new TreeSet<>();
    try (Stream<Path> files = Files.list(reports)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
        NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
            .getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
          Element testCase = (Element) cases.item(i);
          String name = testCase.getAttribute("classname") + "#" + testCase.getAttribute("name");
          int notPassed = testCase.getElementsByTagName("failure").getLength()
              + testCase.getElementsByTagName("error").getLength() + testCase.getElementsByTagName("skipped").getLength();
          assertThat(notPassed).as("failures, errors and skips of %s in %s", name, file).isZero();
          assertThat(passed.add(name)).as("%s reported once in %s", name, reports).isTrue();
        }
      }
    }
    return passed;
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
