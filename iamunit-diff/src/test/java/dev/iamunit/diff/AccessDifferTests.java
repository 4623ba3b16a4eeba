package dev.iamunit.diff;

import dev.iamunit.iac.SourceFormats;
import static dev.iamunit.diff.Change.CHANGED_REASON;
import static dev.iamunit.diff.Change.NEWLY_ALLOWED;
import static dev.iamunit.diff.Change.NEWLY_DENIED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of change a pull request makes, on a handcrafted base/head pair of Terraform. */
class AccessDifferTests {

  @Test
  void anAddedActionIsNewAccessOnTheResourcesTheStatementNames() {
    AccessDiff diff = Changes.diff("added-action");

    assertThat(Changes.rows(diff, NEWLY_ALLOWED, NEWLY_DENIED, CHANGED_REASON)).containsExactly(
        "NEWLY_ALLOWED user alice s3:PutObject arn:aws:s3:::reports/example CONSOLE_WITH_MFA",
        "NEWLY_ALLOWED user alice s3:PutObject arn:aws:s3:::reports/example CONSOLE_WITHOUT_MFA",
        "NEWLY_ALLOWED user alice s3:PutObject arn:aws:s3:::reports/example ACCESS_KEYS");
    DiffRow row = diff.rows().get(0);
    assertThat(row.base().describe()).isEqualTo("implicitly denied: no identity-based or resource-based policy allows the request (implicit deny)");
    assertThat(row.head().describe()).isEqualTo("allowed by statement ReadReports (main.tf:11)");
  }

  @Test
  void aWidenedResourceIsNewAccessOnEveryOtherResourceOfTheType() {
    AccessDiff diff = Changes.diff("widened-resource");

    // The complete space also asks about the ARNs of S3's other object formats (access points'),
    // which the head's pattern now matches too: every finding is a proved region.
    assertThat(diff.rows()).allSatisfy(row -> assertThat(row.proved()).isTrue());
    assertThat(Changes.rows(diff, NEWLY_ALLOWED, NEWLY_DENIED, CHANGED_REASON)).contains(
        "NEWLY_ALLOWED user alice s3:GetObject arn:aws:s3:::example/example CONSOLE_WITH_MFA",
        "NEWLY_ALLOWED user alice s3:GetObject arn:aws:s3:::example/example CONSOLE_WITHOUT_MFA",
        "NEWLY_ALLOWED user alice s3:GetObject arn:aws:s3:::example/example ACCESS_KEYS");
  }

  @Test
  void aRemovedMfaConditionIsNewAccessWithoutMfaOnly() {
    AccessDiff diff = Changes.diff("removed-condition");

    assertThat(Changes.rows(diff, NEWLY_ALLOWED, NEWLY_DENIED, CHANGED_REASON)).contains(
        "NEWLY_ALLOWED user alice ec2:TerminateInstances arn:aws:ec2:us-east-1:123456789012:instance/example CONSOLE_WITHOUT_MFA",
        "NEWLY_ALLOWED user alice ec2:TerminateInstances arn:aws:ec2:us-east-1:123456789012:instance/example ACCESS_KEYS");
  }

