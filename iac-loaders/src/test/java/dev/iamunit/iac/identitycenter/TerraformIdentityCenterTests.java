package dev.iamunit.iac.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import dev.iamunit.model.AccountAssignment;
import dev.iamunit.model.PermissionSet;
import dev.iamunit.model.Role;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 24: IAM Identity Center from Terraform. {@code identity-center/terraform} declares
 * Developers (an inline policy, an AWS managed and a customer managed policy, a customer managed
 * boundary) assigned to prod (111111111111) and dev (222222222222), and Auditors assigned to dev
 * only; the loaded account is the one the test names.
 */
class TerraformIdentityCenterTests {

  static final Path SOURCES = Path.of("src/test/resources/identity-center/terraform");
  static final String PROD = "111111111111";
  static final String DEV = "222222222222";

  @TempDir
  Path dir;

  static LoadedSources load(String accountId, Path source) {
    return SourceFormats.standard().load(List.of(source), LoadOptions.defaults().withAccountId(accountId).withBundledAwsManagedPolicies());
  }

  static Decision asRole(Account account, Role role, String action, String resource) {
    Caller caller = Caller.roleSession(account, role.name(), "alice@example.com");
    return Evaluator.standard().explain(caller.request(action, resource, CredentialKind.ASSUMED_ROLE,
        Instant.parse("2026-01-01T00:00:00Z"), Map.of()));
  }

