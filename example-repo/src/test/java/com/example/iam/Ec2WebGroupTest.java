package com.example.iam;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import dev.iamunit.junit.AsUser;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.IamTest;
import dev.iamunit.junit.WithMFA;
import org.junit.jupiter.api.Test;

/**
 * Seed 002, "AWS IAM policy to let users manage their own MFA": group ec2webgroup with user
 * ec2webuser, IAMUsersMFAManagement (terraform/main.tf, jsonencode) and AmazonEC2FullAccess.
 */
@IamTest(terraform = "terraform")
@AsUser("ec2webuser")
class Ec2WebGroupTest {

  private static final String OWN_USER = "arn:aws:iam::123456789012:user/ec2webuser";

  /** "access the EC2 service only after having setup MFA". */
  @Test
  @SignedInWithoutMfa
  void ec2WaitsForMfa(IamScenario scenario) {
    assertThat(scenario.request("ec2:RunInstances")).isExplicitlyDenied().by("DenyEverythingElseWithoutMfa");
  }

  @Test
  @WithMFA
  void ec2IsAllowedWithMfa(IamScenario scenario) {
    assertThat(scenario.request("ec2:RunInstances")).isAllowed();
  }

  /** "Allow basic operations on IAM without having MFA set up" and "management of MFA for own user". */
  @Test
  @SignedInWithoutMfa
  void managesOwnMfaWithoutMfa(IamScenario scenario) {
    assertThat(scenario.request("iam:ListUsers")).isAllowed().by("AllowBasicIamWithoutMfa");
    assertThat(scenario.request("iam:CreateVirtualMFADevice").on("arn:aws:iam::123456789012:mfa/ec2webuser")).isAllowed().by("AllowOwnMfaSetup");
    assertThat(scenario.request("iam:EnableMFADevice").on(OWN_USER)).isAllowed().by("AllowOwnMfaManagement");
    assertThat(scenario.request("iam:EnableMFADevice").on("arn:aws:iam::123456789012:user/MFAUser")).isImplicitlyDenied();
  }

  /** "Deny every action on every resource when MFA is not setup": the deny does not reach IAM itself. */
  @Test
  @SignedInWithoutMfa
  void otherIamActionsAreOnlyImplicitlyDenied(IamScenario scenario) {
    assertThat(scenario.request("iam:CreateUser").on("arn:aws:iam::123456789012:user/new")).isImplicitlyDenied();
  }
}
