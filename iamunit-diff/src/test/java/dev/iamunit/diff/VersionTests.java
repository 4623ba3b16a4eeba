package dev.iamunit.diff;

import dev.iamunit.iac.SourceFormats;
import static dev.iamunit.diff.Change.NEWLY_DENIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.IamUnitException;
import dev.iamunit.testfiles.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version named by a git revision is extracted with git archive; a folder is used as it is. */
class VersionTests {

  @TempDir
  Path repository;

  private void git(String... arguments) {
    Version.git(repository, arguments);
  }

  @Test
  void comparesACommittedRevisionWithTheWorkingTree() throws Exception {
    FileTrees.copy(ExampleRepoDiffTests.EXAMPLE_TERRAFORM, repository.resolve("terraform"));
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=IAMUnit", "-c", "user.email=iamunit@example.com", "commit", "-q", "-m", "base");
    ExampleRepoDiffTests.dropListUsersFromNotAction(repository);

    AccessDiff diff;
    try (Version base = Version.resolve("HEAD", repository); Version head = Version.resolve(".", repository)) {
      assertThat(base.temporary()).isTrue();
      assertThat(Files.readString(base.root().resolve(ExampleRepoDiffTests.FORCE_MFA)))
          .isNotEqualTo(Files.readString(head.root().resolve(ExampleRepoDiffTests.FORCE_MFA)));
      diff = AccessDiffer.standard().compare(base, head, List.of("terraform"), SourceFormats.standard());
      base.close();
      assertThat(base.root()).doesNotExist();
    }
    assertThat(diff.base()).isEqualTo("HEAD");
    assertThat(Changes.rows(diff, NEWLY_DENIED)).containsExactly(
        "NEWLY_DENIED user MFAUser iam:ListUsers * CONSOLE_WITHOUT_MFA",
        "NEWLY_DENIED user MFAUser iam:ListUsers * ACCESS_KEYS");
  }

  /**
   * A committed mistake fixed in the working tree: the same terraform/main.tf in both versions, so
   * the message names the revision whose file holds it.
   */
  @Test
  void aMistakeInACommittedRevisionNamesTheRevision() throws Exception {
    Path main = Files.createDirectories(repository.resolve("terraform")).resolve("main.tf");
    String user = "resource \"aws_iam_user\" \"alice\" {\n  name = \"alice\"\n}\n";
    Files.writeString(main, user + "resource \"aws_iam_user\" \"broken\" {\n");
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=IAMUnit", "-c", "user.email=iamunit@example.com", "commit", "-q", "-m", "broken");
    Files.writeString(main, user);

    try (Version base = Version.resolve("HEAD", repository); Version head = Version.resolve(".", repository)) {
      assertThatThrownBy(() -> AccessDiffer.standard().compare(base, head, List.of("terraform"), SourceFormats.standard()))
          .isInstanceOf(VersionLoadException.class)
          .hasMessageStartingWith("in the base (git revision HEAD): terraform/main.tf:");
    }
  }

  @Test
  void anUnknownRevisionSaysWhatGitSaid() {
    git("init", "-q");

    assertThatThrownBy(() -> Version.resolve("no-such-branch", repository))
        .isInstanceOf(IamUnitException.class)
        .hasMessageContaining("\"git archive --format=zip")
        .hasMessageContaining("give an existing folder or a git revision of that repository");
  }
}