  @Test
  void thePermissionSetsHoldWhatTheirResourcesAttach() {
    Account prod = load(PROD, SOURCES).account();

    PermissionSet developers = prod.permissionSets().get("Developers");
    assertThat(developers.inlinePolicy()).hasValueSatisfying(p -> assertThat(p.statements()).singleElement()
        .satisfies(s -> assertThat(s.sid()).contains("ReadAppData")));
    assertThat(developers.awsManagedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess");
    assertThat(developers.customerManagedPolicies()).extracting(PermissionSet.CustomerManaged::toString)
        .containsExactly("/teams/deploy-functions");
    // "Path ... The default is /" (IAM Identity Center API Reference, CustomerManagedPolicyReference).
    assertThat(developers.permissionsBoundary()).hasValueSatisfying(b -> assertThat(b).isInstanceOfSatisfying(
        PermissionSet.CustomerManaged.class, c -> assertThat(c.toString()).isEqualTo("/developer-boundary")));
    assertThat(prod.permissionSets()).containsOnlyKeys("Developers", "Auditors");
    assertThat(prod.assignments()).extracting(AccountAssignment::permissionSet, AccountAssignment::accountId,
        AccountAssignment::principalType).containsExactly(
            org.assertj.core.groups.Tuple.tuple("Developers", PROD, AccountAssignment.PrincipalType.GROUP),
            org.assertj.core.groups.Tuple.tuple("Developers", DEV, AccountAssignment.PrincipalType.GROUP),
            org.assertj.core.groups.Tuple.tuple("Auditors", DEV, AccountAssignment.PrincipalType.USER));
  }

  /**
   * "When you assign a permission set to an AWS account, IAM Identity Center creates a role with a
   * name that begins with AWSReservedSSO_ ... AWSReservedSSO_permission-set-name_unique-suffix" (IAM
   * Identity Center User Guide, Referencing permission sets in resource policies); in us-east-1 its
   * path names no region.
   */
  @Test
  void anAssignmentToTheLoadedAccountProvisionsTheRoleAwsCreates() {
    Account prod = load(PROD, SOURCES).account();

    Role role = prod.permissionSetRole("Developers").orElseThrow();
    assertThat(role.name()).matches("AWSReservedSSO_Developers_[0-9a-f]{16}");
    assertThat(role.path()).isEqualTo("/aws-reserved/sso.amazonaws.com/");
    assertThat(role.arn()).isEqualTo("arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/" + role.name());
    assertThat(role.managedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess",
        "arn:aws:iam::111111111111:policy/teams/deploy-functions");
    assertThat(role.permissionsBoundaryArn()).contains("arn:aws:iam::111111111111:policy/developer-boundary");
    assertThat(load(PROD, SOURCES).account().permissionSetRole("Developers").orElseThrow().name())
        .as("the suffix is the same on every load").isEqualTo(role.name());
    // Auditors is assigned to dev only.
    assertThat(prod.permissionSetRole("Auditors")).isEmpty();
    assertThat(prod.roles().keySet()).filteredOn(n -> n.startsWith("AWSReservedSSO_")).hasSize(1);
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource({
      "s3:GetObject,               arn:aws:s3:::app-data/report.csv,                       ALLOWED",         // inline policy
      "s3:GetObject,               arn:aws:s3:::other/report.csv,                          IMPLICIT_DENY",
      "lambda:UpdateFunctionCode,  arn:aws:lambda:us-east-1:111111111111:function:api,     ALLOWED",         // customer managed
      "ec2:DescribeInstances,      *,                                                       IMPLICIT_DENY",  // AWS managed, outside the boundary
  })
  void theRoleDecidesByThePermissionSetsPoliciesWithinItsBoundary(String action, String resource, Outcome expected) {
    Account prod = load(PROD, SOURCES).account();
    Decision decision = asRole(prod, prod.permissionSetRole("Developers").orElseThrow(), action, resource);

    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }

  /**
   * The role trusts IAM Identity Center's SAML provider only: "Permission sets ultimately get
   * created as IAM roles ... with trust policies that allow users to assume the role through AWS
   * SSO" (IAM Identity Center User Guide, Permission sets). An IAM user of the account whose own
   * policy allows sts:AssumeRole on everything still cannot assume it: "IAM role trust policies
   * ... must explicitly allow access to the principal" (IAM User Guide, Policy evaluation logic).
   */
  @Test
  void noIamPrincipalMayAssumeTheRole() {
    Account prod = load(PROD, SOURCES).account();
    Role role = prod.permissionSetRole("Developers").orElseThrow();

    Decision assume = Evaluator.standard().explain(Caller.user(prod, "alice").request("sts:AssumeRole", role.arn(),
        CredentialKind.ACCESS_KEYS, Instant.parse("2026-01-01T00:00:00Z"), Map.of()));

    assertThat(assume.outcome()).as(DecisionText.explained(assume)).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(role.trustPolicy().orElseThrow().statements()).singleElement().satisfies(s -> {
      assertThat(s.principal().toString()).contains(":saml-provider/AWSSSO_").contains("_DO_NOT_DELETE");
      assertThat(s.action().toString()).contains("sts:AssumeRoleWithSAML");
    });
    // AWS writes it, not the repository: located in the account "aws", which coverage leaves out.
    assertThat(role.trustPolicy().orElseThrow().location().file()).isEqualTo("arn:aws:sso::aws:trustPolicy/AWSReservedSSO");
  }

  /**
   * An assignment to another account provisions the role there: Accounts holds dev though the
   * sources declare nothing else in it. Its customer managed policies are dev's, and dev has none,
   * so Developers is refused there: "You must have an IAM policy that matches the name and path in
   * each AWS account where you want to deploy your permission set" (IAM Identity Center API
   * Reference, CustomerManagedPolicyReference). Auditors (AWS managed only) is provisioned, with
   * SecurityAudit looked up in dev.
   */
  @Test
  void anAssignmentToAnotherAccountProvisionsTheRoleThereWithThatAccountsPolicies() {
    LoadedSources loaded = load(PROD, SOURCES);
    Account dev = loaded.accounts().byId(DEV).orElseThrow();
    PermissionSet auditors = loaded.account().permissionSets().get("Auditors");
    PermissionSet developers = loaded.account().permissionSets().get("Developers");

    Role auditor = dev.provisionedRole(auditors).orElseThrow();
    assertThat(auditor.arn()).startsWith("arn:aws:iam::222222222222:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Auditors_");
    assertThat(auditor.managedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/SecurityAudit");
    assertThat(dev.managedPolicies()).containsKey("arn:aws:iam::aws:policy/SecurityAudit");
    Decision audit = asRole(dev, auditor, "s3:GetBucketPolicy", "arn:aws:s3:::app-data");
    assertThat(audit.outcome()).as(DecisionText.explained(audit)).isEqualTo(Outcome.ALLOWED);
    assertThat(dev.provisionedRole(developers)).isEmpty();
    assertThat(loaded.report().problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).startsWith("IAM Identity Center cannot provision permission set \"Developers\" into account 222222222222")
          .contains("/teams/deploy-functions");
      assertThat(p.location().toString()).isEqualTo(
          "src/test/resources/identity-center/terraform/main.tf:101:1 (aws_ssoadmin_account_assignment.developers_dev)");
    });
    // Prod keeps its own: the customer managed policies are prod's there.
    assertThat(loaded.account().provisionedRole(developers)).hasValueSatisfying(r -> assertThat(r.managedPolicyArns())
        .contains("arn:aws:iam::111111111111:policy/teams/deploy-functions"));
    assertThat(loaded.account().provisionedRole(auditors)).isEmpty();
    // No assignment is reported as not evaluated any more; the Identity Store id from a data source still is.
    assertThat(loaded.report().unresolved()).extracting(Unresolved::reason).noneMatch(r -> r.startsWith("assigns"));

    Account devAlone = load(DEV, SOURCES).account();
    assertThat(devAlone.permissionSetRole("Developers")).isPresent();
    assertThat(devAlone.permissionSetRole("Auditors")).hasValueSatisfying(r -> assertThat(r.arn()).startsWith("arn:aws:iam::222222222222:role/"));
  }

  /** Outside us-east-1 the path names the instance's region: ".../aws-reserved/sso.amazonaws.com/eu-west-2/AWSReservedSSO_...". */
  @Test
  void theRolesPathNamesTheInstancesRegionOutsideUsEast1() throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        provider "aws" {
          region = "eu-west-2"
        }
        resource "aws_ssoadmin_permission_set" "admins" {
          name         = "Admins"
          instance_arn = "arn:aws:sso:::instance/ssoins-1111111111111111"
        }
        resource "aws_ssoadmin_account_assignment" "admins" {
          instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
          permission_set_arn = aws_ssoadmin_permission_set.admins.arn
          principal_id       = "g-1"
          principal_type     = "GROUP"
          target_id          = "111111111111"
          target_type        = "AWS_ACCOUNT"
        }
        """);
    Role role = load(PROD, dir).account().permissionSetRole("Admins").orElseThrow();

    assertThat(role.path()).isEqualTo("/aws-reserved/sso.amazonaws.com/eu-west-2/");
    assertThat(role.arn()).startsWith("arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-2/AWSReservedSSO_Admins_");
  }

  /**
   * "You must have an IAM policy that matches the name and path in each AWS account where you want
   * to deploy your permission set" (IAM Identity Center API Reference,
   * CustomerManagedPolicyReference): without it, AWS refuses the provisioning.
   */
  @Test
  void aCustomerManagedPolicyTheAccountLacksIsAProblemAndNoRoleIsCreated() throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        resource "aws_ssoadmin_permission_set" "ops" {
          name         = "Operators"
          instance_arn = "arn:aws:sso:::instance/ssoins-1111111111111111"
        }
        resource "aws_ssoadmin_customer_managed_policy_attachment" "ops" {
          instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
          permission_set_arn = aws_ssoadmin_permission_set.ops.arn
          customer_managed_policy_reference {
            name = "ops-policy"
            path = "/ops/"
          }
        }
        resource "aws_ssoadmin_account_assignment" "ops" {
          instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
          permission_set_arn = aws_ssoadmin_permission_set.ops.arn
          principal_id       = "g-1"
          principal_type     = "GROUP"
          target_id          = "111111111111"
          target_type        = "AWS_ACCOUNT"
        }
        """);
    LoadedSources loaded = load(PROD, dir);

