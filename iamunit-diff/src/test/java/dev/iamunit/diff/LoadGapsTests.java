package dev.iamunit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.diff.report.ReportFormat;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.testfiles.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a version's load could not evaluate is at the top of every report, and a head holding
 * something unevaluated that could grant access is never called "no new access" (issue 20).
 */
class LoadGapsTests {

  static final Path WORKER = Path.of("src/test/resources/unknown-sam/worker.yaml");

  @TempDir
  Path work;

  /** Class 2 of issue 20: the plugin's and the CLI's diff dropped an unknown SAM policy template. */
  @Test
  void anUnknownSamPolicyTemplateInTheHeadIsListedAndFailsTheNewAccessGate() throws IOException {
    FileTrees.copy(ExampleRepoDiffTests.EXAMPLE_CLOUDFORMATION, work.resolve("base/cloudformation"));
    FileTrees.copy(ExampleRepoDiffTests.EXAMPLE_CLOUDFORMATION, work.resolve("head/cloudformation"));
    Files.copy(WORKER, work.resolve("head/cloudformation/worker.yaml"));

    AccessDiff diff = AccessDiffer.standard().compare(
        new Version("base", work.resolve("base"), false), new Version("head", work.resolve("head"), false),
        List.of("cloudformation"), SourceFormats.standard());

    assertThat(diff.baseGaps().isEmpty()).isTrue();
    assertThat(diff.headGaps().problems()).singleElement()
        .satisfies(p -> assertThat(p.location().fileAndLine()).isEqualTo("cloudformation/worker.yaml:14"));
    // The problem, and the requests whose decision depends on the unreadable policy that stands for it.
    assertThat(diff.headGaps().couldGrant()).hasSize(2);
    assertThat(diff.headGaps().couldGrant().get(0)).hasToString("cloudformation/worker.yaml:14: left out: "
        + diff.headGaps().problems().get(0).message());
    assertThat(diff.headGaps().couldGrant().get(1).toString()).startsWith("cloudformation/worker.yaml:14: "
        + "<unresolved: SAM policy template NoSuchSamPolicy>").contains("could be newly allowed, such as head: ");
    assertThat(Gate.NEW_ACCESS.fails(diff)).isTrue();

    for (ReportFormat format : ReportFormat.values()) {
      assertThat(format.render(diff)).as(format.name()).contains("cloudformation/worker.yaml").contains("NoSuchSamPolicy");
    }
    String text = ReportFormat.named("text").render(diff);
    assertThat(text.lines().skip(1).findFirst()).hasValue("Not evaluated in head head: 1 unresolved value, 1 problem");
    assertThat(text).contains("Could grant access that no request shows (head):\n  cloudformation/worker.yaml:14: left out: ")
        .contains("Not \"no new access\": the head holds 2 things IAMUnit could not evaluate that could grant access.");
  }

  /**
   * The same template in both versions: listed for each, and still no claim of "no new access",
   * since what was left out may differ.
   */
  @Test
  void anUnevaluatedStatementInBothVersionsIsListedForEach() throws IOException {
    for (String version : List.of("base", "head")) {
      Files.createDirectories(work.resolve(version + "/sam"));
      Files.copy(WORKER, work.resolve(version + "/sam/worker.yaml"));
    }

    AccessDiff diff = AccessDiffer.standard().compare(
        new Version("base", work.resolve("base"), false), new Version("head", work.resolve("head"), false),
        List.of("sam"), SourceFormats.standard());

    assertThat(diff.baseGaps().problems()).hasSize(1);
    assertThat(diff.headGaps().problems()).hasSize(1);
    assertThat(Gate.NEW_ACCESS.fails(diff)).isTrue();
    assertThat(ReportFormat.named("text").render(diff))
        .contains("Not evaluated in base base: ").contains("Not evaluated in head head: ");
  }

  /** A request whose head decision depends on an unset variable could be new access: the gap names the statement. */
  @Test
  void anAllowStatementOnAnUnsetVariableIsNamedAndFailsTheNewAccessGate() {
    Path versions = Path.of("src/test/resources/unset-bucket");

    AccessDiff diff = AccessDiffer.standard().compare(
        new Version("base", versions.resolve("base"), false), new Version("head", versions.resolve("head"), false),
        List.of("terraform"), SourceFormats.standard());

    assertThat(diff.hasNewAccess()).isFalse();
    assertThat(diff.headGaps().unresolved()).extracting(u -> u.display()).contains("<unresolved: var.bucket>");
    assertThat(diff.headGaps().couldGrant()).singleElement().asString()
        .startsWith("terraform/main.tf:15: Allow statement Read of read depends on <unresolved: var.bucket>; ")
        .contains("could be newly allowed, such as head: arn:aws:iam::123456789012:user/reader s3:GetObject on "
            + "arn:aws:s3:::<unresolved: var.bucket>/");
    assertThat(Gate.NEW_ACCESS.fails(diff)).isTrue();
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(format.render(diff)).as(format.name()).contains("<unresolved: var.bucket>").doesNotContain("\uE000");
    }
  }
}
