package com.example.iam;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import dev.iamunit.assertj.IamSoftAssertions;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.junit.AsUser;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.IamTest;
import dev.iamunit.junit.PolicyCase;
import dev.iamunit.junit.PolicyCases;
import dev.iamunit.junit.WithCredentials;
import dev.iamunit.junit.WithMFA;
import dev.iamunit.junit.WithoutMFA;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Seed 003, AWS's tutorial "Enable your users to configure their own credentials and MFA
 * settings": user MFAUser in group EC2MFA, which has Force_MFA and AmazonEC2FullAccess attached
 * (terraform/modules/force-mfa-group).
 */
@IamTest(terraform = "terraform")
@AsUser("MFAUser")
class ForceMfaTest {

  private static final String OWN_USER = "arn:aws:iam::123456789012:user/MFAUser";
  private static final String OWN_MFA = "arn:aws:iam::123456789012:mfa/MFAUser";
  private static final String OTHER_USER = "arn:aws:iam::123456789012:user/OtherUser";
  private static final String OTHER_MFA = "arn:aws:iam::123456789012:mfa/OtherUser";

  /** "Choose EC2 ... and verify that the user has no permissions to do anything." */
  @Nested
  @WithoutMFA
  class BeforeSigningInWithMfa {

    /**
     * "This statement ensures that when the user is not signed-in with MFA that they can perform
     * only the listed actions" — for a console session and for access keys, because "the
     * ...IfExists version of the Bool operator ensures that if the aws:MultiFactorAuthPresent key
     * is missing, the condition returns true".
     */
    @Test
    void ec2IsExplicitlyDenied(IamScenario scenario) {
      IamSoftAssertions.assertSoftly(softly -> {
        softly.assertThat(scenario.request("ec2:DescribeInstances")).isExplicitlyDenied().by("BlockMostAccessUnlessSignedInWithMFA");
        softly.assertThat(scenario.request("ec2:RunInstances")).isExplicitlyDenied().by("BlockMostAccessUnlessSignedInWithMFA");
        softly.assertThat(scenario.request("ec2:TerminateInstances").on("arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0"))
            .isExplicitlyDenied().by("BlockMostAccessUnlessSignedInWithMFA");
      });
    }

    /** "verify that the user has no permissions to do anything" in EC2: every EC2 action. */
    @Test
    void noEc2ActionIsAllowed(IamScenario scenario) {
      assertThat(scenario.requests("ec2:*")).allAreDenied();
    }

    /** "enables the user to see basic information about the account and its users in the IAM console". */
    @Test
    void seesAccountAndUserBasics(IamScenario scenario) {
      assertThat(scenario.request("iam:ListUsers")).isAllowed().by("AllowAllUsersToListAccounts");
      assertThat(scenario.request("iam:ListAccountAliases")).isAllowed().by("AllowAllUsersToListAccounts");
      assertThat(scenario.request("iam:GetAccountSummary")).isAllowed().by("AllowAllUsersToListAccounts");
      assertThat(scenario.request("iam:ListVirtualMFADevices")).isAllowed().by("AllowAllUsersToListAccounts");
    }

    /** "Users can't create or alter any MFA device other than their own." */
    @Test
    void createsAndEnablesOnlyTheirOwnVirtualMfaDevice(IamScenario scenario) {
      assertThat(scenario.request("iam:CreateVirtualMFADevice").on(OWN_MFA)).isAllowed().by("AllowIndividualUserToManageTheirOwnMFA");
      assertThat(scenario.request("iam:EnableMFADevice").on(OWN_USER)).isAllowed().by("AllowIndividualUserToManageTheirOwnMFA");
      assertThat(scenario.request("iam:CreateVirtualMFADevice").on(OTHER_MFA)).isImplicitlyDenied();
      assertThat(scenario.request("iam:EnableMFADevice").on(OTHER_USER)).isImplicitlyDenied();
    }

    /** "enables the user to list their own MFA device ... Users can't list the MFA devices of other users." */
    @Test
    void listsAndResyncsOnlyTheirOwnMfa(IamScenario scenario) {
      assertThat(scenario.request("iam:ListMFADevices").on(OWN_USER)).isAllowed().by("AllowIndividualUserToListOnlyTheirOwnMFA");
      assertThat(scenario.request("iam:ResyncMFADevice").on(OWN_USER)).isAllowed().by("AllowIndividualUserToManageTheirOwnMFA");
      assertThat(scenario.request("iam:ListMFADevices").on(OTHER_USER)).isImplicitlyDenied();
      assertThat(scenario.request("iam:ResyncMFADevice").on(OTHER_USER)).isImplicitlyDenied();
    }

    /** "note that it says that you don't have permissions to see your group memberships." */
    @Test
    void cannotSeeTheirGroupMemberships(IamScenario scenario) {
      assertThat(scenario.request("iam:ListGroupsForUser").on(OWN_USER)).isDenied();
    }

