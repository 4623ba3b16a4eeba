package com.example.iam;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import dev.iamunit.junit.AsPermissionSet;
import dev.iamunit.junit.AsRole;
import dev.iamunit.junit.AsRootUser;
import dev.iamunit.junit.AsUser;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.IamTest;
import dev.iamunit.junit.InAccount;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The organization (organization/main.tf): the questions a team asks before merging a change to
 * it, each test named after its answer. The sources are loaded as the management account
 * (999999999999) sees them; prod (111111111111) and dev (222222222222) are found by the names the
 * organization gives them.
 */
@IamTest(terraform = "organization", accountId = "999999999999", region = "eu-west-1")
class OrganizationTest {

  private static final String PROD_ARTIFACT = "arn:aws:s3:::prod-artifacts/app.zip";
  private static final String PROD_DEPLOY_ROLE = "arn:aws:iam::111111111111:role/deploy";
  private static final String DEV_PIPELINE_ROLE = "arn:aws:iam::222222222222:role/pipeline";

  /**
   * "Can anyone in a workload account stop CloudTrail, even as root?" No, in every account of the
   * Workloads OU: the root's SCP denies it, and "SCPs affect all users and roles in attached
   * accounts, including the root user" (AWS Organizations User Guide, Service control policies
   * (SCPs)).
   */
  @Test
  @AsRootUser
  void notEvenRootStopsCloudTrailInAnyWorkloadAccount(IamScenario scenario) {
    assertThat(scenario.request("cloudtrail:StopLogging")).inEveryAccountOf("Workloads").isExplicitlyDenied();
  }

  /**
   * "SCPs don't affect users or roles in the management account" (AWS Organizations User Guide,
   * Service control policies (SCPs)): the guardrails are for the member accounts only.
   */
  @Test
  @AsRootUser
  void theManagementAccountIsNotBoundByTheGuardrails(IamScenario scenario) {
    assertThat(scenario.request("cloudtrail:StopLogging")).isAllowed();
  }

  /**
   * dev's CI runner acts as the pipeline role: the role's trust policy names it, and within one
   * account that is enough. "If either the identity-based policy or the resource-based policy
   * within the same account allows the request and the other doesn't, the request is still
   * allowed" (IAM User Guide, Policy evaluation for requests within a single account, Example
   * identity-based and resource-based policy evaluation).
   */
  @Test
  @AsUser("ci")
  @InAccount("dev")
  void theCiRunnerActsAsThePipeline(IamScenario scenario) {
    assertThat(scenario.request("sts:AssumeRole").on("arn:aws:iam::222222222222:role/pipeline")).isAllowed()
        .by("TrustCiRunner");
  }

  /**
   * "How does a build reach prod?" Only the whole way: dev's CI runner acts as dev's pipeline role,
   * which assumes prod's deploy role, and that session writes prod's artifacts. The session is a
   * role of prod, bound by prod's guardrails: "SCPs affect all users and roles in attached
   * accounts" (AWS Organizations User Guide, Service control policies (SCPs)). The runner cannot
   * skip the pipeline: across accounts "the resource-based policy in the trusting account must
   * specify the principal of the trusted account" (IAM User Guide, Cross-account policy evaluation
   * logic), and the deploy role's trust policy names the pipeline only.
   */
  @Test
  @AsUser("ci")
  @InAccount("dev")
  void theCiRunnerReachesProdsArtifactsOnlyThroughThePipelineAndProdsDeployRole(IamScenario scenario) {
    IamScenario deploy = scenario.assume(DEV_PIPELINE_ROLE).assume(PROD_DEPLOY_ROLE);

    assertThat(deploy.request("s3:PutObject").on(PROD_ARTIFACT)).isAllowed().by("WriteArtifacts");
    assertThat(deploy.request("cloudtrail:StopLogging")).isExplicitlyDenied().by("ProtectCloudTrail");
    assertThat(scenario.request("sts:AssumeRole").on(PROD_DEPLOY_ROLE)).isImplicitlyDenied();
    assertThat(scenario.request("s3:PutObject").on(PROD_ARTIFACT)).isExplicitlyDenied().by("OnlyDeployWrites");
  }

  @AsRole("pipeline")
  @InAccount("dev")
  @Nested
  class DevPipeline {

    /**
     * "Does the region lock spare the pipeline?" In eu-west-1, yes; every other region is locked
     * for it, by the Workloads OU's SCP.
     */
    @Test
    void theRegionLockSparesThePipelineInEuWest1Only(IamScenario scenario) {
      assertThat(scenario.request("ec2:RunInstances")).isAllowed().by("BuildInDev");
      assertThat(scenario.request("ec2:RunInstances").withContext("aws:RequestedRegion", "us-east-1"))
          .isExplicitlyDenied().by("RegionLock");
    }

    /**
     * "Can the dev deploy role write the prod bucket?" No: prod's bucket policy denies every
     * principal but prod's deploy role, although the pipeline's own policy allows it s3:*: "An
     * explicit deny overrides an explicit allow" (IAM User Guide, How AWS enforcement code logic
     * evaluates requests to allow or deny access).
     */
    @Test
    void theDevPipelineCannotWriteTheProdBucket(IamScenario scenario) {
      assertThat(scenario.request("s3:PutObject").on(PROD_ARTIFACT)).isExplicitlyDenied().by("OnlyDeployWrites");
    }

