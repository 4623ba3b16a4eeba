package com.example.iam;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import dev.iamunit.junit.AsUser;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.IamTest;
import dev.iamunit.junit.WithMFA;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Seed 001, "AWS: Allows MFA-authenticated IAM users to manage their own MFA device on the My
 * Security Credentials page" (cloudformation/credentials.yaml, ManageOwnMfaOnlyPolicy): user
 * mfa-only-user in group MfaOnlyUsers.
 */
@IamTest(cloudFormation = "cloudformation")
@AsUser("mfa-only-user")
class ManageOwnMfaOnlyTest {

  private static final String OWN_USER = "arn:aws:iam::123456789012:user/mfa-only-user";
  private static final String OWN_MFA = "arn:aws:iam::123456789012:mfa/mfa-only-user";
  private static final String OTHER_USER = "arn:aws:iam::123456789012:user/credentials-user";
  private static final String OTHER_MFA = "arn:aws:iam::123456789012:mfa/credentials-user";

  @Nested
  @SignedInWithoutMfa
  class WithoutMfa {

    /** "denies access to every action in all AWS services, except a few listed actions, but only if the user is not signed in with MFA". */
    @Test
    void everythingElseIsExplicitlyDenied(IamScenario scenario) {
      assertThat(scenario.request("ec2:DescribeInstances")).isExplicitlyDenied().by("DenyAllExceptListedIfNoMFA");
      assertThat(scenario.request("s3:ListAllMyBuckets")).isExplicitlyDenied().by("DenyAllExceptListedIfNoMFA");
    }

    /** "allows the user to view details about a virtual MFA device"; "allows the user to create ... their own virtual MFA device". */
    @Test
    void setsUpTheirOwnMfaDevice(IamScenario scenario) {
      assertThat(scenario.request("iam:ListVirtualMFADevices")).isAllowed().by("AllowViewAccountInfo");
      assertThat(scenario.request("iam:CreateVirtualMFADevice").on(OWN_MFA)).isAllowed().by("AllowManageOwnVirtualMFADevice");
      assertThat(scenario.request("iam:EnableMFADevice").on(OWN_USER)).isAllowed().by("AllowManageOwnUserMFA");
      assertThat(scenario.request("iam:GetUser").on(OWN_USER)).isAllowed().by("AllowManageOwnUserMFA");
    }

    /** "Users can't create or delete any virtual MFA device other than their own." */
    @Test
    void neverAnotherUsersDevice(IamScenario scenario) {
      assertThat(scenario.request("iam:CreateVirtualMFADevice").on(OTHER_MFA)).isImplicitlyDenied();
      assertThat(scenario.request("iam:EnableMFADevice").on(OTHER_USER)).isImplicitlyDenied();
    }

    /**
     * "Users that are not authenticated using MFA should never be allowed to delete their MFA
     * device": DeleteVirtualMFADevice is allowed by AllowManageOwnVirtualMFADevice but not listed
     * in the NotAction.
     */
    @Test
    void cannotDeleteTheirMfaDevice(IamScenario scenario) {
      assertThat(scenario.request("iam:DeleteVirtualMFADevice").on(OWN_MFA)).isExplicitlyDenied().by("DenyAllExceptListedIfNoMFA");
      assertThat(scenario.request("iam:DeactivateMFADevice").on(OWN_USER)).isExplicitlyDenied().by("DenyAllExceptListedIfNoMFA");
    }

    /**
     * "IAM users must first retrieve their MFA token using the AWS STS GetSessionToken operation":
     * it is left out of the deny, and AWS does not authorize it through policies anyway.
     */
    @Test
    void getsSessionCredentials(IamScenario scenario) {
      assertThat(scenario.request("sts:GetSessionToken")).isAllowed();
    }

    /** "This policy does not allow users to view the Users page in the IAM console." */
    @Test
    void cannotListUsers(IamScenario scenario) {
      assertThat(scenario.request("iam:ListUsers")).isDenied();
    }
  }

  @Nested
  @WithMFA
  class SignedInWithMfa {

    @Test
    void managesTheirOwnMfaDevice(IamScenario scenario) {
      assertThat(scenario.request("iam:DeleteVirtualMFADevice").on(OWN_MFA)).isAllowed().by("AllowManageOwnVirtualMFADevice");
      assertThat(scenario.request("iam:DeactivateMFADevice").on(OWN_USER)).isAllowed().by("AllowManageOwnUserMFA");
      assertThat(scenario.request("iam:DeleteVirtualMFADevice").on(OTHER_MFA)).isImplicitlyDenied();
    }

    /** "In this case, other policies or statements for the user determine the user's permissions": here, none. */
    @Test
    void grantsNothingElse(IamScenario scenario) {
      assertThat(scenario.request("ec2:DescribeInstances")).isImplicitlyDenied();
    }
  }
}