  /**
   * "The key is not present when ... an IAM user's long-term access keys are used" (IAM User
   * Guide, aws:MultiFactorAuthPresent): Bool no longer denies access keys; BoolIfExists did.
   */
  @Test
  void boolReplacingBoolIfExistsOpensAccessKeysOnly() {
    AccessDiff diff = Changes.diff("bool-replacing-boolifexists");

    assertThat(Changes.rows(diff, NEWLY_ALLOWED, NEWLY_DENIED)).containsExactly(
        "NEWLY_ALLOWED user alice ec2:DescribeInstances * ACCESS_KEYS");
    assertThat(diff.rows().get(0).base().describe())
        .isEqualTo("explicitly denied by statement DenyWithoutMfa (main.tf:17)");
    assertThat(diff.rows().get(0).head().describe())
        .isEqualTo("allowed by statement AllowDescribe (main.tf:11)");
    // Every other action the Deny covered is still denied to access keys, now implicitly.
    List<DiffRow> changedReason = diff.rows(CHANGED_REASON);
    assertThat(changedReason).isNotEmpty().allSatisfy(row -> {
      assertThat(row.credentials()).isEqualTo(CredentialKind.ACCESS_KEYS);
      assertThat(row.base().outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
      assertThat(row.head().outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    });
    assertThat(changedReason).extracting(DiffRow::action).doesNotContain("iam:ListUsers", "ec2:DescribeInstances");
  }

  @Test
  void aNewGroupMembershipGivesTheMemberTheGroupsAccess() {
    AccessDiff diff = Changes.diff("new-group-membership");

    assertThat(Changes.rows(diff, NEWLY_DENIED, CHANGED_REASON)).isEmpty();
    assertThat(Changes.rows(diff, NEWLY_ALLOWED)).containsExactly(
        // One request per region: every user of the account is one region (the policy names them
        // all alike), a user ARN without an account another.
        "NEWLY_ALLOWED user bob iam:CreateUser arn:aws:iam::123456789012:user/alice CONSOLE_WITH_MFA",
        "NEWLY_ALLOWED user bob iam:CreateUser arn:aws:iam::123456789012:user/alice CONSOLE_WITHOUT_MFA",
        "NEWLY_ALLOWED user bob iam:CreateUser arn:aws:iam::123456789012:user/alice ACCESS_KEYS",
        "NEWLY_ALLOWED user bob iam:CreateUser arn:aws:iam:::user/example CONSOLE_WITH_MFA",
        "NEWLY_ALLOWED user bob iam:CreateUser arn:aws:iam:::user/example CONSOLE_WITHOUT_MFA",
        "NEWLY_ALLOWED user bob iam:CreateUser arn:aws:iam:::user/example ACCESS_KEYS",
        "NEWLY_ALLOWED user bob iam:DeleteUser arn:aws:iam::123456789012:user/alice CONSOLE_WITH_MFA",
        "NEWLY_ALLOWED user bob iam:DeleteUser arn:aws:iam::123456789012:user/alice CONSOLE_WITHOUT_MFA",
        "NEWLY_ALLOWED user bob iam:DeleteUser arn:aws:iam::123456789012:user/alice ACCESS_KEYS",
        "NEWLY_ALLOWED user bob iam:DeleteUser arn:aws:iam:::user/example CONSOLE_WITH_MFA",
        "NEWLY_ALLOWED user bob iam:DeleteUser arn:aws:iam:::user/example CONSOLE_WITHOUT_MFA",
        "NEWLY_ALLOWED user bob iam:DeleteUser arn:aws:iam:::user/example ACCESS_KEYS");
  }

  /** "The permissions boundary ... limits the maximum permissions" (IAM User Guide): without it, iam opens. */
  @Test
  void aRemovedPermissionsBoundaryOpensWhatTheIdentityPolicyAlreadyAllowed() {
    AccessDiff diff = Changes.diff("removed-boundary");

    assertThat(Changes.rows(diff, NEWLY_ALLOWED, NEWLY_DENIED, CHANGED_REASON)).containsExactly(
        // One request per region: every user of the account is one region (the policy names them
        // all alike), a user ARN without an account another.
        "NEWLY_ALLOWED user dev iam:CreateUser arn:aws:iam::123456789012:user/dev CONSOLE_WITH_MFA",
        "NEWLY_ALLOWED user dev iam:CreateUser arn:aws:iam::123456789012:user/dev CONSOLE_WITHOUT_MFA",
        "NEWLY_ALLOWED user dev iam:CreateUser arn:aws:iam::123456789012:user/dev ACCESS_KEYS",
        "NEWLY_ALLOWED user dev iam:CreateUser arn:aws:iam:::user/example CONSOLE_WITH_MFA",
        "NEWLY_ALLOWED user dev iam:CreateUser arn:aws:iam:::user/example CONSOLE_WITHOUT_MFA",
        "NEWLY_ALLOWED user dev iam:CreateUser arn:aws:iam:::user/example ACCESS_KEYS");
  }

  @Test
  void aRoleAsksAsASessionWithAndWithoutMfa() {
    AccessDiff diff = Changes.diff("role-added-action");

    assertThat(Changes.rows(diff, NEWLY_ALLOWED, NEWLY_DENIED, CHANGED_REASON)).containsExactly(
        "NEWLY_ALLOWED role Deployer lambda:DeleteFunction arn:aws:lambda:us-east-1:123456789012:function:api ASSUMED_ROLE",
        "NEWLY_ALLOWED role Deployer lambda:DeleteFunction arn:aws:lambda:us-east-1:123456789012:function:api ASSUMED_ROLE_WITH_MFA");
  }

  @Test
  void aVersionComparedWithItselfHasNoChanges() {
    var pair = Changes.ROOT.resolve("added-action/base");
    AccessDiff diff = AccessDiffer.standard().compare(
        new Version("a", pair, false), new Version("b", pair, false), List.of(), SourceFormats.standard());

    assertThat(diff.isEmpty()).isTrue();
    // Issue 26: the same policies in both versions, so no principal is asked.
    assertThat(diff.space().scope().decided()).isZero();
    assertThat(diff.space().requests()).isZero();
    // Asked all the same: every action of the catalog, in classes, over every region: proved, not sampled.
    AccessDiff full = AccessDiffer.standard().everyPrincipal().compare(
        new Version("a", pair, false), new Version("b", pair, false), List.of(), SourceFormats.standard());
    assertThat(full.isEmpty()).isTrue();
    assertThat(full.space().requests()).isGreaterThan(12);
    assertThat(full.space().proof().complete()).isTrue();
  }

  /**
   * Issue 24: a role created through an aliased provider lives in that provider's account, and the
   * diff compares the principals of every account: the change to prod's deployer is found and named
   * with its account, the home account's deployer of the same name is untouched.
   */
  @Test
  void thePrincipalsOfEveryAccountAreCompared() {
    AccessDiff diff = Changes.diff("two-accounts");

    assertThat(Changes.rows(diff, NEWLY_ALLOWED, NEWLY_DENIED, CHANGED_REASON)).containsExactly(
        "NEWLY_ALLOWED role deployer in 111111111111 lambda:DeleteFunction arn:aws:lambda:us-east-1:111111111111:function:api ASSUMED_ROLE",
        "NEWLY_ALLOWED role deployer in 111111111111 lambda:DeleteFunction arn:aws:lambda:us-east-1:111111111111:function:api ASSUMED_ROLE_WITH_MFA");
    assertThat(diff.causes()).extracting(Cause::principal).containsOnly("role deployer in 111111111111");
    assertThat(diff.causes().get(0).changed()).isNotEmpty();
  }
}