    /**
     * It deploys only through prod's deploy role, and across accounts both sides must say so: "The
     * resource-based policy in the trusting account must specify the principal of the trusted
     * account" and "The principal's identity-based policy must allow the requested access to the
     * resource" (IAM User Guide, Cross-account policy evaluation logic).
     */
    @Test
    void theDevPipelineDeploysThroughProdsDeployRole(IamScenario scenario) {
      assertThat(scenario.request("sts:AssumeRole").on(PROD_DEPLOY_ROLE)).isAllowed().by("TrustDevPipeline");
      assertThat(scenario.request("sts:AssumeRole").on(PROD_DEPLOY_ROLE)).isAllowed().by("DeployThroughProd");
    }
  }

  @AsRole("deploy")
  @InAccount("prod")
  @Nested
  class ProdDeploy {

    @Test
    void theProdDeployRoleWritesTheArtifactsBucket(IamScenario scenario) {
      assertThat(scenario.request("s3:PutObject").on(PROD_ARTIFACT)).isAllowed().by("WriteArtifacts");
    }

    /**
     * The RCP holds for every principal on prod's resources: "Use an RCP when you need to restrict
     * IAM principals ... making requests to access resources within your organization's member
     * accounts" (AWS Organizations User Guide, Resource control policies (RCPs)).
     */
    @Test
    void notEvenTheDeployRoleWritesOverPlainHttp(IamScenario scenario) {
      assertThat(scenario.request("s3:PutObject").on(PROD_ARTIFACT).withContext("aws:SecureTransport", "false"))
          .isExplicitlyDenied().by("S3OnlyOverTls");
    }

    @Test
    void theDeployRoleCannotStopCloudTrail(IamScenario scenario) {
      assertThat(scenario.request("cloudtrail:StopLogging")).isExplicitlyDenied().by("ProtectCloudTrail");
    }
  }

  /**
   * People signed in through IAM Identity Center with the Developers permission set act as the role
   * it provisions in the account they chose: AWS's PowerUserAccess, bound by the SCPs of the
   * account's path like any role there.
   */
  @AsPermissionSet("Developers")
  @Nested
  class Developers {

    /**
     * PowerUserAccess allows everything but IAM, Organizations and Account, cloudtrail:StopLogging
     * among it; the root's SCP denies that, "SCPs affect all users and roles in attached accounts"
     * (AWS Organizations User Guide, Service control policies (SCPs)).
     */
    @Test
    @InAccount("dev")
    void developersCanDeployInDevButNotStopCloudTrail(IamScenario scenario) {
      assertThat(scenario.request("cloudformation:CreateStack")).isAllowed();
      assertThat(scenario.request("lambda:UpdateFunctionCode")).isAllowed();
      assertThat(scenario.request("cloudtrail:StopLogging")).isExplicitlyDenied().by("ProtectCloudTrail");
    }

    /** The same permission set in prod: the inline policy's Deny keeps it to looking. */
    @Test
    @InAccount("prod")
    void developersLookButDoNotDeployInProd(IamScenario scenario) {
      assertThat(scenario.request("cloudformation:DescribeStacks")).isAllowed();
      assertThat(scenario.request("cloudformation:UpdateStack")).isExplicitlyDenied().by("NoDeploysInProd");
      assertThat(scenario.request("s3:PutObject").on(PROD_ARTIFACT)).isExplicitlyDenied().by("NoDeploysInProd");
    }

    /**
     * "Does the region lock hold for people, too?" Yes: the developers deploy in eu-west-1 only,
     * while the global services the SCP's NotAction spares (CloudFront here) stay reachable through
     * us-east-1, where AWS serves them.
     */
    @Test
    @InAccount("dev")
    void theRegionLockKeepsDevelopersDeploymentsInEuWest1(IamScenario scenario) {
      assertThat(scenario.request("cloudformation:CreateStack").withContext("aws:RequestedRegion", "us-east-1"))
          .isExplicitlyDenied().by("RegionLock");
      assertThat(scenario.request("cloudfront:CreateDistribution").withContext("aws:RequestedRegion", "us-east-1")).isAllowed();
    }
  }

  /**
   * "Can anyone in a workload account stop CloudTrail, even as admin?" No, in every account of the
   * Workloads OU: the Admin permission set allows every action (AdministratorAccess), and the
   * root's SCP still denies it: "Even if a user is granted full administrator permissions with the
   * AdministratorAccess IAM policy, any action that isn't explicitly allowed by the SCPs is
   * restricted" (AWS Organizations User Guide, Service control policies (SCPs)), and an explicit
   * Deny in an SCP is never overridden. In each account the request is made as the role IAM
   * Identity Center provisioned there for Admin (a name of its own in each); an account of the OU
   * Admin were not assigned to would fail the test, named.
   */
  @Test
  @AsPermissionSet("Admin")
  void evenAnAdministratorCannotStopCloudTrailInAnyWorkloadAccount(IamScenario scenario) {
    assertThat(scenario.request("cloudtrail:StopLogging")).inEveryAccountOf("Workloads").isExplicitlyDenied();
    assertThat(scenario.request("cloudtrail:DeleteTrail")).inEveryAccountOf("Workloads").isExplicitlyDenied();
    assertThat(scenario.request("iam:CreateRole")).inEveryAccountOf("Workloads").isAllowed();
  }
}