    /** "allows the user to deactivate only their own MFA device, and only if the user signed in using MFA". */
    @Test
    void cannotDeactivateTheirMfaDevice(IamScenario scenario) {
      assertThat(scenario.request("iam:DeactivateMFADevice").on(OWN_USER)).isExplicitlyDenied().by("BlockMostAccessUnlessSignedInWithMFA");
    }

    /** ChangePassword is allowed by a statement but not listed in BlockMostAccessUnlessSignedInWithMFA's NotAction. */
    @Test
    void cannotChangeTheirPassword(IamScenario scenario) {
      assertThat(scenario.request("iam:ChangePassword").on(OWN_USER)).isExplicitlyDenied().by("BlockMostAccessUnlessSignedInWithMFA");
    }

    /**
     * sts:GetSessionToken is listed in the NotAction, and AWS does not authorize it through
     * policies at all ("Permissions for GetSessionToken"): the user can always get MFA session
     * credentials for the CLI.
     */
    @Test
    void canGetSessionCredentials(IamScenario scenario) {
      assertThat(scenario.request("sts:GetSessionToken")).isAllowed();
    }
  }

  /** "Note that this time you can see all the information and perform any actions you want." */
  @Nested
  @WithMFA
  class AfterSigningInWithMfa {

    @Test
    void ec2IsFullyAllowed(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances").on("arn:aws:ec2:us-east-1:123456789012:instance/*")).isAllowed();
      assertThat(scenario.requests("ec2:*")).allAreAllowed();
    }

    /** "If you go to any other console as this user, you see access denied messages." */
    @Test
    void otherServicesStayImplicitlyDenied(IamScenario scenario) {
      assertThat(scenario.request("s3:ListAllMyBuckets")).isImplicitlyDenied();
      assertThat(scenario.request("lambda:ListFunctions")).isImplicitlyDenied();
      assertThat(scenario.request("dynamodb:ListTables")).isImplicitlyDenied();
    }

    @Test
    void deactivatesOnlyTheirOwnMfaDevice(IamScenario scenario) {
      assertThat(scenario.request("iam:DeactivateMFADevice").on(OWN_MFA))
          .isAllowed().by("AllowIndividualUserToDeactivateOnlyTheirOwnMFAOnlyWhenUsingMFA");
      assertThat(scenario.request("iam:DeactivateMFADevice").on(OTHER_USER)).isImplicitlyDenied();
    }

    /** "enables the user to manage their own user, password, access keys, signing certificates, SSH public keys". */
    @Test
    void managesOnlyTheirOwnCredentials(IamScenario scenario) {
      String sid = "AllowIndividualUserToSeeAndManageOnlyTheirOwnAccountInformation";
      for (String action : new String[] {"iam:ChangePassword", "iam:CreateAccessKey", "iam:UpdateAccessKey", "iam:DeleteAccessKey",
          "iam:UploadSigningCertificate", "iam:UploadSSHPublicKey", "iam:CreateLoginProfile"}) {
        assertThat(scenario.request(action).on(OWN_USER)).isAllowed().by(sid);
        assertThat(scenario.request(action).on(OTHER_USER)).isImplicitlyDenied();
      }
    }

    @Test
    void stillCannotSeeTheirGroupMemberships(IamScenario scenario) {
      assertThat(scenario.request("iam:ListGroupsForUser").on(OWN_USER)).isImplicitlyDenied();
    }
  }

  /**
   * Seed 001: "IAM users must first retrieve their MFA token using the AWS STS GetSessionToken
   * operation and then use that token to authenticate the desired operation."
   */
  @Test
  @WithCredentials(CredentialKind.SESSION_TOKEN_WITH_MFA)
  void mfaSessionCredentialsReachEc2(IamScenario scenario) {
    assertThat(scenario.request("ec2:DescribeInstances")).isAllowed();
  }

  @Test
  @WithCredentials(CredentialKind.SESSION_TOKEN_WITHOUT_MFA)
  void sessionCredentialsWithoutMfaDoNot(IamScenario scenario) {
    assertThat(scenario.request("ec2:DescribeInstances")).isExplicitlyDenied().by("BlockMostAccessUnlessSignedInWithMFA");
  }

  /** The claims above as a table a reviewer can extend: src/test/resources/force-mfa-cases.csv. */
  @ParameterizedTest
  @PolicyCases("src/test/resources/force-mfa-cases.csv")
  @WithoutMFA
  void withoutMfa(PolicyCase row, IamScenario scenario) {
    assertThat(row.in(scenario)).isDecidedAs(row.expected());
  }

  /** Another member of the group is bound by the same policies. */
  @Test
  @WithoutMFA
  void theGroupBindsEveryMember(IamScenario scenario) {
    assertThat(scenario.request("ec2:RunInstances").as(IamPrincipal.user("MFAUser"))).isExplicitlyDenied();
  }
}
