package dev.iamunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LintCommandTests {

  /** Where the summary ends: sources that declare no account load into the default, named as such. */
  static final String DEFAULT_HOME = "; home account 123456789012 (the default: the sources declare no account; --account gives another)";

  private static final String POLICIES = "src/test/resources/policies/";

  /**
   * Seed 003, the tutorial's Force_MFA policy, with Bool where AWS writes BoolIfExists: "The
   * ...IfExists version of the Bool operator ensures that if the aws:MultiFactorAuthPresent key is
   * missing, the condition returns true. This means that a user accessing an API with long-term
   * credentials, such as an access key, is denied access to the non-IAM API operations."
   */
  @Test
  void flagsADenyThatLongTermAccessKeysEscape() {
    CliRun run = CliRun.of("lint", POLICIES + "force_mfa_bool.json");

    assertThat(run.out()).isEqualTo("""
        src/test/resources/policies/force_mfa_bool.json:50:11: warning: Deny BlockMostAccessUnlessSignedInWithMFA relies on \
        "Bool": {"aws:MultiFactorAuthPresent": "false"}, but requests signed with long-term access keys carry no \
        aws:MultiFactorAuthPresent, so they escape this Deny; use "BoolIfExists" [mfa-deny-without-ifexists]
        0 errors, 1 finding in 1 file; home account 123456789012 (the default: the sources declare no account; --account gives another)
        """);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void theTutorialPolicyAsAwsWritesItIsClean() {
    CliRun run = CliRun.of("lint", POLICIES + "force_mfa.json");

    assertThat(run.out()).isEqualTo("0 errors, 0 findings in 1 file" + DEFAULT_HOME + "\n");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void findsUnknownActionsUnknownKeysAndTypeMismatches() {
    CliRun run = CliRun.of("lint", POLICIES + "lint_mistakes.json");

    String file = "src/test/resources/policies/lint_mistakes.json";
    assertThat(run.out()).isEqualTo(
        file + ":7:7: warning: unknown action \"ec2:RunInstance\" in Action; did you mean ec2:RunInstances? [unknown-action]\n"
            + file + ":7:7: warning: Action pattern \"iam:*Mfa2*\" matches no action [unknown-action]\n"
            + file + ":7:7: warning: unknown service prefix \"ec3\" in Action \"ec3:DescribeThings\" [unknown-action]\n"
            + file + ":10:18: warning: Bool on aws:username, a String key; use a String operator (StringEquals, StringLike, ...) "
            + "[condition-type-mismatch]\n"
            + file + ":11:29: warning: NumericLessThan on aws:PrincipalTag/team, a String key; use a String operator "
            + "(StringEquals, StringLike, ...) [condition-type-mismatch]\n"
            + file + ":12:26: warning: unknown condition key \"aws:MultifactorAuthPresnt\" under StringEquals; no request carries "
            + "it, so the condition never sees a value [unknown-condition-key]\n"
            + "0 errors, 6 findings in 1 file" + DEFAULT_HOME + "\n");
  }

  @Test
  void reportsParserErrorsWithFileLineAndColumnAndGoesOn() {
    CliRun run = CliRun.of("lint", POLICIES + "invalid_effect.json", POLICIES + "force_mfa.json");

    assertThat(run.out()).isEqualTo(
        "src/test/resources/policies/invalid_effect.json:4:15: error: Effect must be \"Allow\" or \"Deny\" (case-sensitive), "
            + "not \"allow\"\n"
            + "1 error, 0 findings in 2 files" + DEFAULT_HOME + "\n");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void aMissingFileIsAnInputError() {
    CliRun run = CliRun.of("lint", "missing.json");

    assertThat(run.err()).isEqualTo("iamunit lint: no such file: missing.json\n");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
  }

  /** Class 2 of issue 20: lint reads templates through the one loading path, and a problem is an error. */
  @Test
  void anUnknownSamPolicyTemplateIsAnErrorWithFileAndLine() {
    CliRun run = CliRun.of("lint", "src/test/resources/templates/unknown-sam.yaml");

    assertThat(run.out()).containsPattern("(?m)^src/test/resources/templates/unknown-sam\\.yaml:13:\\d+: error: Worker "
        + "Policies: \"NoSuchSamPolicy\" is not a SAM policy template IAMUnit knows").endsWith("1 error, 0 findings in 1 file" + DEFAULT_HOME + "\n");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }
}
