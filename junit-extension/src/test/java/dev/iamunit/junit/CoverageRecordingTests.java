package dev.iamunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.coverage.CoverageAnalysis;
import dev.iamunit.coverage.StatementCoverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every decision a test makes is recorded; the run writes one fragment that the gate reads. */
class CoverageRecordingTests {

  @Test
  void aRunWritesAFragmentWithTheDecisionsOfItsTests(@TempDir Path directory) throws IOException {
    TestKit.run(ForceMfaExamples.FromTerraform.class, Map.of("iamunit.coverage.directory", directory.toString()));

    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().startsWith("coverage-").endsWith(".json");
    }
    CoverageAnalysis analysis = CoverageAnalysis.read(directory);
    StatementCoverage block = analysis.statementsWithSid("BlockMostAccessUnlessSignedInWithMFA").get(0);
    assertThat(block.covered()).isTrue();
    assertThat(block.key().toString()).contains("force-mfa.json");
    // Statements no test reached are in the inventory, as missed.
    assertThat(analysis.statementsWithSid("AllowIndividualUserToDeactivateOnlyTheirOwnMFAOnlyWhenUsingMFA"))
        .singleElement().extracting(StatementCoverage::covered).isEqualTo(false);
  }

  /** Failed policy assertions reach the SARIF report at the statement that decided instead. */
  @Test
  void failedAssertionsAreRecordedAtTheirStatement(@TempDir Path directory) {
    TestKit.run(FailingExamples.WrongExpectations.class, Map.of("iamunit.coverage.directory", directory.toString()));

    assertThat(CoverageAnalysis.read(directory).failures())
        .extracting(f -> f.testId() + " " + f.file().replace('\\', '/').replaceAll(".*/", "") + ":" + f.line())
        .containsExactlyInAnyOrder(
            "WrongExpectations.ec2WithMfaIsNotDenied() ec2-full-access.json:4",
            "WrongExpectations.deniedByAnotherStatement() force-mfa.json:82",
            "WrongExpectations.ec2WildcardIsNotAllDenied() ec2-full-access.json:4",
            // Soft assertions: one record per failure they collected.
            "WrongExpectations.softAssertionsReportEveryFailure() ec2-full-access.json:4",
            "WrongExpectations.softAssertionsReportEveryFailure() force-mfa.json:4");
    // sts:GetCallerIdentity is outside policies: no statement to point at, so no record.
  }

  @Test
  void recordingCanBeSwitchedOff(@TempDir Path directory) throws IOException {
    TestKit.run(ForceMfaExamples.FromTerraform.class,
        Map.of("iamunit.coverage.directory", directory.toString(), "iamunit.coverage.enabled", "false"));

    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).isEmpty();
    }
  }
}
