package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.model.Account;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seed 003, "Tutorial: Enable your users to configure their own credentials and MFA settings":
 * group EC2MFA with Force_MFA and AmazonEC2FullAccess, user MFAUser in it.
 */
class ForceMfaTests {

  private static final String ACCOUNT = "111122223333";
  private static final String FORCE_MFA_ARN = "arn:aws:iam::" + ACCOUNT + ":policy/Force_MFA";
  private static final String EC2_FULL_ACCESS_ARN = "arn:aws:iam::aws:policy/AmazonEC2FullAccess";
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  private static Account account(Policy forceMfa) {
    String ec2FullAccess = AwsData.bundled().managedPolicy(EC2_FULL_ACCESS_ARN).orElseThrow().document();
    return Account.builder()
        .id(ACCOUNT)
        .managedPolicy(new ManagedPolicy(FORCE_MFA_ARN, "Force_MFA", "/", forceMfa, false))
        .managedPolicy(new ManagedPolicy(
            EC2_FULL_ACCESS_ARN, "AmazonEC2FullAccess", "/",
            PolicyParser.parse(ec2FullAccess, "aws:AmazonEC2FullAccess", PolicyKind.IDENTITY, "AmazonEC2FullAccess"), true))
        .group(new Group("EC2MFA", "/", "arn:aws:iam::" + ACCOUNT + ":group/EC2MFA", List.of(),
            List.of(FORCE_MFA_ARN, EC2_FULL_ACCESS_ARN), SourceLocation.UNKNOWN))
        .user(user("MFAUser"))
        .user(user("OtherUser"))
        .build();
  }

  private static User user(String name) {
    return new User(name, "/", "arn:aws:iam::" + ACCOUNT + ":user/" + name, Map.of(), List.of("EC2MFA"), List.of(),
        List.of(), Optional.empty(), SourceLocation.UNKNOWN);
  }

  private static final Account ACCOUNT_WITH_SEED = account(Seeds.policy("003", "Force_MFA"));

  private static Decision decide(Account account, String action, String resource, CredentialKind credentials) {
    Caller caller = Caller.user(account, "MFAUser");
    return Evaluator.standard().explain(caller.request(action, resource, credentials, NOW, Map.of()));
  }

  private static Decision decide(String action, String resource, CredentialKind credentials) {
    return decide(ACCOUNT_WITH_SEED, action, resource, credentials);
  }

  private static List<String> sids(Decision decision) {
    return decision.deciding().stream().map(r -> r.statement().sid().orElse("#" + r.statement().index())).toList();
  }

  /**
   * "Sign in as the test user to verify that access to Amazon EC2 is blocked until the user
   * creates an MFA device"; "The ...IfExists version of the Bool operator ensures that if the
   * aws:MultiFactorAuthPresent key is missing, the condition returns true. This means that a user
   * accessing an API with long-term credentials, such as an access key, is denied access".
   */
  @ParameterizedTest
  @EnumSource(value = CredentialKind.class, names = {"CONSOLE_WITHOUT_MFA", "ACCESS_KEYS"})
  void ec2IsExplicitlyDeniedWithoutMfa(CredentialKind credentials) {
    for (String action : List.of("ec2:RunInstances", "ec2:DescribeInstances", "ec2:TerminateInstances")) {
      Decision decision = decide(action, "*", credentials);
      assertThat(decision.outcome()).as(action).isEqualTo(Outcome.EXPLICIT_DENY);
      assertThat(sids(decision)).containsExactly("BlockMostAccessUnlessSignedInWithMFA");
    }
  }

