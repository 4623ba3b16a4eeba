package com.example.iam;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import dev.iamunit.eval.CredentialKind;
import dev.iamunit.junit.AsUser;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.IamTest;
import dev.iamunit.junit.WithCredentials;
import org.junit.jupiter.api.Test;

/**
 * Why the seeds use BoolIfExists: a copy of Force_MFA with plain Bool, kept under
 * src/test/iam/force-mfa-with-bool, lets long-term access keys through. "The ...IfExists version
 * of the Bool operator ensures that if the aws:MultiFactorAuthPresent key is missing, the
 * condition returns true. This means that a user accessing an API with long-term credentials,
 * such as an access key, is denied access" (seed 003). A @WithoutMFA test on this copy fails
 * and says that the decision depends on the credential kind.
 */
@IamTest(terraform = "src/test/iam/force-mfa-with-bool")
@AsUser("MFAUser")
class BoolInsteadOfBoolIfExistsTest {

  @Test
  @WithCredentials(CredentialKind.CONSOLE_WITHOUT_MFA)
  void theConsoleWithoutMfaIsStillDenied(IamScenario scenario) {
    assertThat(scenario.request("ec2:RunInstances")).isExplicitlyDenied().by("BlockMostAccessUnlessSignedInWithMFA");
  }

  @Test
  @WithCredentials(CredentialKind.ACCESS_KEYS)
  void accessKeysEscapeThePlainBool(IamScenario scenario) {
    assertThat(scenario.request("ec2:RunInstances")).isAllowed();
  }

  /** Where the key is present both operators agree: with MFA the copy behaves like the original. */
  @Test
  @WithCredentials(CredentialKind.CONSOLE_WITH_MFA)
  void withMfaBothAgree(IamScenario scenario) {
    assertThat(scenario.request("iam:DeactivateMFADevice").on("arn:aws:iam::123456789012:mfa/MFAUser"))
        .isAllowed().by("AllowIndividualUserToDeactivateOnlyTheirOwnMFAOnlyWhenUsingMFA");
  }
}
