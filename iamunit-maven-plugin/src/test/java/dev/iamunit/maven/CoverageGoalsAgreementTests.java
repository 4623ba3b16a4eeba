package dev.iamunit.maven;

import static dev.iamunit.maven.MojoTests.limit;
import static dev.iamunit.maven.MojoTests.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Maven goals and {@code iamunit coverage} are one implementation: from the same fragments and
 * the same rules (the POM's {@code <rules>}, the CLI's rules file) they write byte-identical
 * reports and reach the same verdict with the same text.
 */
class CoverageGoalsAgreementTests {

  @TempDir
  Path project;

  private Path data;
  private final CapturingLog log = new CapturingLog();

  @BeforeEach
  void recordAFragment() {
    data = Ec2Fragment.record(project);
  }

  @Test
  void reportWritesTheSameFilesAndSummary() throws Exception {
    ReportMojo mojo = new ReportMojo();
    mojo.setLog(log);
    mojo.dataDirectory = data.toFile();
    mojo.outputDirectory = project.resolve("maven").toFile();
    mojo.basedir = project.toFile();
    mojo.title = "Ec2 coverage";
    mojo.execute();

    Run cli = cli("coverage", "report", "--data", data.toString(), "--output", project.resolve("cli").toString(),
        "--source-root", project.toString(), "--title", "Ec2 coverage");

    assertThat(cli.exitCode()).isZero();
    Map<String, byte[]> maven = files(project.resolve("maven"));
    assertThat(maven).containsKeys("coverage.json", "coverage.csv", "iamunit.sarif", "html/index.html");
    assertThat(maven.keySet()).anyMatch(name -> name.startsWith("html/templates/"));
    assertSameFiles(files(project.resolve("cli")), maven);
    List<String> printed = cli.out().lines().toList();
    assertThat(log.lines).hasSameSizeAs(printed);
    assertThat(printed.subList(0, printed.size() - 1)).containsExactlyElementsOf(
        log.lines.subList(0, log.lines.size() - 1).stream().map(line -> line.substring("[INFO] ".length())).toList());
    assertThat(printed).last().isEqualTo("IAMUnit coverage report: " + project.resolve("cli/html/index.html"));
  }

  @Test
  void checkReachesTheSameVerdictWithTheSameTextAndSarif() throws Exception {
    CheckMojo mojo = check(project.resolve("maven.sarif"), rule("BUNDLE", limit("STATEMENT", "COVEREDRATIO", "0.80", null)));
    mojo.requiredSids = List.of("AllowRun");
    Path rules = Files.writeString(project.resolve("iamunit-coverage.properties"), """
        # the same gate as the POM's <rules>
        rule.1.element = BUNDLE
        rule.1.limit.1.counter = STATEMENT
        rule.1.limit.1.value = COVEREDRATIO
        rule.1.limit.1.minimum = 0.80
        requiredSids = AllowRun
        """);

    String failure = catchFailure(mojo);
    Run cli = cli("coverage", "check", "--data", data.toString(), "--rules", rules.toString(),
        "--sarif", project.resolve("cli.sarif").toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(failure).startsWith("IAMUnit coverage checks have not been met (2 violations):");
    assertThat(cli.out()).isEqualTo(failure + "\n");
    assertThat(project.resolve("cli.sarif")).hasSameBinaryContentAs(project.resolve("maven.sarif"));
  }

  @Test
  void aBaselineTheyBothWroteLetsBothPass() throws Exception {
    BaselineMojo baseline = new BaselineMojo();
    baseline.setLog(log);
    baseline.dataDirectory = data.toFile();
    baseline.baseline = project.resolve("maven-baseline.txt").toFile();
    baseline.execute();
    Run written = cli("coverage", "baseline", "--data", data.toString(), "--baseline",
        project.resolve("cli-baseline.txt").toString());
    assertThat(written.exitCode()).isZero();
    assertThat(project.resolve("cli-baseline.txt")).hasSameBinaryContentAs(project.resolve("maven-baseline.txt"));

    CheckMojo mojo = check(project.resolve("maven.sarif"), rule("TEMPLATE", limit("ALLOW", "MISSEDCOUNT", null, "1")));
    mojo.baseline = baseline.baseline;
    mojo.execute();
    Path rules = Files.writeString(project.resolve("gate.properties"), """
        rule.1.element = template
        rule.1.limit.1.counter = ALLOW
        rule.1.limit.1.value = MISSEDCOUNT
        rule.1.limit.1.maximum = 1
        baseline = cli-baseline.txt
        """);
    Run cli = cli("coverage", "check", "--data", data.toString(), "--rules", rules.toString(),
        "--sarif", project.resolve("cli.sarif").toString());

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo("IAMUnit coverage checks have been met.\n");
    assertThat(log.lines).last().isEqualTo("[INFO] IAMUnit coverage checks have been met.");
    assertThat(project.resolve("cli.sarif")).hasSameBinaryContentAs(project.resolve("maven.sarif"));
  }

  private CheckMojo check(Path sarif, RuleConfiguration... rules) {
    CheckMojo mojo = new CheckMojo();
    mojo.setLog(log);
    mojo.dataDirectory = data.toFile();
    mojo.sarifFile = sarif.toFile();
    mojo.rules = List.of(rules);
    return mojo;
  }

  private static String catchFailure(CheckMojo mojo) {
    try {
      mojo.execute();
    } catch (MojoFailureException e) {
      return e.getMessage();
    } catch (Exception e) {
      throw new AssertionError("expected the gate to fail the build", e);
    }
    throw new AssertionError("expected the gate to fail the build");
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run cli(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.commandLine(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err))
        .execute(arguments);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Map<String, byte[]> files(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (var walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((name, bytes) -> assertThat(actual.get(name)).as(name).isEqualTo(bytes));
  }
}