  /** "Note that this time you can see all the information and perform any actions you want." */
  @Test
  void ec2IsAllowedWithMfaByAmazonEc2FullAccess() {
    Decision decision = decide("ec2:RunInstances", "arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/*", CredentialKind.CONSOLE_WITH_MFA);
    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.deciding()).extracting(r -> r.policy().name()).containsOnly("AmazonEC2FullAccess");
  }

  /** "the policies in this tutorial grant access only to Amazon EC2". */
  @Test
  void otherServicesStayImplicitlyDeniedWithMfa() {
    assertThat(decide("s3:ListAllMyBuckets", "*", CredentialKind.CONSOLE_WITH_MFA).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(decide("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:f", CredentialKind.CONSOLE_WITH_MFA).outcome())
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  /** "Users can't create or alter any MFA device other than their own." */
  @ParameterizedTest
  @EnumSource(value = CredentialKind.class, names = {"CONSOLE_WITHOUT_MFA", "ACCESS_KEYS"})
  void createsOnlyTheirOwnVirtualMfaDeviceWithoutMfa(CredentialKind credentials) {
    Decision own = decide("iam:CreateVirtualMFADevice", "arn:aws:iam::" + ACCOUNT + ":mfa/MFAUser", credentials);
    Decision other = decide("iam:CreateVirtualMFADevice", "arn:aws:iam::" + ACCOUNT + ":mfa/OtherUser", credentials);
    assertThat(own.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(sids(own)).containsExactly("AllowIndividualUserToManageTheirOwnMFA");
    assertThat(other.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  /**
   * "allows the user to deactivate only their own MFA device, and only if the user signed in
   * using MFA": without MFA the Deny applies (DeactivateMFADevice is not in its NotAction).
   */
  @Test
  void deactivatesOwnMfaDeviceOnlyWithMfa() {
    String own = "arn:aws:iam::" + ACCOUNT + ":user/MFAUser";
    assertThat(decide("iam:DeactivateMFADevice", own, CredentialKind.CONSOLE_WITHOUT_MFA).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decide("iam:DeactivateMFADevice", own, CredentialKind.ACCESS_KEYS).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    Decision withMfa = decide("iam:DeactivateMFADevice", own, CredentialKind.CONSOLE_WITH_MFA);
    assertThat(withMfa.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(sids(withMfa)).containsExactly("AllowIndividualUserToDeactivateOnlyTheirOwnMFAOnlyWhenUsingMFA");
    assertThat(decide("iam:DeactivateMFADevice", "arn:aws:iam::" + ACCOUNT + ":user/OtherUser", CredentialKind.CONSOLE_WITH_MFA).outcome())
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  /** Listing and resyncing their own MFA are in the NotAction: allowed without MFA. */
  @ParameterizedTest
  @ValueSource(strings = {"iam:ListMFADevices", "iam:ResyncMFADevice", "iam:EnableMFADevice"})
  void managesOwnMfaWithoutMfa(String action) {
    assertThat(decide(action, "arn:aws:iam::" + ACCOUNT + ":user/MFAUser", CredentialKind.CONSOLE_WITHOUT_MFA).outcome())
        .isEqualTo(Outcome.ALLOWED);
    assertThat(decide(action, "arn:aws:iam::" + ACCOUNT + ":user/OtherUser", CredentialKind.CONSOLE_WITHOUT_MFA).outcome())
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  /** "It says that you don't have permissions to see your group memberships." */
  @Test
  void cannotSeeGroupMemberships() {
    assertThat(decide("iam:ListGroupsForUser", "arn:aws:iam::" + ACCOUNT + ":user/MFAUser", CredentialKind.CONSOLE_WITH_MFA).outcome())
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  /** ChangePassword is allowed by a statement but not in the NotAction: denied until MFA. */
  @Test
  void changesPasswordOnlyWithMfa() {
    String own = "arn:aws:iam::" + ACCOUNT + ":user/MFAUser";
    assertThat(decide("iam:ChangePassword", own, CredentialKind.CONSOLE_WITHOUT_MFA).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decide("iam:ChangePassword", own, CredentialKind.CONSOLE_WITH_MFA).outcome()).isEqualTo(Outcome.ALLOWED);
  }

  /**
   * The mistake BoolIfExists avoids: with plain Bool, "false" is not "absent", so requests signed
   * with long-term access keys escape the Deny while console sessions without MFA do not.
   */
  @Test
  void plainBoolLetsAccessKeysEscapeTheDeny() {
    String withBool = Seeds.json("003").replace("\"BoolIfExists\"", "\"Bool\"");
    Account account = account(PolicyParser.parse(withBool, "seeds/003-bool", PolicyKind.IDENTITY, "Force_MFA"));
    assertThat(decide(account, "ec2:RunInstances", "*", CredentialKind.CONSOLE_WITHOUT_MFA).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decide(account, "ec2:RunInstances", "*", CredentialKind.ACCESS_KEYS).outcome()).isEqualTo(Outcome.ALLOWED);
  }

  /**
   * "To use the AWS CLI and AWS API, IAM users must first retrieve their MFA token using the AWS
   * STS GetSessionToken operation" (seed 001): GetSessionToken needs no permission, and EC2 calls
   * with the MFA session credentials succeed.
   */
  @Test
  void getSessionTokenIsOutsidePoliciesAndItsMfaCredentialsReachEc2() {
    Decision token = decide("sts:GetSessionToken", "*", CredentialKind.ACCESS_KEYS);
    assertThat(token.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(token.outsidePolicies()).hasValueSatisfying(why -> assertThat(why).contains("GetSessionToken"));
    assertThat(decide("ec2:RunInstances", "*", CredentialKind.SESSION_TOKEN_WITH_MFA).outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decide("ec2:RunInstances", "*", CredentialKind.SESSION_TOKEN_WITHOUT_MFA).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
  }

  /** "You cannot call any IAM API operations unless MFA information is included with the request." */
  @Test
  void sessionTokenWithoutMfaCannotCallIam() {
    Decision decision = decide("iam:ListMFADevices", "arn:aws:iam::" + ACCOUNT + ":user/MFAUser", CredentialKind.SESSION_TOKEN_WITHOUT_MFA);
    assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(decision.explanation().reasons()).singleElement().asString().contains("cannot call IAM");
  }

  @Test
  void explanationShowsTheConditionValues() {
    Decision decision = decide("ec2:RunInstances", "*", CredentialKind.ACCESS_KEYS);
    StatementResult deny = decision.deciding().get(0);
    assertThat(deny.conditions()).singleElement()
        .satisfies(condition -> assertThat(condition.met()).isTrue())
        .satisfies(condition -> assertThat(condition.requestValue()).isEmpty());
    assertThat(DecisionText.explanation(decision, Optional.empty()))
        .contains("\n      BoolIfExists aws:MultiFactorAuthPresent \"false\" (request: absent) → met\n");
    assertThat(deny.statement().location().line()).isPositive();
  }

  @Test
  void everySeedPolicyParses() {
    for (String seed : List.of("000", "001", "003", "004")) {
      assertThat(Seeds.policy(seed, seed).statements()).as(seed).isNotEmpty();
    }
  }
}
