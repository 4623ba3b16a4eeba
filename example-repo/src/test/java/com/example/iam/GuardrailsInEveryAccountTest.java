package com.example.iam;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import dev.iamunit.junit.AsRootUser;
import dev.iamunit.junit.IamScenario;
import dev.iamunit.junit.IamTest;
import org.junit.jupiter.api.Test;

/**
 * The organization's guardrails (organization/main.tf) hold in every account they are attached
 * above, not only in the one a team happens to test: an SCP or RCP applies separately in each
 * account under its attachment point, and coverage counts it per account. Each test asks as the
 * root user, whom no policy of the account can narrow, so only the guardrail decides.
 */
@IamTest(terraform = "organization", accountId = "999999999999", region = "eu-west-1")
@AsRootUser
class GuardrailsInEveryAccountTest {

  /**
   * "Do workloads stay in eu-west-1 in prod as well as in dev?" Yes: the region lock is attached to
   * the Workloads OU, and "an explicit Allow statement" is needed "at every level from the root
   * through each OU in the direct path to the account (including the target account itself)"
   * (AWS Organizations User Guide, SCP evaluation), a Deny at any of them winning; in eu-west-1
   * it lets the root user be.
   */
  @Test
  void workloadsStayInEuWest1InEveryWorkloadAccount(IamScenario scenario) {
    assertThat(scenario.request("ec2:RunInstances").withContext("aws:RequestedRegion", "us-east-1"))
        .inEveryAccountOf("Workloads").isExplicitlyDenied();
    assertThat(scenario.request("ec2:RunInstances")).inEveryAccountOf("Workloads").isAllowed();
  }

  /**
   * "Is every workload account's S3 reachable only over TLS, even for its root user?" Yes: "any
   * RCP from the root through each OU in the direct path to the account (including the target
   * account itself) can deny" (AWS Organizations User Guide, RCP evaluation), and the Workloads
   * OU's RCP denies S3 over plain HTTP on each account's own buckets; over TLS it lets the root
   * user be.
   */
  @Test
  void s3IsReachableOnlyOverTlsInEveryWorkloadAccount(IamScenario scenario) {
    assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::workload-data/report.csv")
        .withContext("aws:SecureTransport", "false")).inEveryAccountOf("Workloads").isExplicitlyDenied();
    assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::workload-data/report.csv"))
        .inEveryAccountOf("Workloads").isAllowed();
  }
}
