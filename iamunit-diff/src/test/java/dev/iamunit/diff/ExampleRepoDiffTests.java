package dev.iamunit.diff;

import dev.iamunit.iac.SourceFormats;
import static dev.iamunit.diff.Change.CHANGED_REASON;
import static dev.iamunit.diff.Change.NEWLY_ALLOWED;
import static dev.iamunit.diff.Change.NEWLY_DENIED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.testfiles.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** example-repo's Terraform against a copy with one edit, as a pull request would make it. */
class ExampleRepoDiffTests {

  static final Path EXAMPLE_TERRAFORM = Path.of("../example-repo/terraform");
  static final Path EXAMPLE_CLOUDFORMATION = Path.of("../example-repo/cloudformation");
  static final String FORCE_MFA = "terraform/modules/force-mfa-group/main.tf";
  static final String CREDENTIALS = "cloudformation/credentials.yaml";

  @TempDir
  Path work;


  /** Drops "iam:ListUsers" from the NotAction of Force_MFA's BlockMostAccessUnlessSignedInWithMFA. */
  static void dropListUsersFromNotAction(Path root) throws IOException {
    Path file = root.resolve(FORCE_MFA);
    String text = Files.readString(file);
    int block = text.indexOf("\"Sid\": \"BlockMostAccessUnlessSignedInWithMFA\"");
    int at = text.indexOf("\"iam:ListUsers\",\n", block);
    int lineStart = text.lastIndexOf('\n', at) + 1;
    Files.writeString(file, text.substring(0, lineStart) + text.substring(text.indexOf('\n', at) + 1));
  }

  @Test
  void droppingAnActionFromForceMfasNotActionDeniesItToMfaUserWithoutMfa() throws IOException {
    FileTrees.copy(EXAMPLE_TERRAFORM, work.resolve("base/terraform"));
    FileTrees.copy(EXAMPLE_TERRAFORM, work.resolve("head/terraform"));
    dropListUsersFromNotAction(work.resolve("head"));

    AccessDiff diff = AccessDiffer.standard().compare(
        new Version("base", work.resolve("base"), false), new Version("head", work.resolve("head"), false),
        List.of("terraform"), SourceFormats.standard());

    assertThat(Changes.rows(diff, NEWLY_ALLOWED, NEWLY_DENIED, CHANGED_REASON)).containsExactly(
        "NEWLY_DENIED user MFAUser iam:ListUsers * CONSOLE_WITHOUT_MFA",
        "NEWLY_DENIED user MFAUser iam:ListUsers * ACCESS_KEYS");
    assertThat(diff.rows().get(0).base().describe()).isEqualTo(
        "allowed by statement AllowAllUsersToListAccounts (" + FORCE_MFA + ":10)");
    assertThat(diff.rows().get(0).head().describe()).isEqualTo(
        "explicitly denied by statement BlockMostAccessUnlessSignedInWithMFA (" + FORCE_MFA + ":88)");
    // Issue 26: of the 3 principals, only the one Force_MFA applies to is asked.
    assertThat(diff.space().scope().principals()).isEqualTo(3);
    assertThat(diff.space().scope().decided()).isEqualTo(1);
    assertThat(diff.space().principals()).isEqualTo(1);
    // Force_MFA's NotAction reaches every service of the catalog, not only those the repository names.
    assertThat(diff.space().notes().get(0)).startsWith("Actions: every action of the bundled catalog");
    assertThat(diff.space().actions()).isGreaterThan(20_000);
    // Its speed is measured, not asserted (issue 26: "Benchmarks, not timed tests"; iamunit-diff README).
    assertThat(diff.space().proof().complete()).isTrue();
  }

  /**
   * Bool instead of BoolIfExists in seed 001's Deny: "The key is not present when ... long-term
   * access keys are used" (IAM User Guide), so the Deny stops applying to access keys and what the
   * policy allows beside its NotAction list opens to them.
   */
  @Test
  void boolInsteadOfBoolIfExistsInTheCloudFormationStackOpensAccessKeys() throws IOException {
    for (String side : List.of("base", "head")) {
      FileTrees.copy(EXAMPLE_TERRAFORM, work.resolve(side + "/terraform"));
      FileTrees.copy(EXAMPLE_CLOUDFORMATION, work.resolve(side + "/cloudformation"));
    }
    Path template = work.resolve("head").resolve(CREDENTIALS);
    Files.writeString(template, Files.readString(template).replaceFirst("BoolIfExists:", "Bool:"));

    AccessDiff diff = AccessDiffer.standard().compare(
        new Version("base", work.resolve("base"), false), new Version("head", work.resolve("head"), false),
        List.of("terraform", "cloudformation"), SourceFormats.standard());

    // Also ARNs without an account ("arn:aws:iam:::user/..."), a region of resources of its own.
    assertThat(Changes.rows(diff, NEWLY_ALLOWED, NEWLY_DENIED)).contains(
        "NEWLY_ALLOWED user mfa-only-user iam:DeactivateMFADevice arn:aws:iam::123456789012:user/mfa-only-user ACCESS_KEYS",
        "NEWLY_ALLOWED user mfa-only-user iam:DeleteVirtualMFADevice arn:aws:iam::123456789012:mfa/mfa-only-user ACCESS_KEYS");
    assertThat(diff.rows().get(0).base().describe()).startsWith("explicitly denied by statement DenyAllExceptListedIfNoMFA (");
    assertThat(diff.rows().get(0).head().describe()).startsWith("allowed by statement AllowManageOwnUserMFA (")
        .endsWith(CREDENTIALS + ":38)");
    // Issue 26: of the 5 principals, only mfa-only-user, whose policy changed, is asked.
    assertThat(diff.space().scope().principals()).isEqualTo(5);
    assertThat(diff.space().scope().decided()).isEqualTo(1);
    assertThat(diff.rows(CHANGED_REASON)).allSatisfy(row -> assertThat(row.principal()).isEqualTo("user mfa-only-user"));
  }
}
