package dev.iamunit.iac.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import dev.iamunit.model.PermissionSet;
import dev.iamunit.model.Role;
import dev.iamunit.model.Unresolved;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 24: IAM Identity Center from CloudFormation (AWS::SSO::PermissionSet with InlinePolicy,
 * ManagedPolicies, CustomerManagedPolicyReferences and an AWS managed PermissionsBoundary;
 * AWS::SSO::Assignment naming it by {@code Fn::GetAtt PermissionSetArn}), in a stack in eu-west-1.
 */
class CloudFormationIdentityCenterTests {

  static final Path TEMPLATE = Path.of("src/test/resources/identity-center/cloudformation/identity-center.yaml");

  static LoadedSources load(String accountId) {
    return SourceFormats.standard().load(List.of(TEMPLATE),
        LoadOptions.defaults().withAccountId(accountId).withRegion("eu-west-1").withBundledAwsManagedPolicies());
  }

  @Test
  void thePermissionSetIsProvisionedIntoTheLoadedAccountWithTheStacksRegionInItsPath() {
    LoadedSources loaded = load("111111111111");
    Account prod = loaded.account();

    PermissionSet developers = prod.permissionSets().get("Developers");
    assertThat(developers.region()).isEqualTo("eu-west-1");
    Role role = prod.permissionSetRole("Developers").orElseThrow();
    assertThat(role.arn()).matches("arn:aws:iam::111111111111:role/aws-reserved/sso\\.amazonaws\\.com/eu-west-1/"
        + "AWSReservedSSO_Developers_[0-9a-f]{16}");
    assertThat(role.managedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess",
        "arn:aws:iam::111111111111:policy/teams/deploy-functions");
    assertThat(role.permissionsBoundaryArn()).contains("arn:aws:iam::aws:policy/AmazonS3FullAccess");
    assertThat(loaded.report().unresolved()).extracting(Unresolved::reason).noneMatch(r -> r.startsWith("assigns"));
    // The assignment to dev (222222222222) provisions there too; dev has no customer managed policy deploy-functions, so
    // "You must have an IAM policy that matches the name and path in each AWS account where you want to deploy your
    // permission set" (IAM Identity Center API Reference, CustomerManagedPolicyReference): AWS refuses, a problem here.
    assertThat(loaded.accounts().byId("222222222222").flatMap(dev -> dev.provisionedRole(developers))).isEmpty();
    assertThat(loaded.report().problems()).singleElement().satisfies(p -> assertThat(p.message())
        .startsWith("IAM Identity Center cannot provision permission set \"Developers\" into account 222222222222"));
  }

  /** The boundary (AmazonS3FullAccess) leaves S3 only: the inline grant stands, the managed policies' grants do not. */
  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource({
      "s3:GetObject,               arn:aws:s3:::app-data/report.csv,                    ALLOWED",
      "lambda:UpdateFunctionCode,  arn:aws:lambda:eu-west-1:111111111111:function:api,  IMPLICIT_DENY",
      "ec2:DescribeInstances,      *,                                                    IMPLICIT_DENY",
  })
  void theRoleDecidesWithinItsBoundary(String action, String resource, Outcome expected) {
    Account prod = load("111111111111").account();
    Decision decision = TerraformIdentityCenterTests.asRole(prod, prod.permissionSetRole("Developers").orElseThrow(), action, resource);

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }
}
