package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Example tests of {@code allAreDenied} and {@code mayOnly} against policies that grant access only
 * off the default request (see SpaceAssertionsRedTeamTests): each user of
 * src/test/iam/red-team-account is allowed something no request on an action's default resource,
 * with the scenario's own context, shows.
 */
@Examples
@IamTest(terraform = "src/test/iam/red-team-account")
final class SpaceAssertionsRedTeamExamples {

  @Test
  @AsUser("PrefixReader")
  void prefixReaderReadsNothing(IamScenario scenario) {
    assertThat(scenario.requests("s3:*")).allAreDenied();
  }

  @Test
  @AsUser("NotIam")
  void notIamUsesNoLambda(IamScenario scenario) {
    assertThat(scenario.requests("lambda:*")).allAreDenied();
  }

  @Test
  @AsUser("Home")
  void homeReadsNothing(IamScenario scenario) {
    assertThat(scenario.requests("s3:GetObject")).allAreDenied();
  }

  @Test
  @AsUser("Later")
  void laterReadsNothing(IamScenario scenario) {
    assertThat(scenario.requests("s3:GetObject")).allAreDenied();
  }

  @Test
  @AsUser("Later")
  @AtTime("2026-06-01T00:00:00Z")
  void laterReadsNothingInJune2026(IamScenario scenario) {
    assertThat(scenario.requests("s3:GetObject")).allAreDenied();
  }

  @Test
  @AsUser("SmallLists")
  void smallListsListsNothing(IamScenario scenario) {
    assertThat(scenario.requests("s3:ListBucket")).allAreDenied();
  }

  @Test
  @AsUser("TeamTagger")
  void teamTaggerTagsNothing(IamScenario scenario) {
    assertThat(scenario.requests("ec2:CreateTags")).allAreDenied();
  }

  @Test
  @AsUser("Partner")
  void partnerReadsNothing(IamScenario scenario) {
    assertThat(scenario.requests("s3:*")).allAreDenied();
  }

  @Test
  @AsUser("Partner")
  void partnerMayOnlyRead(IamScenario scenario) {
    assertThat(scenario).mayOnly("s3:GetObject", "sts:GetCallerIdentity", "sts:GetSessionToken");
  }

  @Test
  @AsUser("Bounded")
  void boundedMayOnlyRead(IamScenario scenario) {
    assertThat(scenario).mayOnly("s3:GetObject", "sts:GetCallerIdentity", "sts:GetSessionToken");
  }

  @Test
  @AsUser("Bounded")
  void boundedWritesNoObject(IamScenario scenario) {
    assertThat(scenario.requests("s3:PutObject")).allAreDenied();
  }

  @Test
  @AsUser("ManyTags")
  void manyTagsTagsNothing(IamScenario scenario) {
    assertThat(scenario.requests("ec2:CreateTags")).allAreDenied();
  }

  @Test
  @AsUser("ManyTags")
  void manyTagsMayDoNothing(IamScenario scenario) {
    assertThat(scenario).mayOnly("sts:GetCallerIdentity", "sts:GetSessionToken");
  }

  @Test
  @AsUser("MfaReader")
  @WithMFA
  void mfaReaderReadsNothingAfterSigningInWithMfa(IamScenario scenario) {
    assertThat(scenario.requests("s3:GetObject")).allAreDenied();
  }

  @Test
  @AsUser("MfaReader")
  void mfaReaderReadsNothingWhateverItsCredentials(IamScenario scenario) {
    assertThat(scenario.requests("s3:GetObject")).allAreDenied();
  }

  @Test
  @AsUser("MfaReader")
  @WithoutMFA
  void mfaReaderReadsNothingWithoutMfa(IamScenario scenario) {
    assertThat(scenario.requests("s3:GetObject")).allAreDenied();
  }
}
