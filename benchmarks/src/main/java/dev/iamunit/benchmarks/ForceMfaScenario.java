package dev.iamunit.benchmarks;

import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.model.Account;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Case (a): seed 003, "Tutorial: Enable your users to configure their own credentials and MFA
 * settings". User MFAUser is in group EC2MFA, which has Force_MFA and AmazonEC2FullAccess
 * attached; the request mix covers EC2 (and the services AmazonEC2FullAccess grants beside it),
 * IAM MFA and credential actions on the user's own and another user's resources, S3 and STS,
 * each signed with access keys, in the console without MFA and in the console with MFA.
 */
final class ForceMfaScenario {

  static final String ACCOUNT_ID = "111122223333";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final String FORCE_MFA_ARN = "arn:aws:iam::" + ACCOUNT_ID + ":policy/Force_MFA";
  private static final String EC2_FULL_ACCESS_ARN = "arn:aws:iam::aws:policy/AmazonEC2FullAccess";
  private static final String IAM = "arn:aws:iam::" + ACCOUNT_ID + ":";
  private static final String EC2 = "arn:aws:ec2:us-east-1:" + ACCOUNT_ID + ":";

  /** Action and resource of each request, before the credentials multiply them. */
  private static final List<List<String>> ACTIONS_ON = List.of(
      List.of("ec2:RunInstances", EC2 + "instance/*"),
      List.of("ec2:DescribeInstances", "*"),
      List.of("ec2:TerminateInstances", EC2 + "instance/i-0abc1234def567890"),
      List.of("ec2:CreateTags", EC2 + "volume/vol-0123456789abcdef0"),
      List.of("elasticloadbalancing:DescribeLoadBalancers", "*"),
      List.of("cloudwatch:GetMetricData", "*"),
      List.of("iam:CreateVirtualMFADevice", IAM + "mfa/MFAUser"),
      List.of("iam:CreateVirtualMFADevice", IAM + "mfa/OtherUser"),
      List.of("iam:EnableMFADevice", IAM + "user/MFAUser"),
      List.of("iam:EnableMFADevice", IAM + "user/OtherUser"),
      List.of("iam:DeactivateMFADevice", IAM + "user/MFAUser"),
      List.of("iam:DeactivateMFADevice", IAM + "user/OtherUser"),
      List.of("iam:ListMFADevices", IAM + "user/MFAUser"),
      List.of("iam:ChangePassword", IAM + "user/MFAUser"),
      List.of("iam:CreateAccessKey", IAM + "user/MFAUser"),
      List.of("iam:CreateAccessKey", IAM + "user/OtherUser"),
      List.of("iam:ListUsers", "*"),
      List.of("iam:ListGroupsForUser", IAM + "user/MFAUser"),
      List.of("s3:GetObject", "arn:aws:s3:::example-bucket/reports/2026.csv"),
      List.of("s3:ListAllMyBuckets", "*"),
      List.of("sts:AssumeRole", IAM + "role/Admin"),
      List.of("sts:DecodeAuthorizationMessage", "*"));

  /**
   * Access keys (MFA key absent), console without MFA ({@code "false"}) and console with MFA. No
   * GetSessionToken credentials: their restrictions are not in the JSON Lines format, and the
   * written cases must decide as these requests do.
   */
  private static final List<CredentialKind> CREDENTIALS =
      List.of(CredentialKind.ACCESS_KEYS, CredentialKind.CONSOLE_WITHOUT_MFA, CredentialKind.CONSOLE_WITH_MFA);

  private final String forceMfaJson;
  private final String ec2FullAccessJson;
  private final Caller caller;
  private final List<Request> requests;

  ForceMfaScenario() {
    this.forceMfaJson = SeedPolicies.json("003");
    this.ec2FullAccessJson = AwsData.bundled().managedPolicy(EC2_FULL_ACCESS_ARN).orElseThrow().document();
    Account account = Account.builder()
        .id(ACCOUNT_ID)
        .managedPolicy(new ManagedPolicy(FORCE_MFA_ARN, "Force_MFA", "/",
            PolicyParser.parse(forceMfaJson, "seeds/003", PolicyKind.IDENTITY, "Force_MFA"), false))
        .managedPolicy(new ManagedPolicy(EC2_FULL_ACCESS_ARN, "AmazonEC2FullAccess", "/",
            PolicyParser.parse(ec2FullAccessJson, "aws:AmazonEC2FullAccess", PolicyKind.IDENTITY, "AmazonEC2FullAccess"), true))
        .group(new Group("EC2MFA", "/", IAM + "group/EC2MFA", List.of(), List.of(FORCE_MFA_ARN, EC2_FULL_ACCESS_ARN),
            SourceLocation.UNKNOWN))
        .user(user("MFAUser"))
        .user(user("OtherUser"))
        .build();
    this.caller = Caller.user(account, "MFAUser");
    List<Request> all = new ArrayList<>();
    for (CredentialKind credentials : CREDENTIALS) {
      for (List<String> actionOn : ACTIONS_ON) {
        all.add(caller.request(actionOn.get(0), actionOn.get(1), credentials, NOW, Map.of()).request());
      }
    }
    this.requests = List.copyOf(all);
  }

  private static User user(String name) {
    return new User(name, "/", IAM + "user/" + name, Map.of(), List.of("EC2MFA"), List.of(), List.of(), Optional.empty(),
        SourceLocation.UNKNOWN);
  }

  /** User MFAUser. */
  Caller caller() {
    return caller;
  }

  /** The caller's policies, compiled once; no resource in the mix has a resource-based policy. */
  PolicySet policies() {
    return caller.policies();
  }

  List<Request> requests() {
    return requests;
  }

  /** The policy documents as JSON, in the group's attachment order. */
  List<String> policyDocuments() {
    return List.of(forceMfaJson, ec2FullAccessJson);
  }
}
