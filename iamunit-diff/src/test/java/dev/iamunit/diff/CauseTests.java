package dev.iamunit.diff;

import static dev.iamunit.diff.ExampleRepoDiffTests.EXAMPLE_TERRAFORM;
import static dev.iamunit.diff.ExampleRepoDiffTests.FORCE_MFA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.diff.report.MarkdownReport;
import dev.iamunit.diff.report.ReportFormat;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.testfiles.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25 item 2: one edit reads as one finding. Replacing {@code BoolIfExists} with {@code Bool}
 * in Force_MFA's Deny newly allows thousands of requests with long-term access keys ("The key is
 * not present when ... long-term access keys are used", IAM User Guide, "AWS global condition
 * context keys", aws:MultiFactorAuthPresent); the report groups them into a few causes, each naming
 * the changed condition at file:line.
 */
class CauseTests {

  @TempDir
  Path work;

  /** A copy of example-repo's terraform/ in base/ and head/, the head with Bool for BoolIfExists in Force_MFA. */
  private AccessDiff boolForBoolIfExists() throws IOException {
    FileTrees.copy(EXAMPLE_TERRAFORM, work.resolve("base/terraform"));
    FileTrees.copy(EXAMPLE_TERRAFORM, work.resolve("head/terraform"));
    Path file = work.resolve("head").resolve(FORCE_MFA);
    String text = Files.readString(file);
    assertThat(text).containsOnlyOnce("\"BoolIfExists\"");
    Files.writeString(file, text.replace("\"BoolIfExists\"", "\"Bool\""));
    // No --source: the repository root's Terraform is found in its subfolder terraform/.
    return AccessDiffer.standard().compare(
        new Version("base", work.resolve("base"), false), new Version("head", work.resolve("head"), false),
        List.of(), SourceFormats.standard());
  }

  @Test
  void boolForBoolIfExistsIsAFewCausesEachNamingTheChangedCondition() throws IOException {
    AccessDiff diff = boolForBoolIfExists();

    // One row per class of actions (ActionClasses: EC2's actions are one class) and region: many rows, a few causes.
    assertThat(diff.rows(Change.NEWLY_ALLOWED)).hasSizeGreaterThan(50);
    assertThat(diff.causes()).hasSizeLessThanOrEqualTo(3).allSatisfy(cause -> {
      assertThat(cause.principal()).isEqualTo("user MFAUser");
      assertThat(cause.credentials()).isEqualTo(CredentialKind.ACCESS_KEYS);
      assertThat(cause.changed()).singleElement().satisfies(edit -> {
        assertThat(edit.describe()).isEqualTo("Deny BlockMostAccessUnlessSignedInWithMFA (Force_MFA, " + FORCE_MFA + ":88)");
        assertThat(edit.lines()).extracting(l -> l + " at " + l.location().fileAndLine()).containsExactly(
            "- \"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"} at " + FORCE_MFA + ":108",
            "+ \"Bool\": {\"aws:MultiFactorAuthPresent\": \"false\"} at " + FORCE_MFA + ":108");
      });
    });
    Cause newAccess = diff.causes(Change.NEWLY_ALLOWED).get(0);
    assertThat(newAccess.rows()).hasSameSizeAs(diff.rows(Change.NEWLY_ALLOWED));
    assertThat(newAccess.decided()).allSatisfy(d -> assertThat(d.base().describe())
        .isEqualTo("explicitly denied by statement BlockMostAccessUnlessSignedInWithMFA (" + FORCE_MFA + ":88)"));
    assertThat(newAccess.decided()).extracting(d -> d.head().describe()).contains(
        "allowed by statement #0 (arn:aws:iam::aws:policy/AmazonEC2FullAccess:1)",
        "allowed by statement AllowIndividualUserToSeeAndManageOnlyTheirOwnAccountInformation (" + FORCE_MFA + ":22)");

    String text = ReportFormat.TEXT.render(diff);
    assertThat(text).contains("Newly allowed: " + String.format("%,d", diff.rows(Change.NEWLY_ALLOWED).size()) + " requests, 1 cause\n")
        .contains("     - \"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}   " + FORCE_MFA + ":108\n"
            + "     + \"Bool\": {\"aws:MultiFactorAuthPresent\": \"false\"}   " + FORCE_MFA + ":108\n");
    // Under a screen: the header, the space and its notes (the scope's among them), the one cause.
    assertThat(text.lines().count()).isLessThan(64);
    assertThat(ReportFormat.TEXT.render(diff, true).lines().count()).isGreaterThan(diff.rows(Change.NEWLY_ALLOWED).size());
  }

  @Test
  void theMarkdownOfBoolForBoolIfExistsFitsOneScreen() throws IOException {
    String markdown = MarkdownReport.render(boolForBoolIfExists());

    assertThat(MarkdownLines.visible(markdown)).hasSizeLessThanOrEqualTo(60);
    assertThat(markdown).contains("""
        ```diff
          Deny BlockMostAccessUnlessSignedInWithMFA (Force_MFA, terraform/modules/force-mfa-group/main.tf:88)
        - "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}   terraform/modules/force-mfa-group/main.tf:108
        + "Bool": {"aws:MultiFactorAuthPresent": "false"}   terraform/modules/force-mfa-group/main.tf:108
        ```
        """);
  }

  private static AccessDiff handcrafted(String pair) {
    Path root = Path.of("src/test/resources/changes", pair);
    return AccessDiffer.standard().compare(
        new Version("base", root.resolve("base"), false), new Version("head", root.resolve("head"), false),
        List.of(), SourceFormats.standard());
  }

  /** When no deciding statement was edited, the cause names what changed in what applies to the principal. */
  @Test
  void aCauseWithoutAnEditedStatementNamesTheMembershipOrBoundaryThatChanged() {
    assertThat(handcrafted("new-group-membership").causes()).isNotEmpty().allSatisfy(cause -> {
      assertThat(cause.changed()).isEmpty();
      assertThat(cause.principalChange()).hasValueSatisfying(p -> assertThat(p.lines())
          .extracting(l -> l + " at " + l.location().fileAndLine()).containsExactly("+ \"Groups\": \"admins\" at main.tf:5"));
    });
    assertThat(handcrafted("removed-boundary").causes()).isNotEmpty().allSatisfy(cause ->
        assertThat(cause.principalChange()).hasValueSatisfying(p -> assertThat(p.lines()).extracting(Object::toString)
            .containsExactly("- \"PermissionsBoundary\": \"arn:aws:iam::123456789012:policy/DeveloperBoundary\"")));
  }
}
