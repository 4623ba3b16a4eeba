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
    assertThat(run.err()).startsWith("iamunit check: no coverage data").contains("run the IAMUnit tests first")
        .doesNotContain("Exception");
  }

  @Test
  void reportWithoutFragmentsSaysSoAndExitsZero() {
    CliRun run = CliRun.of("coverage", "report", "--data", dir.resolve("none").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("IAMUnit coverage report skipped: no coverage data");
  }

  @Test
  void aMistakeInTheRulesFileNamesItsLine() throws Exception {
    Path rules = Files.writeString(dir.resolve("gate.properties"), "rule.1.element = CLASS\n");
    CliRun run = CliRun.of("coverage", "check", "--data", dir.toString(), "--rules", rules.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err()).isEqualTo("iamunit check: " + rules
        + ":1: rule.1.element = CLASS is not one of [BUNDLE, TEMPLATE, POLICY, PRINCIPAL]\n");
  }

  @Test
  void withoutASubcommandItPrintsItsUsage() {
    CliRun run = CliRun.of("coverage");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("report", "check", "baseline");
  }
}
