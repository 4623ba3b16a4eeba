package com.example.iam;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import dev.iamunit.assertj.IamSoftAssertions;
import dev.iamunit.junit.AsUser;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.IamTest;
import dev.iamunit.junit.WithMFA;
import org.junit.jupiter.api.Test;

/**
 * Seed 004, "AWS: Allows MFA-authenticated IAM users to manage their own credentials on the My
 * Security Credentials page" (cloudformation/credentials.yaml, ManageOwnCredentialsPolicy): user
 * credentials-user, added to group SelfServiceCredentials by a UserToGroupAddition.
 */
@IamTest(cloudFormation = "cloudformation")
@AsUser("credentials-user")
class ManageOwnCredentialsTest {

  private static final String OWN_USER = "arn:aws:iam::123456789012:user/credentials-user";
  private static final String OTHER_USER = "arn:aws:iam::123456789012:user/mfa-only-user";

  /** "Users can also view and edit their own passwords, access keys, MFA devices, X.509 certificates, and SSH keys and Git credentials." */
  @Test
  @WithMFA
  void managesTheirOwnCredentialsWithMfa(IamScenario scenario) {
    IamSoftAssertions.assertSoftly(softly -> {
      softly.assertThat(scenario.request("iam:ChangePassword").on(OWN_USER)).isAllowed().by("AllowManageOwnPasswords");
      softly.assertThat(scenario.request("iam:CreateAccessKey").on(OWN_USER)).isAllowed().by("AllowManageOwnAccessKeys");
      softly.assertThat(scenario.request("iam:UploadSigningCertificate").on(OWN_USER)).isAllowed().by("AllowManageOwnSigningCertificates");
      softly.assertThat(scenario.request("iam:UploadSSHPublicKey").on(OWN_USER)).isAllowed().by("AllowManageOwnSSHPublicKeys");
      softly.assertThat(scenario.request("iam:CreateServiceSpecificCredential").on(OWN_USER)).isAllowed().by("AllowManageOwnGitCredentials");
      softly.assertThat(scenario.request("iam:GetAccountSummary")).isAllowed().by("AllowViewAccountInfo");
    });
  }

  /** The resource ARN "limits the use of these permissions to only the user's own IAM user". */
  @Test
  @WithMFA
  void neverAnotherUsersCredentials(IamScenario scenario) {
    for (String action : new String[] {"iam:ChangePassword", "iam:CreateAccessKey", "iam:DeleteSigningCertificate",
        "iam:DeleteSSHPublicKey", "iam:ResetServiceSpecificCredential"}) {
      assertThat(scenario.request(action).on(OTHER_USER)).isImplicitlyDenied();
    }
  }

  /**
   * "This example policy does not allow users to reset a password while signing in ...
   * iam:ChangePassword action should not be allowed without MFA authorization."
   */
  @Test
  @SignedInWithoutMfa
  void cannotChangeTheirPasswordWithoutMfa(IamScenario scenario) {
    assertThat(scenario.request("iam:ChangePassword").on(OWN_USER)).isExplicitlyDenied().by("DenyAllExceptListedIfNoMFA");
    assertThat(scenario.request("iam:CreateAccessKey").on(OWN_USER)).isExplicitlyDenied().by("DenyAllExceptListedIfNoMFA");
  }

  /** "It also requires the user to set up and authenticate using MFA before performing any other operations in AWS." */
  @Test
  @SignedInWithoutMfa
  void setsUpMfaBeforeAnythingElse(IamScenario scenario) {
    assertThat(scenario.request("iam:CreateVirtualMFADevice").on("arn:aws:iam::123456789012:mfa/credentials-user"))
        .isAllowed().by("AllowManageOwnVirtualMFADevice");
    assertThat(scenario.request("iam:ResyncMFADevice").on(OWN_USER)).isAllowed().by("AllowManageOwnUserMFA");
    assertThat(scenario.request("iam:ListVirtualMFADevices")).isAllowed().by("AllowViewAccountInfo");
    assertThat(scenario.request("iam:GetAccountPasswordPolicy")).isExplicitlyDenied().by("DenyAllExceptListedIfNoMFA");
  }

  /** Its tags reach the request context as aws:PrincipalTag/team. */
  @Test
  @WithMFA
  void principalTagsComeFromTheTemplate(IamScenario scenario) {
    org.assertj.core.api.Assertions.assertThat(
            scenario.request("iam:GetUser").on(OWN_USER).evaluations().get(0).request().context().get("aws:PrincipalTag/team"))
        .hasValueSatisfying(entry -> org.assertj.core.api.Assertions.assertThat(entry.value()).isEqualTo("platform"));
  }
}
