package dev.iamunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iamunit coverage}'s mistakes: one line on stderr and exit 3, as every command's. What it
 * writes and decides is tested against the Maven goals in iamunit-maven-plugin's
 * CoverageGoalsAgreementTests.
 */
class CoverageCommandTests {

  @TempDir
  Path dir;

  @Test
  void checkWithoutFragmentsSaysRunTheTestsFirst() {
    CliRun run = CliRun.of("coverage", "check", "--data", dir.resolve("none").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err()).startsWith("iamunit coverage check: no coverage data").contains("run the IAMUnit tests first")
        .doesNotContain("Exception");
  }

  @Test
  void baselineWithoutFragmentsNamesTheCommandAsTyped() {
    CliRun run = CliRun.of("coverage", "baseline", "--data", dir.resolve("none").toString(),
        "--baseline", dir.resolve("baseline.txt").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err()).startsWith("iamunit coverage baseline: no coverage data")
        .contains("run the IAMUnit tests first").doesNotContain("Exception");
    assertThat(dir.resolve("baseline.txt")).doesNotExist();
  }

  @Test
  void reportThatCannotWriteNamesTheCommandAsTyped() throws Exception {
    Files.writeString(dir.resolve("coverage-1.json"), "{\"format\":\"iamunit-coverage-fragment/2\"}");
    Path notAFolder = Files.writeString(dir.resolve("reports"), "a file where the reports' folder should be");
    CliRun run = CliRun.of("coverage", "report", "--data", dir.toString(), "--output", notAFolder.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err()).startsWith("iamunit coverage report: ").contains(notAFolder.toString())
        .doesNotContain("Exception").hasLineCount(1);
  }

  @Test
  void reportWithoutFragmentsSaysSoAndExitsZero() {
    CliRun run = CliRun.of("coverage", "report", "--data", dir.resolve("none").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("IAMUnit coverage report skipped: no coverage data");
  }

  /** Its help says exit code 3 for a fragment it cannot read; a report without it would be wrong. */
  @Test
  void reportOnAFragmentItCannotReadExitsThreeNamingIt() throws Exception {
    Path broken = Files.writeString(dir.resolve("coverage-broken.json"), "{\"format\": \"iamunit-coverage-fr");
    CliRun run = CliRun.of("coverage", "report", "--data", dir.toString(), "--output", dir.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err()).startsWith("iamunit coverage report: cannot read coverage fragment " + broken + ": not JSON at line 1, column 32 (")
        .doesNotContain("Exception").hasLineCount(1);
    assertThat(run.out()).isEmpty();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  /** A fragment an earlier IAMUnit wrote (before SCP and RCP statements were counted per account) is named, with what to do. */
  @Test
  void reportOnAFragmentOfAnEarlierFormatExitsThreeSayingRunTheTestsAgain() throws Exception {
    Path old = Files.writeString(dir.resolve("coverage-old.json"), "{\"format\":\"iamunit-coverage-fragment/1\",\"statements\":[]}");
    CliRun run = CliRun.of("coverage", "report", "--data", dir.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err()).startsWith("iamunit coverage report: cannot read coverage fragment " + old + ": an earlier IAMUnit wrote it")
        .contains("run the tests again").hasLineCount(1);
  }

  @Test
  void aMistakeInTheRulesFileNamesItsLine() throws Exception {
    Path rules = Files.writeString(dir.resolve("gate.properties"), "rule.1.element = CLASS\n");
    CliRun run = CliRun.of("coverage", "check", "--data", dir.toString(), "--rules", rules.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err()).isEqualTo("iamunit coverage check: " + rules
        + ":1: rule.1.element = CLASS is not one of [BUNDLE, TEMPLATE, POLICY, PRINCIPAL]\n");
  }

  @Test
  void withoutASubcommandItPrintsItsUsage() {
    CliRun run = CliRun.of("coverage");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("report", "check", "baseline");
  }
}
