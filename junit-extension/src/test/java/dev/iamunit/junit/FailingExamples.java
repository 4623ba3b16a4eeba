package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import dev.iamunit.assertj.IamSoftAssertions;
import org.junit.jupiter.api.Test;

/** Example tests that fail on purpose, one way each; {@link ScenarioExtensionTests} reads their failures. */
final class FailingExamples {

  private FailingExamples() {}

  @Examples
  @IamTest(terraform = ForceMfaExamples.ACCOUNT)
  @AsUser("MFAUser")
  static class WrongExpectations {

    @Test
    @WithMFA
    void ec2WithMfaIsNotDenied(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances")).isExplicitlyDenied();
    }

    @Test
    @WithoutMFA
    void deniedByAnotherStatement(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances")).isExplicitlyDenied().by("AllowEc2");
    }

    @Test
    void getCallerIdentityCannotBeDenied(IamScenario scenario) {
      assertThat(scenario.request("sts:GetCallerIdentity")).isDenied();
    }

    @Test
    @WithMFA
    void ec2WildcardIsNotAllDenied(IamScenario scenario) {
      assertThat(scenario.requests("ec2:Describe*")).allAreDenied();
    }

    @Test
    @WithMFA
    void softAssertionsReportEveryFailure(IamScenario scenario) {
      IamSoftAssertions.assertSoftly(softly -> {
        softly.assertThat(scenario.request("ec2:RunInstances")).isImplicitlyDenied();
        softly.assertThat(scenario.request("iam:ListUsers")).isDenied();
      });
    }
  }

  /** Force_MFA with Bool instead of BoolIfExists: access keys slip through. */
  @Examples
  @IamTest(terraform = "src/test/iam/force-mfa-bool-account")
  @AsUser("MFAUser")
  @WithoutMFA
  static class BoolInsteadOfBoolIfExists {

    @Test
    void ec2IsExplicitlyDeniedWithoutMfa(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances")).isExplicitlyDenied();
    }
  }

  @Examples
  @IamTest(terraform = ForceMfaExamples.ACCOUNT)
  static class Misuse {

    @Test
    @AsUser("MFAUsr")
    void unknownUser(IamScenario scenario) {}

    @Test
    @AsRole("Deployr")
    void unknownRole(IamScenario scenario) {}

    @Test
    @AsUser("MFAUser")
    @AsRole("Deployer")
    void twoPrincipals(IamScenario scenario) {}

    @Test
    @AsUser("MFAUser")
    @WithMFA
    @WithoutMFA
    void mfaAndNoMfa(IamScenario scenario) {}

    @Test
    @AsUser("MFAUser")
    void unknownAction(IamScenario scenario) {
      scenario.request("ec2:RunInstance");
    }

    @Test
    void noPrincipal(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances")).isAllowed();
    }

    @Test
    @AsRole(value = "Deployer", assumedBy = "MFAUser")
    void untrustedAssumer(IamScenario scenario) {}

    @Test
    @AsUser("MFAUser")
    @AtTime("noon")
    void badTime(IamScenario scenario) {}
  }

  @Examples
  @IamTest(cloudFormation = "src/test/iam/missing.account.json")
  static class MissingSource {

    @Test
    void missingSource(IamScenario scenario) {}
  }

  @Examples
  @IamTest(terraform = "src/test/iam/broken-account")
  static class BrokenTemplate {

    @Test
    @AsUser("MFAUser")
    void readsTheBrokenPolicy(IamScenario scenario) {
      assertThat(scenario.request("ec2:DescribeInstances")).isAllowed();
    }

    @Test
    @AsUser("Auditor")
    void doesNotReadIt(IamScenario scenario) {
      assertThat(scenario.request("ec2:DescribeInstances")).isAllowed();
      assertThat(scenario.request("ec2:RunInstances")).isDenied();
    }
  }

  @Examples
  @IamTest(cloudFormation = "src/test/cloudformation/unknown-sam.yaml")
  static class UnknownSamPolicyTemplate {

    @Test
    @AsRole("Worker") // the role SAM generates is known by its function
    void readsTheFunctionsPolicies(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::reports/a.csv")).isDenied();
    }

    @Test
    void makesNoDecision(IamScenario scenario) {}
  }

  @Examples
  @IamTest(terraform = "src/test/terraform/duplicate-attribute")
  static class UnlocatedProblem {

    @Test
    void anyTest(IamScenario scenario) {}
  }

  @Examples
  @IamTest(terraform = "src/test/terraform/unset-variable")
  @AsUser("reader")
  static class UnsetVariable {

    @Test
    void independentOfTheBucket(IamScenario scenario) {
      scenario.request("iam:ListUsers");
    }

    @Test
    void alsoIndependentOfTheBucket(IamScenario scenario) {
      scenario.request("ec2:RunInstances");
    }
  }

  @Examples
  @IamTest(terraform = "src/test/terraform/force-mfa")
  static class UnknownUserInTerraform {

    @Test
    @AsUser("MFAUsr")
    void unknownUser(IamScenario scenario) {
      scenario.request("ec2:RunInstances");
    }
  }
}
