package com.example.iam;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import dev.iamunit.junit.AsUser;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.IamTest;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's claim as a proof, not a list of examples: "This statement ensures that when the user
 * is not signed-in with MFA that they can perform only the listed actions" (Force_MFA,
 * BlockMostAccessUnlessSignedInWithMFA). {@code mayOnly} asks every action of AWS's catalog, every
 * resource and context the policies tell apart, with a console session without MFA and with access
 * keys; the file src/test/iam/aws-actions.txt records the catalog the test was written against, so
 * that an action AWS adds later and the policies allow fails as catalog drift.
 */
@IamTest(terraform = "terraform")
@AsUser("MFAUser")
class NothingElseWithoutMfaTest {

  /**
   * What is left without MFA: the NotAction's listed actions that another statement allows, and
   * the two calls AWS authorizes without any policy ("No permissions are required to perform this
   * operation", STS API Reference, GetCallerIdentity; "Permissions for GetSessionToken", IAM User
   * Guide). Not ChangePassword, not DeactivateMFADevice: the Deny covers them.
   */
  @Test
  @SignedInWithoutMfa
  void withoutMfaTheUserCanDoNothingElseThanSetUpMfa(IamScenario scenario) {
    assertThat(scenario).asOfCatalog("src/test/iam/aws-actions.txt").mayOnly(
        "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ResyncMFADevice", "iam:ListMFADevices",
        "iam:ListVirtualMFADevices", "iam:ListUsers", "iam:ListAccountAliases", "iam:GetAccountSummary",
        "iam:ListAccessKeys", "iam:ListSSHPublicKeys",
        "sts:GetCallerIdentity", "sts:GetSessionToken");
  }
}
