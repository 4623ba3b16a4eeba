package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.model.Account;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** Example tests over seed 003's Force_MFA tutorial: group EC2MFA with Force_MFA and EC2 access. */
final class ForceMfaExamples {

  private ForceMfaExamples() {}

  static final String ACCOUNT = "src/test/iam/force-mfa-account";

  /** A composed annotation, as a project would write its own. */
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @AsUser("MFAUser")
  @WithMFA
  @interface AsMfaUserSignedInWithMfa {}

  @Examples
  @IamTest(terraform = ACCOUNT)
  @AsUser("MFAUser")
  static class Passing {

    /** "access to Amazon EC2 is blocked until the user creates an MFA device and then signs in". */
    @Test
    @WithoutMFA
    void ec2IsExplicitlyDeniedWithoutMfa(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances"))
          .isExplicitlyDenied().by("BlockMostAccessUnlessSignedInWithMFA").notBy("AllowEc2");
      assertThat(scenario.request("ec2:RunInstances")).byStatementAt("force-mfa.json:82");
    }

    @Test
    @WithMFA
    void ec2IsAllowedWithMfa(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances").on("arn:aws:ec2:us-east-1:123456789012:instance/i-1"))
          .isAllowed().by("AllowEc2").hasMatchedStatements("AllowEc2");
    }

    @Test
    @AsMfaUserSignedInWithMfa
    void composedAnnotationsWork(IamScenario scenario) {
      assertThat(scenario.request("ec2:DescribeInstances")).isAllowed();
    }

    @Test
    @WithoutMFA
    void everyEc2ActionIsDeniedWithoutMfa(IamScenario scenario) {
      assertThat(scenario.requests("ec2:*")).allAreDenied();
    }

    @Test
    @WithoutMFA
    void usersMayListUsersToSetUpMfa(IamScenario scenario) {
      assertThat(scenario.request("iam:ListUsers")).isAllowed().by("AllowAllUsersToListAccounts");
    }

    @Test
    @WithCredentials(CredentialKind.SESSION_TOKEN_WITH_MFA)
    void sessionTokenWithMfaIsAllowed(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances")).isAllowed();
    }

    @Test
    void accountAndEvaluatorAreInjected(Account account, Evaluator evaluator, IamScenario scenario) {
      assertThat(account.users()).containsKeys("MFAUser", "OtherUser");
      assertThat(evaluator).isSameAs(Evaluator.standard());
      assertThat(scenario.account()).isSameAs(account);
    }

    @Test
    @AsRole(value = "Deployer", session = "ci", assumedBy = "Operator")
    void methodAnnotationsWinOverTheClass(IamScenario scenario) {
      assertThat(scenario.principal()).contains(IamPrincipal.role("Deployer", "ci"));
      assertThat(scenario.request("ec2:RunInstances")).isAllowed();
    }

    @Test
    @WithoutMFA
    void aRequestCanChangeItsPrincipal(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances").as(IamPrincipal.role("Deployer"))).isAllowed();
      assertThat(scenario.as(IamPrincipal.user("OtherUser")).request("ec2:RunInstances")).isExplicitlyDenied();
    }

    @Test
    @AsUser("Operator")
    @WithPrincipalTag(key = "project", value = "apollo")
    @WithContext(key = "aws:SourceVpc", value = "vpc-1")
    @FromIp("203.0.113.7")
    @InRegion("eu-west-1")
    @AtTime("2026-11-22T12:00:00Z")
    void contextAnnotationsReachTheRequest(IamScenario scenario) {
      var request = scenario.request("s3:GetObject").on("arn:aws:s3:::bucket/key").evaluations().get(0).request();
      assertThat(request.context().get("aws:SourceVpc").orElseThrow().value()).isEqualTo("vpc-1");
      assertThat(request.context().get("aws:SourceIp").orElseThrow().value()).isEqualTo("203.0.113.7");
      assertThat(request.context().get("aws:RequestedRegion").orElseThrow().value()).isEqualTo("eu-west-1");
      assertThat(request.context().get("aws:CurrentTime").orElseThrow().value()).isEqualTo("2026-11-22T12:00:00Z");
      assertThat(request.context().get("aws:PrincipalTag/project").orElseThrow().value()).isEqualTo("apollo");
      assertThat(request.context().get("aws:PrincipalTagKeys").orElseThrow().values()).containsExactlyInAnyOrder("team", "project");
    }

    @ParameterizedTest
    @PolicyCases("src/test/iam/force-mfa-cases.csv")
    @WithoutMFA
    void forceMfaTable(PolicyCase row, IamScenario scenario) {
      assertThat(row.in(scenario)).isDecidedAs(row.expected());
    }

    @ParameterizedTest
    @PolicyCases("src/test/iam/force-mfa-cases.yaml")
    @WithoutMFA
    void forceMfaYamlTable(PolicyCase row, IamScenario scenario) {
      assertThat(row.in(scenario)).isDecidedAs(row.expected());
    }

    @Nested
    @WithMFA
    class SignedInWithMfa {

      @Test
      void nestedClassesInheritTheEnclosingScenario(IamScenario scenario) {
        assertThat(scenario.principal()).contains(IamPrincipal.user("MFAUser"));
        assertThat(scenario.request("ec2:RunInstances")).isAllowed();
      }
    }
  }

  /** The same scenario written in Terraform, loaded by the real Terraform loader. */
  @Examples
  @IamTest(terraform = "src/test/terraform/force-mfa", accountId = "111122223333")
  @AsUser("MFAUser")
  static class FromTerraform {

    @Test
    @WithoutMFA
    void ec2IsBlockedUntilMfa(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances")).isExplicitlyDenied().by("BlockMostAccessUnlessSignedInWithMFA");
    }

    @Test
    @WithMFA
    void ec2IsAllowedWithMfa(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances")).isAllowed();
    }
  }
}
