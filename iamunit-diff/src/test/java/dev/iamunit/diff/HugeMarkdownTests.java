package dev.iamunit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.diff.report.MarkdownReport;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Outcome;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Effect;
import dev.iamunit.model.SourceLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * GitHub refuses a comment body over 65,536 characters ("Body is too long (maximum is 65536
 * characters)"): however large the diff, the Markdown report stays within it, on one screen, and
 * says it was cut.
 */
class HugeMarkdownTests {

  private static final String FILE = "stacks/generated.yaml";

  /** 4,000 principals each newly allowed by an edited statement that gained 300 actions, and 500 problems in the head. */
  private static AccessDiff huge() {
    List<StatementChange.Line> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      lines.add(new StatementChange.Line('+', "\"Action\": \"s3:Action" + i + "\"", SourceLocation.of(FILE, 100 + i, 7)));
    }
    StatementChange edit = new StatementChange("Generated", "AllowAll", Effect.ALLOW,
        Optional.of(SourceLocation.of(FILE, 90, 5)), Optional.of(SourceLocation.of(FILE, 90, 5)), lines);
    SideDecision allowed = new SideDecision(Outcome.ALLOWED, List.of(new DecidingStatement("Generated", "AllowAll", Effect.ALLOW, FILE, 90)), List.of(), true);
    SideDecision denied = new SideDecision(Outcome.IMPLICIT_DENY, List.of(), List.of("no policy allows it"), true);
    List<DiffRow> rows = new ArrayList<>();
    for (int p = 0; p < 4000; p++) {
      for (int a = 0; a < 5; a++) {
        rows.add(new DiffRow(Change.NEWLY_ALLOWED, "user generated-user-" + p, "s3:Action" + a,
            "arn:aws:s3:::bucket-" + p + "/" + "key/".repeat(20), CredentialKind.ACCESS_KEYS, Map.of(), denied, allowed));
      }
    }
    List<LoadReport.Problem> problems = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      problems.add(new LoadReport.Problem(SourceLocation.of(FILE, i + 1, 1), "a policy AWS would reject, number " + i));
    }
    RequestSpace space = new RequestSpace(4000, 300, 4000, 3, 1, 3_600_000, List.of("Generated for this test."));
    return new AccessDiff("main", "HEAD", space, rows, Duration.ZERO)
        .withGaps(LoadGaps.NONE, new LoadGaps(List.of(), problems, List.of()))
        .withEdits(List.of(edit), List.of());
  }

  @Test
  void aHugeDiffIsCutToOneGitHubCommentThatSaysSo() {
    AccessDiff diff = huge();
    String markdown = MarkdownReport.render(diff);

    assertThat(diff.causes()).hasSize(4000);
    assertThat(markdown.length()).isLessThanOrEqualTo(MarkdownReport.MAX_CHARS);
    assertThat(markdown).startsWith(MarkdownReport.MARKER + "\n")
        .contains("`main` → `HEAD`: 20,000 requests newly allowed")
        .contains("+ \"Action\": \"s3:Action0\"   stacks/generated.yaml:100")
        .contains("the whole report is longer than a GitHub comment may be");
    assertThat(MarkdownLines.visible(markdown)).hasSizeLessThanOrEqualTo(60);
    // Every <details> that opens closes, and every code block ends.
    assertThat(MarkdownLines.count(markdown, "<details>")).isEqualTo(MarkdownLines.count(markdown, "</details>"));
    assertThat(MarkdownLines.count(markdown, "```") % 2).isZero();
  }
}