    assertThat(loaded.account().permissionSetRole("Operators")).isEmpty();
    assertThat(loaded.report().problems()).singleElement().satisfies(p -> {
      assertThat(p.location().toString()).endsWith("main.tf:13:1 (aws_ssoadmin_account_assignment.ops)");
      assertThat(p.message()).startsWith("IAM Identity Center cannot provision permission set \"Operators\" into account 111111111111: "
          + "it names the customer managed policy /ops/ops-policy (");
    });
  }

  /**
   * AWS resolves a customer managed policy "by name and path in each AWS account where you want to
   * deploy your permission set" (IAM Identity Center API Reference,
   * CustomerManagedPolicyReference) when it provisions: the policy may come from the target
   * account's own Terraform root, a unit of its own, and the permission set is provisioned there with
   * it. The same permission set assigned to an account no unit gives the policy stays refused.
   */
  @Test
  void aCustomerManagedPolicyDeclaredInTheTargetAccountsOwnUnitIsFound() throws IOException {
    Path management = Files.createDirectories(dir.resolve("management"));
    Files.writeString(management.resolve("main.tf"), """
        resource "aws_ssoadmin_permission_set" "ops" {
          name         = "Operators"
          instance_arn = "arn:aws:sso:::instance/ssoins-1111111111111111"
        }
        resource "aws_ssoadmin_customer_managed_policy_attachment" "ops" {
          instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
          permission_set_arn = aws_ssoadmin_permission_set.ops.arn
          customer_managed_policy_reference {
            name = "ops-policy"
            path = "/ops/"
          }
        }
        resource "aws_ssoadmin_account_assignment" "prod" {
          instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
          permission_set_arn = aws_ssoadmin_permission_set.ops.arn
          principal_id       = "g-1"
          principal_type     = "GROUP"
          target_id          = "111111111111"
          target_type        = "AWS_ACCOUNT"
        }
        resource "aws_ssoadmin_account_assignment" "dev" {
          instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
          permission_set_arn = aws_ssoadmin_permission_set.ops.arn
          principal_id       = "g-1"
          principal_type     = "GROUP"
          target_id          = "222222222222"
          target_type        = "AWS_ACCOUNT"
        }
        """);
    Path prod = Files.createDirectories(dir.resolve("prod"));
    Files.writeString(prod.resolve("main.tf"), """
        resource "aws_iam_policy" "ops" {
          name = "ops-policy"
          path = "/ops/"
          policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
          })
        }
        """);
    LoadedSources loaded = SourceFormats.standard().load(List.of(management, prod), LoadOptions.defaults().withAccountId("999999999999")
        .withAccountFolders(Map.of(prod, PROD)).withBundledAwsManagedPolicies());

    Account prodAccount = loaded.accounts().byId(PROD).orElseThrow();
    Role role = prodAccount.provisionedRole(loaded.account().permissionSets().get("Operators")).orElseThrow();
    assertThat(role.managedPolicyArns()).containsExactly("arn:aws:iam::111111111111:policy/ops/ops-policy");
    assertThat(asRole(prodAccount, role, "s3:GetObject", "arn:aws:s3:::artifacts/a").outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(loaded.report().problems()).singleElement().satisfies(p -> {
      assertThat(p.location().toString()).endsWith("management/main.tf:21:1 (aws_ssoadmin_account_assignment.dev)");
      assertThat(p.message()).startsWith("IAM Identity Center cannot provision permission set \"Operators\" into account 222222222222: "
          + "it names the customer managed policy /ops/ops-policy (");
    });
  }

  @Test
  void aReferenceToAnUndeclaredPermissionSetIsReported() throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        variable "permission_set_arn" {}
        resource "aws_ssoadmin_account_assignment" "ops" {
          instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
          permission_set_arn = var.permission_set_arn
          principal_id       = "g-1"
          principal_type     = "GROUP"
          target_id          = "111111111111"
          target_type        = "AWS_ACCOUNT"
        }
        """);
    LoadedSources loaded = load(PROD, dir);

    assertThat(loaded.report().unresolved()).anySatisfy(u -> {
      assertThat(u.expression()).isEqualTo("aws_ssoadmin_account_assignment.ops");
      assertThat(u.reason()).startsWith("refers to permission set <generated ARN>, which the loaded sources do not declare")
          .contains("refer to it through that resource (aws_ssoadmin_permission_set.NAME.arn, !GetAtt NAME.PermissionSetArn)")
          .doesNotContain("refer to it by its ARN");
    });
    assertThat(loaded.account().assignments()).isEmpty();
  }

  /**
   * Attributes for access control pass a user's attributes into the permission set's session as
   * tags (IAM Identity Center User Guide, Attributes for access control); IAMUnit does not model
   * them, so each declaration, Terraform's or CloudFormation's, is listed with its line rather
   * than dropped.
   */
  @Test
  void attributesForAccessControlInTerraformAreListedNotDropped() throws IOException {
    assertListed("main.tf", "aws_ssoadmin_instance_access_control_attributes.abac", """
        resource "aws_ssoadmin_instance_access_control_attributes" "abac" {
          instance_arn = "arn:aws:sso:::instance/ssoins-1111111111111111"
          attribute {
            key = "team"
            value {
              source = ["$${path:enterprise.department}"]
            }
          }
        }
        """);
  }

  @Test
  void attributesForAccessControlInCloudFormationAreListedNotDropped() throws IOException {
    assertListed("template.yaml", "Abac", """
        Resources:
          Abac:
            Type: AWS::SSO::InstanceAccessControlAttributeConfiguration
            Properties:
              InstanceArn: arn:aws:sso:::instance/ssoins-1111111111111111
              AccessControlAttributes:
                - Key: team
                  Value:
                    Source:
                      - ${path:enterprise.department}
        """);
  }

  private void assertListed(String file, String address, String source) throws IOException {
    Files.writeString(dir.resolve(file), source);

    LoadedSources loaded = load(PROD, dir);

    assertThat(loaded.report().unresolved()).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo(address);
      assertThat(u.location().file()).endsWith(file);
      assertThat(u.location().line()).isPositive();
      assertThat(u.reason()).contains("IAMUnit does not model IAM Identity Center's attributes for access control")
          .contains("aws:PrincipalTag");
    });
    assertThat(loaded.report().problems()).isEmpty();
  }
}
