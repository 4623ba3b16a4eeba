package dev.iamunit.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The tests JUnit ran, as JUnit's launcher reports them, written to a file per test plan: the count
 * that surefire's XML reports must match, taken from the platform that ran the tests rather than from
 * surefire. Registered through {@code ServiceLoader}; records nothing unless the configuration
 * parameter {@value #DIRECTORY} names a folder.
 */
public final class TestsRunLog implements TestExecutionListener {

  /** The folder to write {@code tests-run-<uuid>.tsv} into, one line per test ({@link TestCase#line()}). */
  public static final String DIRECTORY = "iamunit.it.testsRun.directory";

  private final Queue<TestCase> ran = new ConcurrentLinkedQueue<>();
  private volatile Optional<Path> directory = Optional.empty();

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    directory = testPlan.getConfigurationParameters().get(DIRECTORY).map(Path::of);
    ran.clear();
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    record(test, switch (result.getStatus()) {
      case SUCCESSFUL -> TestCase.Outcome.PASSED;
      case FAILED -> TestCase.Outcome.FAILED;
      // Surefire reports a test aborted by an assumption as skipped.
      case ABORTED -> TestCase.Outcome.SKIPPED;
    });
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    record(test, TestCase.Outcome.SKIPPED);
  }

  private void record(TestIdentifier test, TestCase.Outcome outcome) {
    if (directory.isPresent() && test.isTest()) {
      ran.add(new TestCase(className(test.getSource()), test.getLegacyReportingName(), outcome));
    }
  }

  private static String className(Optional<TestSource> source) {
    return source.map(s -> s instanceof MethodSource method ? method.getClassName()
            : s instanceof ClassSource type ? type.getClassName() : s.toString())
        .orElse("");
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    directory.ifPresent(folder -> {
      try {
        Files.createDirectories(folder);
        Files.write(folder.resolve("tests-run-" + UUID.randomUUID() + ".tsv"), ran.stream().map(TestCase::line).toList());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the log of the tests run to " + folder, e);
      }
    });
  }

  /** Every test of every log in {@code folder}, sorted. */
  static List<TestCase> read(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().matches("tests-run-.*\\.tsv"))
          .flatMap(TestsRunLog::lines)
          .map(TestCase::parse)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the logs of the tests run in " + folder, e);
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
