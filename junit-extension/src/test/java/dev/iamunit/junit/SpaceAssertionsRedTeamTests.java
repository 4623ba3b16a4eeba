package dev.iamunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code allAreDenied} (the issue's {@code noneAreAllowed}) and {@code mayOnly} red-teamed as a user
 * would (audit of issue 26): each user of src/test/iam/red-team-account is allowed something only
 * off the default request (another resource, another value of a condition key, a policy the user
 * does not hold), so a check of each action's default request would pass. Each check must fail
 * naming a request that is allowed and the statement that allows it; where the policies hold, it
 * must pass; where part of the space is sampled, it must fail saying so even though the sample
 * found nothing.
 */
class SpaceAssertionsRedTeamTests {

  private static final String FILE = " (src/test/iam/red-team-account/main.tf:";

  private static EngineExecutionResults results;

  @BeforeAll
  static void run() {
    results = TestKit.run(SpaceAssertionsRedTeamExamples.class);
  }

  private static String failure(String test) {
    return TestKit.failureMessage(results, test + "(IamScenario)");
  }

  /** s3 only under data/team-a/: no default request of s3:* is allowed, the prefix's requests are. */
  @Test
  void aBucketPrefixGrantIsFoundAndNamed() {
    assertThat(failure("prefixReaderReadsNothing"))
        .startsWith("Expecting every request of s3:* on each action's default resource as PrefixReader, and on every other region")
        .contains("\n  s3:GetObject on arn:aws:s3:::data/team-a/ as PrefixReader (long-term access keys): allowed by statement "
            + "TeamPrefixOnly" + FILE + "14)")
        .contains("\n  s3:PutObject on arn:aws:s3:::data/team-a/ as PrefixReader (long-term access keys): allowed by statement "
            + "TeamPrefixOnly" + FILE + "14)");
  }

  /**
   * "NotAction ... with the Allow effect ... allows access to all of the actions that aren't
   * listed" (IAM User Guide, IAM JSON policy elements: NotAction): Lambda, which the policy never
   * names, on its resources.
   */
  @Test
  void aNotActionAllowOpensAServiceThePolicyNeverNames() {
    assertThat(failure("notIamUsesNoLambda"))
        .contains("\n  lambda:AddPermission on arn:aws:lambda:us-east-1:123456789012:function:example as NotIam (and 51 more "
            + "actions the policies treat alike) (console sign-in with MFA): allowed by statement AllButIam" + FILE + "33)");
  }

  /** "${aws:username}" ties the resource to the principal: the user's own folder is found. */
  @Test
  void aUsernameVariableIsResolvedToTheUsersOwnResource() {
    assertThat(failure("homeReadsNothing")).contains("(1 action, 21 requests) 3 were allowed:\n")
        .endsWith("  s3:GetObject on arn:aws:s3:::home/Home/ as Home (long-term access keys): allowed by statement OwnFolder" + FILE + "52)");
  }

  /**
   * Without {@code @AtTime} the time is a dimension like any other: the window from 2099 is found;
   * with it, the time stays as given and nothing is allowed.
   */
  @Test
  void aDateWindowIsFoundUnlessTheTestFixesTheTime() {
    assertThat(failure("laterReadsNothing"))
        .contains("\n  s3:GetObject on arn:aws:s3:::shared/ as Later with aws:CurrentTime=2099-01-01T00:00:00Z, aws:EpochTime=4070908800, "
            + "aws:TokenIssueTime=2098-12-31T23:55:00Z, aws:MultiFactorAuthAge=300 (console sign-in with MFA): "
            + "allowed by statement From2099" + FILE + "71)");
    assertThat(TestKit.failures(results)).doesNotContainKey("laterReadsNothingInJune2026(IamScenario)");
  }

  /** NumericLessThanEquals holds at the constant itself ("Numeric condition operators", Condition operators). */
  @Test
  void anInclusiveNumericLimitIsFoundAtTheConstant() {
    assertThat(failure("smallListsListsNothing"))
        .contains("\n  s3:ListBucket on arn:aws:s3:::example as SmallLists with s3:max-keys=10 (console sign-in with MFA): "
            + "allowed by statement AtMostTenKeys" + FILE + "91)")
        .doesNotContain("s3:max-keys=11");
  }

  /**
   * "ForAllValues ... returns true if ... the key is not present in the request context, or ...
   * resolves to an empty data set" (IAM User Guide, Set operators for multivalued context keys).
   */
  @Test
  void forAllValuesIsFoundForTheEmptySetAndTheMissingKey() {
    assertThat(failure("teamTaggerTagsNothing"))
        .contains("\n  ec2:CreateTags on * as TeamTagger (long-term access keys): allowed by statement OnlyTheTeamTag" + FILE + "111)")
        .contains("\n  ec2:CreateTags on * as TeamTagger with aws:TagKeys=[] (long-term access keys): allowed by statement OnlyTheTeamTag")
        .contains("\n  ec2:CreateTags on * as TeamTagger with aws:TagKeys=team (long-term access keys): allowed by statement OnlyTheTeamTag");
  }

  /** A bucket policy that names the user grants what no identity policy of the user does. */
  @Test
  void aResourcePolicyGrantIsFound() {
    assertThat(failure("partnerReadsNothing")).contains("(180 actions, 30 requests) 3 were allowed:\n")
        .endsWith("  s3:GetObject on arn:aws:s3:::shared/ as Partner (long-term access keys): allowed by statement PartnerReads" + FILE + "134)");
  }

  /**
   * "the effective permissions ... are the intersection of the identity-based policy and the
   * permissions boundary" (IAM User Guide, Permissions boundaries for IAM entities): s3:* in the
   * user's policy, s3:GetObject in its boundary, so the proofs that it does nothing else hold. A
   * bucket policy naming another user changes nothing for this one.
   */
  @Test
  void theProofsHoldWhereThePoliciesDo() {
    assertThat(TestKit.failures(results)).doesNotContainKeys(
        "boundedMayOnlyRead(IamScenario)", "boundedWritesNoObject(IamScenario)", "partnerMayOnlyRead(IamScenario)");
  }

  /**
   * A Deny over eight tag keys has more regions of aws:TagKeys than the complete space enumerates:
   * nothing is allowed in the sample, and both checks still fail, saying which key made the space
   * fall back.
   */
  @Test
  void aSampledSpaceNeverPassesAndSaysWhichDimensionExploded() {
    String why = "\n  ec2:CreateTags: aws:TagKeys is multivalued with 9 regions of values: the empty set, each value alone and all "
        + "together stand for the 2^9 sets\n";
    assertThat(failure("manyTagsTagsNothing"))
        .startsWith("Expecting a proof that every request of ec2:CreateTags on each action's default resource as ManyTags is denied, "
            + "but part of the request space was sampled, not proved (a sample proves nothing)")
        .contains(why);
    assertThat(failure("manyTagsMayDoNothing"))
        .startsWith("Expecting a proof that ManyTags may only use sts:GetCallerIdentity, sts:GetSessionToken, but part of the request "
            + "space was sampled, not proved")
        .contains(why);
  }

  /**
   * "aws:MultiFactorAuthPresent ... true" only for credentials signed in with MFA (AWS global
   * condition context keys): the credentials are the scenario's, so under {@code @WithMFA} the
   * search finds the reads.
   */
  @Test
  void aGrantUnderMfaIsFoundWithTheScenariosMfaCredentials() {
    assertThat(failure("mfaReaderReadsNothingAfterSigningInWithMfa")).contains(
        "\n  s3:GetObject on * as MfaReader (console sign-in with MFA): allowed by statement ReadsWithMfa" + FILE);
  }

  /**
   * A test that names no credentials searches every kind the user can sign with, the diff's list
   * (CredentialKind.possibleFor): the read allowed only with MFA is found under console sign-in
   * with MFA, although the scenario's own requests are signed with access keys. A test that says
   * {@code @WithoutMFA} searches only the kinds without MFA, where nothing is allowed.
   */
  @Test
  void withoutCredentialsNamedEveryKindTheUserCanSignWithIsSearched() {
    assertThat(failure("mfaReaderReadsNothingWhateverItsCredentials")).contains(
        "\n  s3:GetObject on * as MfaReader (console sign-in with MFA): allowed by statement ReadsWithMfa" + FILE)
        .doesNotContain("(long-term access keys): allowed").doesNotContain("(console sign-in without MFA): allowed");
    assertThat(TestKit.failures(results)).doesNotContainKey("mfaReaderReadsNothingWithoutMfa(IamScenario)");
  }
}
