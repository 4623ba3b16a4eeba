package dev.iamunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

  /**
   * An SCP counts once per account it applies to, and {@code inEveryAccountOf} records its request
   * in each: the root's ProtectCloudTrail, asked in every account of Workloads, is covered in prod
   * and dev, and still missed in sandbox, the member account no test asked in; the management
   * account, which "SCPs don't affect" (AWS Organizations User Guide, Service control policies
   * (SCPs)), has no entry.
   */
  @Test
  void anScpIsRecordedForTheAccountOfEachRequestInEveryAccountOfAUnit(@TempDir Path directory) {
    TestKit.run(OrganizationExamples.Passing.class, Map.of("iamunit.coverage.directory", directory.toString()));

    assertThat(CoverageAnalysis.read(directory).statementsWithSid("ProtectCloudTrail"))
        .extracting(StatementCoverage::displayName, StatementCoverage::covered)
        .containsExactly(
            tuple("ProtectCloudTrail in prod (111111111111)", true),
            tuple("ProtectCloudTrail in dev (222222222222)", true),
            tuple("ProtectCloudTrail in sandbox (333333333333)", false));
  }

  /**
   * A StackSet puts a role of its own into each target account: the statement a test exercised as
   * prod's role is covered in prod and still missed in dev, where no test asked.
   */
  @Test
  void aStackSetsStatementIsRecordedForTheAccountOfThePrincipalThatAsked(@TempDir Path directory) {
    var results = TestKit.run(StackSetExamples.AuditedInProdOnly.class, Map.of("iamunit.coverage.directory", directory.toString(),
        "iamunit.projectRoot", StackSetExamples.PROJECT_ROOT));

    assertThat(TestKit.failures(results)).isEmpty();
    assertThat(CoverageAnalysis.read(directory).statementsWithSid("ReadTrails"))
        .extracting(StatementCoverage::displayName, StatementCoverage::covered)
        .containsExactly(tuple("ReadTrails in 111111111111", true), tuple("ReadTrails in 222222222222", false));
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
