package com.example.iam;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import dev.iamunit.junit.AsUser;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.IamTest;
import dev.iamunit.junit.WithMFA;
import org.junit.jupiter.api.Test;

/**
 * Seed 000, "IAM: Allows IAM users to self-manage an MFA device" (terraform/modules/mfa-self-service,
 * written as a data "aws_iam_policy_document"): user mfa-self-service in group MFASelfService.
 */
@IamTest(terraform = "terraform")
@AsUser("mfa-self-service")
class SelfManageMfaTest {

  private static final String OWN_USER = "arn:aws:iam::123456789012:user/mfa-self-service";
  private static final String OTHER_USER = "arn:aws:iam::123456789012:user/MFAUser";

  /** "this policy denies access to all AWS actions except those necessary to authenticate using MFA". */
  @Test
  @SignedInWithoutMfa
  void everythingButMfaSetupIsDenied(IamScenario scenario) {
    assertThat(scenario.request("ec2:DescribeInstances")).isExplicitlyDenied().by("BlockMostAccessUnlessSignedInWithMFA");
    assertThat(scenario.request("s3:ListAllMyBuckets")).isExplicitlyDenied().by("BlockMostAccessUnlessSignedInWithMFA");
    assertThat(scenario.request("iam:DeactivateMFADevice").on(OWN_USER)).isExplicitlyDenied().by("BlockMostAccessUnlessSignedInWithMFA");
  }

  /** "This policy grants the permissions necessary to complete this action programmatically." */
  @Test
  @SignedInWithoutMfa
  void setsUpTheirMfaDeviceFromTheCli(IamScenario scenario) {
    assertThat(scenario.request("iam:ListUsers")).isAllowed().by("AllowListActions");
    assertThat(scenario.request("iam:ListVirtualMFADevices")).isAllowed().by("AllowListActions");
    assertThat(scenario.request("iam:CreateVirtualMFADevice").on("arn:aws:iam::123456789012:mfa/mfa-self-service"))
        .isAllowed().by("AllowUserToCreateVirtualMFADevice");
    assertThat(scenario.request("iam:EnableMFADevice").on(OWN_USER)).isAllowed().by("AllowUserToManageTheirOwnMFA");
    assertThat(scenario.request("iam:ListMFADevices").on(OWN_USER)).isAllowed().by("AllowUserToManageTheirOwnMFA");
    assertThat(scenario.request("iam:ResyncMFADevice").on(OWN_USER)).isAllowed().by("AllowUserToManageTheirOwnMFA");
    assertThat(scenario.request("iam:EnableMFADevice").on(OTHER_USER)).isImplicitlyDenied();
  }

  /** "AllowUserToDeactivateTheirOwnMFAOnlyWhenUsingMFA". */
  @Test
  @WithMFA
  void deactivatesTheirOwnMfaDeviceOnlyWithMfa(IamScenario scenario) {
    assertThat(scenario.request("iam:DeactivateMFADevice").on(OWN_USER)).isAllowed().by("AllowUserToDeactivateTheirOwnMFAOnlyWhenUsingMFA");
    assertThat(scenario.request("iam:DeactivateMFADevice").on(OTHER_USER)).isImplicitlyDenied();
  }

  /** The policy grants nothing outside IAM: with MFA the rest stays implicitly denied. */
  @Test
  @WithMFA
  void grantsNothingElseWithMfa(IamScenario scenario) {
    assertThat(scenario.request("ec2:DescribeInstances")).isImplicitlyDenied();
  }
}
