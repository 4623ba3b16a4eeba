package dev.iamunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.testfiles.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25 item 2: {@code diff} and {@code show} pointed at a repository root without
 * {@code --source} read its Terraform and CloudFormation templates, skip its CI workflow,
 * package.json, node_modules, target, build and .terraform, and say which files they read.
 */
class RepositoryRootTests {

  /** iac-loaders' fixture: a root module, a stack, and what a repository holds besides. */
  private static final Path ROOT = Path.of("../iac-loaders/src/test/resources/sources/repository-root");

  @TempDir
  Path work;

  @Test
  void showReadsExactlyTheTemplatesOfARepositoryRoot() {
    CliRun run = CliRun.of("show", ROOT.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).containsPattern("(?m)^read 2 files: \\S*repository-root/main\\.tf, \\S*repository-root/cloudformation/stack\\.yaml$")
        .contains("user deployer (", "role build (")
        .doesNotContain("dependency-admin", "problem", "ci.yml", "package.json");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  /**
   * example-repo's root without naming its sources: its Terraform root module and its stack, not
   * the tests' wrong copy of Force_MFA in {@code src/test/iam} (a second root module that would
   * declare Force_MFA twice).
   */
  @Test
  void showOfExampleRepositorysRootReadsWhatItDeploysNotItsTestFixtures() {
    CliRun run = CliRun.of("show", "../example-repo");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).containsPattern("(?m)^read 11 files: \\S*example-repo/organization/main\\.tf, \\S*example-repo/terraform/main\\.tf, .*"
            + "\\S*example-repo/cloudformation/credentials\\.yaml$")
        .contains("user MFAUser (", "group EC2MFA (")
        .doesNotContain("src/test", "force-mfa-with-bool", "problem");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void showJsonNamesTheFilesRead() {
    CliRun run = CliRun.of("show", "--json", ROOT.toString());

    assertThat(run.out()).containsPattern("\"files\" : \\[ \"\\S*main\\.tf\", \"\\S*cloudformation/stack\\.yaml\" \\]");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void diffOfTwoRepositoryRootsReadsTheirTemplatesAndReportsTheChange() throws IOException {
    Path base = work.resolve("base");
    FileTrees.copy(ROOT, base);
    Path stack = base.resolve("cloudformation/stack.yaml");
    Files.writeString(stack, Files.readString(stack).replace("logs:PutLogEvents", "logs:CreateLogStream"));

    CliRun run = CliRun.of("diff", "--base", base.toString(), "--head", ROOT.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("Read in base " + base + ": 2 files: main.tf, cloudformation/stack.yaml\n")
        .contains("Read in head " + ROOT + ": 2 files: main.tf, cloudformation/stack.yaml\n")
        .doesNotContain("Not evaluated", "dependency-admin")
        .contains("Newly allowed: ")
        .contains("+ \"Action\": \"logs:PutLogEvents\"   cloudformation/stack.yaml:");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void diffJsonNamesTheFilesReadPerVersion() {
    CliRun run = CliRun.of("diff", "--base", ROOT.toString(), "--head", ROOT.toString(), "--format", "json");

    assertThat(run.out()).contains("""
          "filesRead" : {
            "base" : [ "main.tf", "cloudformation/stack.yaml" ],
            "head" : [ "main.tf", "cloudformation/stack.yaml" ]
          },
        """);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }
}
