package dev.iamunit.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.coverage.internal.FragmentFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageReportTests {

  private final CoverageReport report = CoverageReport.of(Fixture.analysis()).withSourceRoots(List.of(Fixture.SOURCE_ROOT));

  @Test
  void consoleSummaryGivesTotalsEachTemplateAndTheMissedStatements() {
    assertThat(report.consoleSummary()).isEqualTo("""
        IAMUnit coverage: statements 2 of 3 (66%), Allow 1 of 2 (50%), Deny 1 of 1 (100%), conditions 1 of 1 (100%)
          policies/ec2.json: statements 2 of 3 (66%), Allow 1 of 2 (50%), Deny 1 of 1 (100%), conditions 1 of 1 (100%)
        Missed statements (never decisive in any test):
          Allow #2 at policies/ec2.json:19 in Ec2Access
        """);
  }

  /** The schema is documented in the module README; this file is its worked example. */
  @Test
  void jsonReportMatchesTheDocumentedSchemaExactly() throws Exception {
    String expected = Files.readString(Path.of("src/test/resources/expected/coverage.json"));
    assertThat(report.json()).isEqualTo(expected);
  }

  @Test
  void jsonReportReadsBackToTheSameStatements() throws Exception {
    var root = FragmentFormat.mapper().readTree(report.json());
    assertThat(FragmentFormat.readStatements(root)).isEqualTo(Fixture.analysis().statements());
  }

  @Test
  void csvHasOneRowPerStatement() {
    assertThat(report.csv()).isEqualTo("""
        TEMPLATE,LINE,COLUMN,INDEX,ACCOUNT,SID,POLICY,EFFECT,STATUS,DECISIVE,OVERRIDDEN,NOT_APPLIED_ACTION,NOT_APPLIED_RESOURCE,\
        NOT_APPLIED_PRINCIPAL,NOT_APPLIED_CONDITION,CONDITIONS_COVERED,CONDITIONS_MISSED,TESTS
        policies/ec2.json,4,5,0,,AllowEc2,Ec2Access,Allow,COVERED,2,1,0,0,0,0,0,0,\
        Ec2Tests.describeIsAllowed Ec2Tests.runWithMfaIsAllowed Ec2Tests.runWithoutMfaIsDenied
        policies/ec2.json,10,5,1,,DenyRunWithoutMfa,Ec2Access,Deny,COVERED,1,0,1,0,0,1,1,0,\
        Ec2Tests.runWithMfaIsAllowed Ec2Tests.runWithoutMfaIsDenied
        policies/ec2.json,19,5,2,,,Ec2Access,Allow,MISSED,0,0,3,0,0,0,0,0,
        """);
  }

  @Test
  void csvQuotesCellsWithCommasAndQuotes() {
    StatementCoverage odd = new StatementCoverage(new StatementKey("a,b.json", 1, 1, 0), java.util.Optional.of("Say \"hi\""),
        dev.iamunit.model.Effect.ALLOW, "P", "", true, List.of(), 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of());
    assertThat(CoverageReport.of(CoverageAnalysis.of(List.of(odd))).csv().lines().skip(1).findFirst().orElseThrow())
        .startsWith("\"a,b.json\",1,1,0,,\"Say \"\"hi\"\"\",P,Allow,MISSED");
  }

  @Test
  void writeAllWritesEveryFormatIntoTheFolder(@TempDir Path dir) {
    Path index = report.writeAll(dir);
    assertThat(index).isEqualTo(dir.resolve("html/index.html"));
    assertThat(dir.resolve("coverage.json")).exists();
    assertThat(dir.resolve("coverage.csv")).exists();
    assertThat(dir.resolve("iamunit.sarif")).exists();
    assertThat(dir.resolve("html/report.css")).exists();
  }

  @Test
  void readingAFolderWithoutFragmentsSaysWhatToDo(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> CoverageAnalysis.read(dir)).isInstanceOf(CoverageDataException.class)
        .hasMessage("no coverage data (coverage-*.json) in " + dir + ": run the IAMUnit tests first; they write one "
            + "fragment per test JVM there");
    Files.writeString(dir.resolve("coverage-x.json"), "{\"format\":\"other\"}");
    assertThatThrownBy(() -> CoverageAnalysis.read(dir)).isInstanceOf(CoverageDataException.class)
        .hasMessageStartingWith(dir.resolve("coverage-x.json") + " is not an IAMUnit coverage fragment");
  }
}
