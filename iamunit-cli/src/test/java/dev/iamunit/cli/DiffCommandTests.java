package dev.iamunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iamunit diff} in process, on iamunit-diff's handcrafted pairs. */
class DiffCommandTests {

  private static final String CHANGES = "../iamunit-diff/src/test/resources/changes/";

  @TempDir
  Path work;

  @Test
  void reportsNewAccessAsTextAndExitsZeroWithoutAGate() throws Exception {
    CliRun run = CliRun.of("diff", "--base", CHANGES + "added-action/base", "--head", CHANGES + "added-action/head");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith(HomeAccountTests.DEFAULT + "\n"
        + "IAMUnit access diff: base " + CHANGES + "added-action/base -> head "
        + CHANGES + "added-action/head\n"
        + "Read in base " + CHANGES + "added-action/base: 1 file: main.tf\n"
        + "Read in head " + CHANGES + "added-action/head: 1 file: main.tf\n"
        + "Request space: 30 requests per version: 1 principal × 22,091 actions on 5 resources × 3 credential kinds × up to 1 context\n");
    // The text report's own expectation (iamunit-diff's ReportTests reads the same file): the CLI prints it.
    assertThat(run.out()).contains("Newly allowed: 3 requests, 3 causes\n"
        + Files.readString(Path.of(CHANGES + "added-action/first-cause.txt")));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void allListsEveryRequestInTheText() throws Exception {
    CliRun run = CliRun.of("diff", "--base", CHANGES + "added-action/base", "--head", CHANGES + "added-action/head", "--all");

    assertThat(run.out()).contains(Files.readString(Path.of(CHANGES + "added-action/every-request.txt")));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void failOnNewAccessIsAGate() {
    CliRun opened = CliRun.of("diff", "--base", CHANGES + "removed-condition/base", "--head", CHANGES + "removed-condition/head",
        "--fail-on", "new-access");
    CliRun closed = CliRun.of("diff", "--base", CHANGES + "removed-condition/head", "--head", CHANGES + "removed-condition/base",
        "--fail-on", "new-access");

    assertThat(opened.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(closed.out()).contains("0 requests newly allowed, 4 newly denied, 0 with a changed reason.");
    assertThat(closed.exitCode()).isEqualTo(ExitCodes.OK);
  }

  /**
   * Issue 26's opening case, as a user runs it: s3:GetObject allowed from aws:SourceIp 10.20.0.0/16,
   * widened to /15. The gate fails, naming a concrete request from the addresses the /15 adds, the
   * statement that allows it, and that the finding is proved ("IpAddress: Matching specified IP
   * address or range", IAM User Guide, Condition operators, IP address condition operators).
   */
  @Test
  void theIssuesCidrWideningFailsTheGateWithAProvedRequest() {
    CliRun run = CliRun.of("diff", "--base", CHANGES + "cidr-widening/base", "--head", CHANGES + "cidr-widening/head",
        "--fail-on", "new-access");

    assertThat(run.err()).isEqualTo("iamunit diff: --fail-on new-access failed: 3 request(s) newly allowed\n");
    assertThat(run.out())
        .contains("\n3 requests newly allowed, 0 newly denied, 0 with a changed reason. Proved over every region of requests")
        .contains("\n  3. user alice, long-term access keys: 1 request: s3:GetObject on 1 resource (proved)\n")
        .contains("\n     - \"IpAddress\": {\"aws:SourceIp\": \"10.20.0.0/16\"}   main.tf:")
        .contains("\n     + \"IpAddress\": {\"aws:SourceIp\": \"10.20.0.0/15\"}   main.tf:")
        .contains("\n       head: allowed by statement ReadFromTheOffice (main.tf:")
        .contains("\n       s3:GetObject on arn:aws:s3:::reports/example (aws:SourceIp=10.21.0.0)\n")
        .doesNotContain("No change in who may do what").doesNotContain("SAMPLED");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }

  /**
   * Issue 24: an RCP narrowed in an organization of two accounts. The text groups the changes by
   * account and starts with the RCP's blast radius (iamunit-diff's BlastRadiusTests reads the same
   * file); the gate fails on the new access it opens; the JSON names each change's account.
   */
  @Test
  void anOrganizationPolicyChangeIsReportedWithItsBlastRadiusPerAccount() throws Exception {
    CliRun text = CliRun.of("diff", "--base", CHANGES + "rcp-narrowed/base", "--head", CHANGES + "rcp-narrowed/head",
        "--fail-on", "new-access", "--output", "json=" + work.resolve("diff.json"));

    assertThat(text.err()).isEqualTo("iamunit diff: --fail-on new-access failed: 2 request(s) newly allowed\n");
    assertThat(text.out()).contains("\n" + Files.readString(Path.of(CHANGES + "rcp-narrowed/blast-radius.txt")) + "\n")
        .contains("\nAccount prod (111111111111): 2 requests newly allowed, 0 newly denied, 92 with a changed reason.\n")
        .contains("\nNo change in who may do what in 123456789012, dev (222222222222).\n");
    assertThat(text.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(Files.readString(work.resolve("diff.json")))
        .contains("\"principal\" : \"role reader in prod (111111111111)\",\n        \"account\" : \"111111111111\"")
        .contains("\"blastRadius\" : [ {\n    \"kind\" : \"RCP\",\n    \"policy\" : \"s3-over-tls\"");
  }

  /**
   * Issue 26: "a gate built on a sample has holes". The head of sampled-tag-keys allows tagging
   * with exactly the keys {a, b}, which the base denies, and the sample never asks {a, b}
   * (SampledFallbackReportTests): the gate fails, saying it could not prove that no access is new
   * and what to do, unless the user accepts the sample explicitly.
   */
  @Test
  void aSampledPairFailsTheNewAccessGateUnlessTheSampleIsAccepted() {
    CliRun sampled = CliRun.of("diff", "--base", CHANGES + "sampled-tag-keys/base", "--head", CHANGES + "sampled-tag-keys/head",
        "--fail-on", "new-access");
    CliRun accepted = CliRun.of("diff", "--base", CHANGES + "sampled-tag-keys/base", "--head", CHANGES + "sampled-tag-keys/head",
        "--fail-on", "new-access", "--accept-sampled");

    assertThat(sampled.out()).contains("No change in who may do what. Proved for 476 principal/action pairs; SAMPLED for 1");
    assertThat(sampled.err()).isEqualTo("iamunit diff: --fail-on new-access failed: could not prove that no access is new: "
        + "1 principal/action pair was sampled, not proved (user tagger ec2:CreateTags: aws:TagKeys is multivalued with 8 regions "
        + "of values: the empty set, each value alone and all together stand for the 2^8 sets), where new access may be missed; "
        + "make the condition that multiplies the regions simpler (fewer values for the key named), or accept the sample "
        + "explicitly (iamunit diff --accept-sampled, the Maven plugin's <acceptSampled>)\n");
    assertThat(sampled.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(accepted.err()).isEmpty();
    assertThat(accepted.out()).contains("SAMPLED for 1, where a change may be missed.");
    assertThat(accepted.exitCode()).isEqualTo(ExitCodes.OK);
  }

  /**
   * Issue 26 audit: example-repo's organization reads its Identity Center groups from data sources
   * IAMUnit cannot resolve. Diffed against itself nothing is new, so the new-access gate passes:
   * only what is new in the head can fail it.
   */
  @Test
  void unresolvedValuesTheBaseHoldsTooDoNotFailTheGate() {
    CliRun run = CliRun.of("diff", "--base", "../example-repo/organization", "--head", "../example-repo/organization",
        "--fail-on", "new-access");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("Not evaluated in base ../example-repo/organization: 2 unresolved values, 0 problems\n"
        + "Not evaluated in head ../example-repo/organization: 2 unresolved values, 0 problems\n"
        + "  unresolved <unresolved: data.aws_identitystore_group.developers.group_id> at main.tf:204: data source "
        + "aws_identitystore_group is read when Terraform plans; IAMUnit never reads data sources (base and head)\n"
        + "  unresolved <unresolved: data.aws_identitystore_group.platform.group_id> at main.tf:214: data source "
        + "aws_identitystore_group is read when Terraform plans; IAMUnit never reads data sources (base and head)\n"
        + "Read in base").doesNotContain("Not \"no new access\"");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void writesMarkdownAndSarifFilesBesideTheConsoleFormat() throws Exception {
    Path markdown = work.resolve("out/diff.md");
    Path sarif = work.resolve("out/diff.sarif");

    CliRun run = CliRun.of("diff", "--base", CHANGES + "new-group-membership/base", "--head", CHANGES + "new-group-membership/head",
        "--format", "json", "--output", "markdown=" + markdown, "--output", "sarif=" + sarif);

    assertThat(run.out()).startsWith("{\n  \"base\" : ").contains("\"newlyAllowed\" : 12");
    assertThat(Files.readString(markdown)).startsWith("<!-- iamunit-diff -->\n")
        .contains("<details><summary>user bob, console sign-in with MFA: 4 requests: 2 actions of iam on 2 resources (proved);")
        .contains("- `iam:CreateUser on arn:aws:iam::123456789012:user/alice`");
    assertThat(Files.readString(sarif)).contains("\"ruleId\" : \"iamunit/new-access\"");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    CliRun run = CliRun.of("diff", "--base", ".", "--format", "html");

    assertThat(run.err()).contains("unknown report format \"html\"; use one of text, json, markdown, sarif");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  /**
   * The same file, main.tf, in both versions, broken in one: the one line on standard error says
   * which version, and no stack trace follows.
   */
  @Test
  void aMistakeInOneVersionNamesTheVersion() throws Exception {
    String role = Files.readString(Path.of(CHANGES + "added-action/base/main.tf"));
    String broken = role + "\nresource \"aws_iam_role\" \"broken\" {\n  name = \"broken\"\n";
    Files.createDirectories(work.resolve("before"));
    Files.createDirectories(work.resolve("after"));
    Files.writeString(work.resolve("before/main.tf"), broken);
    Files.writeString(work.resolve("after/main.tf"), role);

    CliRun inBase = CliRun.of("diff", "--repository", work.toString(), "--base", "before", "--head", "after");
    CliRun inHead = CliRun.of("diff", "--repository", work.toString(), "--base", "after", "--head", "before");

    assertThat(inBase.err()).startsWith("iamunit diff: in the base (folder before): main.tf:").doesNotContain("\tat ");
    assertThat(inBase.err().lines()).hasSize(1);
    assertThat(inBase.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(inHead.err()).startsWith("iamunit diff: in the head (folder before): main.tf:").doesNotContain("\tat ");
    assertThat(inHead.exitCode()).isEqualTo(ExitCodes.INPUT);
  }

  @Test
  void aRevisionGitDoesNotKnowIsAnInputError() {
    CliRun run = CliRun.of("diff", "--base", "no-such-revision-xyz", "--head", CHANGES + "added-action/head");

    assertThat(run.err()).startsWith("iamunit diff: \"git archive --format=zip");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
  }
}
