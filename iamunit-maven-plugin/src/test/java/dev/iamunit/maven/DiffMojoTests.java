package dev.iamunit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diff goal's logic on iamunit-diff's handcrafted pairs. */
class DiffMojoTests {

  private static final Path CHANGES = Path.of("../iamunit-diff/src/test/resources/changes").toAbsolutePath().normalize();

  @TempDir
  Path target;

  private final CapturingLog log = new CapturingLog();

  private DiffMojo mojo(String kind, String failOn) {
    DiffMojo mojo = new DiffMojo();
    mojo.setLog(log);
    mojo.repository = CHANGES.resolve(kind).toFile();
    mojo.base = "base";
    mojo.head = "head";
    mojo.outputDirectory = target.resolve("iamunit/diff").toFile();
    mojo.failOn = failOn;
    return mojo;
  }

  /** A mistake in the base's main.tf, a file the head has too: the build failure says which version holds it. */
  @Test
  void aMistakeInOneVersionFailsTheBuildNamingTheVersion() throws Exception {
    Path repository = target.resolve("repository");
    String role = Files.readString(CHANGES.resolve("added-action/base/main.tf"));
    Files.createDirectories(repository.resolve("base"));
    Files.createDirectories(repository.resolve("head"));
    Files.writeString(repository.resolve("base/main.tf"), role + "\nresource \"aws_iam_role\" \"broken\" {\n");
    Files.writeString(repository.resolve("head/main.tf"), role);
    DiffMojo mojo = mojo("added-action", "never");
    mojo.repository = repository.toFile();

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("in the base (folder base): main.tf:");
  }

  @Test
  void writesEveryFormatAndLogsTheReport() throws Exception {
    mojo("removed-boundary", "never").execute();

    assertThat(target.resolve("iamunit/diff")).isDirectoryContaining("glob:**/diff.txt")
        .isDirectoryContaining("glob:**/diff.json").isDirectoryContaining("glob:**/diff.md")
        .isDirectoryContaining("glob:**/diff.sarif");
    assertThat(Files.readString(target.resolve("iamunit/diff/diff.md")))
        .contains("- `iam:CreateUser on arn:aws:iam::123456789012:user/dev`");
    assertThat(log.lines).contains(
        "[INFO] IAMUnit access diff: base base -> head head",
        "[INFO] 6 requests newly allowed, 0 newly denied, 0 with a changed reason. Proved over every region of requests (478 principal/action pairs).",
        "[INFO]   1. user dev, console sign-in with MFA: 2 requests: iam:CreateUser on 2 resources (proved)");
  }

  @Test
  void failOnNewAccessFailsTheBuild() {
    assertThatThrownBy(() -> mojo("removed-boundary", "new-access").execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("IAMUnit diff: 6 request(s) newly allowed (failOn new-access); see "
            + target.resolve("iamunit/diff/diff.txt"));
  }

  /**
   * Issue 26: a gate built on a sample has holes. sampled-tag-keys' head allows tagging with the
   * keys {a, b}, which the base denies and the sample never asks (iamunit-diff's
   * SampledFallbackReportTests): the build fails, saying so, unless acceptSampled is set.
   */
  @Test
  void aSampledPairFailsTheBuildUnlessTheSampleIsAccepted() throws Exception {
    assertThatThrownBy(() -> mojo("sampled-tag-keys", "new-access").execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("IAMUnit diff: could not prove that no access is new: 1 principal/action pair was sampled, not "
            + "proved (user tagger ec2:CreateTags: aws:TagKeys is multivalued")
        .hasMessageContaining("the Maven plugin's <acceptSampled>) (failOn new-access); see ");

    DiffMojo accepting = mojo("sampled-tag-keys", "new-access");
    accepting.acceptSampled = true;
    accepting.execute();
    assertThat(log.lines).anyMatch(l -> l.contains("SAMPLED for 1, where a change may be missed."));
  }

  @Test
  void removedAccessPassesANewAccessGate() throws Exception {
    DiffMojo mojo = mojo("removed-boundary", "new-access");
    mojo.base = "head";
    mojo.head = "base";

    mojo.execute();

    assertThat(log.lines).anyMatch(l -> l.startsWith("[INFO] 0 requests newly allowed, 6 newly denied, 0 with a changed reason."));
  }

  @Test
  void anUnknownFailOnRuleIsAConfigurationError() {
    assertThatThrownBy(() -> mojo("removed-boundary", "sometimes").execute())
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("unknown --fail-on value \"sometimes\"; use one of new-access, any-change, never");
  }

  @Test
  void skipDoesNothing() throws Exception {
    DiffMojo mojo = mojo("removed-boundary", "new-access");
    mojo.skip = true;
    mojo.outputDirectory = new File(target.toFile(), "never");

    mojo.execute();

    assertThat(target.resolve("never")).doesNotExist();
  }

  /**
   * Issue 24: the goal loads both versions into the home account by the rule the CLI's {@code diff}
   * applies (HomeAccount): {@code <accountId>} wins, else the management account of the
   * organization the head declares; and it says which.
   */
  @Test
  void bothVersionsLoadIntoTheHomeAccountTheCliChoosesAndTheLogSaysWhich() throws Exception {
    Path organization = Files.createDirectories(target.resolve("repository/organization"));
    Files.writeString(organization.resolve("main.tf"), """
        provider "aws" {
          region              = "eu-west-1"
          allowed_account_ids = ["999999999999"]
        }

        resource "aws_organizations_organization" "org" {
          feature_set          = "ALL"
          enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
        }
        """);
    DiffMojo mojo = mojo("removed-boundary", "never");
    mojo.repository = target.resolve("repository").toFile();
    mojo.base = "organization";
    mojo.head = "organization";

    mojo.execute();
    mojo.accountId = "111111111111";
    mojo.execute();

    assertThat(log.lines).anyMatch(l -> l.startsWith(
            "[INFO] IAMUnit diff: both versions load into account 999999999999 (declared: the management account of the organization declared at ")
            && l.endsWith("main.tf:6:1 (aws_organizations_organization.org); <accountId> gives another)"))
        .contains("[INFO] IAMUnit diff: both versions load into account 111111111111 (given with <accountId>)");
  }
}
