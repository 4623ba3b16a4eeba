package dev.iamunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code mayOnly} and {@code allAreDenied} over the complete request space, run through the
 * engine: what passes, and each failure's words.
 */
class MayOnlyExtensionTests {

  private static EngineExecutionResults forceMfa;
  private static EngineExecutionResults sourceIp;

  @BeforeAll
  static void run() throws IOException {
    Files.createDirectories(Path.of(MayOnlyExamples.OLD_CATALOG).getParent());
    List<String> old = new ArrayList<>(List.of("# iam-data 0.0.1-test, written by MayOnlyExtensionTests"));
    AwsData.bundled().expandActionPattern("*").stream().filter(a -> !a.equals("iam:ListUsers")).forEach(old::add);
    Files.write(Path.of(MayOnlyExamples.OLD_CATALOG), old);
    Files.deleteIfExists(Path.of(MayOnlyExamples.NEW_CATALOG));
    forceMfa = TestKit.run(MayOnlyExamples.ForceMfa.class);
    sourceIp = TestKit.run(MayOnlyExamples.SourceIp.class);
  }

  private static final String LIST_USERS_ALLOWED = """
      iam:ListUsers on * as MFAUser (console sign-in without MFA): allowed by statement AllowAllUsersToListAccounts (src/test/iam/force-mfa.json:4)
        iam:ListUsers on * as MFAUser (long-term access keys): allowed by statement AllowAllUsersToListAccounts (src/test/iam/force-mfa.json:4)""";

  /**
   * Seed 003, Force_MFA: "This statement ensures that when the user is not signed-in with MFA that
   * they can perform only the listed actions", for a console session and for access keys; and
   * sts:GetCallerIdentity, for which "No permissions are required" (STS API Reference).
   */
  @Test
  void withoutMfaTheUserMayOnlySetUpMfaOverTheWholeCatalog() {
    assertThat(TestKit.failures(forceMfa)).doesNotContainKeys(
        "mayOnlySetUpMfa(IamScenario)", "patternsCoverActions(IamScenario)", "noEc2ActionIsAllowedAnywhere(IamScenario)");
    assertThat(forceMfa.testEvents().succeeded().count()).isEqualTo(3);
  }

  @Test
  void aFailureNamesEachAllowedRequestAndTheStatementThatAllowsIt() {
    String message = TestKit.failureMessage(forceMfa, "forgetsListUsers(IamScenario)");

    int others = AwsData.bundled().expandActionPattern("*").size() - MayOnlyExamples.WITHOUT_MFA.length + 1;
    assertThat(message).startsWith("Expecting MFAUser to be allowed only iam:CreateVirtualMFADevice, iam:EnableMFADevice, "
        + "iam:ResyncMFADevice, iam:ListVirtualMFADevices, iam:ListMFADevices, iam:ListAccountAliases, iam:ListSSHPublicKeys, "
        + "iam:ListAccessKeys, iam:GetAccountSummary, sts:GetCallerIdentity, sts:GetSessionToken, over the complete request space "
        + "(the " + others + " other actions of the catalog, ")
        .endsWith(" requests: every region of resources and context values the policies tell apart), but 2 requests of other "
            + "actions were allowed:\n  " + LIST_USERS_ALLOWED);
  }

  /** The test recorded a catalog without iam:ListUsers: the failure says AWS added it since. */
  @Test
  void anActionAddedToTheCatalogAfterTheTestIsCatalogDrift() {
    String message = TestKit.failureMessage(forceMfa, "listUsersIsNewerThanTheTest(IamScenario)");

    int catalog = AwsData.bundled().expandActionPattern("*").size();
    assertThat(message).contains("""
        but 2 requests of other actions were allowed
        Catalog drift: these actions were added to AWS's catalog after the test was written against iam-data 0.0.1-test \
        (target/may-only/catalog-without-list-users.txt, %d actions):
          iam:ListUsers was added to AWS's catalog after iam-data 0.0.1-test and is allowed by statement AllowAllUsersToListAccounts \
        (src/test/iam/force-mfa.json:4): iam:ListUsers on * as MFAUser (console sign-in without MFA)
        """.formatted(catalog - 1))
        .endsWith("Allow or deny them on purpose, then delete the snapshot file to write the current catalog to it.")
        .doesNotContain(LIST_USERS_ALLOWED);
  }

  @Test
  void aMissingSnapshotIsWrittenWithTheBundledCatalog() throws IOException {
    List<String> lines = Files.readAllLines(Path.of(MayOnlyExamples.NEW_CATALOG));
    List<String> catalog = AwsData.bundled().expandActionPattern("*");

    assertThat(lines.get(1)).startsWith("# iam-data " + AwsData.bundled().versions().iamData() + ", " + catalog.size() + " actions, sha256 ");
    assertThat(lines.subList(2, lines.size())).isEqualTo(catalog);
  }

  @Test
  void aPatternThatNamesNoActionFails() {
    assertThat(TestKit.failureMessage(forceMfa, "unknownPattern(IamScenario)")).startsWith("no action that AWS documents matches \"iam:Nothing*\"");
  }

  /**
   * Allowed only from 10.20.0.0/16: the default request (no aws:SourceIp) is denied, and the old
   * check passed; the search finds the region where it is allowed.
   */
  @Test
  void allAreDeniedIsProvedOverEveryRegionNotTheDefaultResourceOnly() {
    String message = TestKit.failureMessage(sourceIp, "s3IsAllowedFromTheOfficeOnly(IamScenario)");

    assertThat(message)
        .startsWith("Expecting every request of s3:* on each action's default resource as Analyst, and on every other region of "
            + "resources and context values the policies tell apart, to be denied, but over that complete request space (")
        // Every kind of credentials the user can sign with (CredentialKind.possibleFor), the last access keys.
        .contains(" 3 were allowed:\n  s3:GetObject on arn:aws:s3:::reports/ as Analyst with aws:SourceIp=10.20.0.0 (console sign-in with MFA)")
        .endsWith("\n  s3:GetObject on arn:aws:s3:::reports/ as Analyst with aws:SourceIp=10.20.0.0 "
            + "(long-term access keys): allowed by statement ReadFromTheOffice (src/test/iam/office-reads.json:4)");
    assertThat(TestKit.failures(sourceIp)).containsOnlyKeys("s3IsAllowedFromTheOfficeOnly(IamScenario)");
  }
}
