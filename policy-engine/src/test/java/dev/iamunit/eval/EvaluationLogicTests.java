package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AWS's evaluation logic across policy types (IAM User Guide: "Policy evaluation logic", "How AWS
 * enforcement code logic evaluates requests to allow or deny access", "Cross-account policy
 * evaluation logic").
 */
class EvaluationLogicTests {

  private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
  private static final String OBJECT = "arn:aws:s3:::bucket/key";

  private static Policy identity(String statements) {
    return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", "id.json", PolicyKind.IDENTITY, "id");
  }

  private static Policy resource(String statements) {
    return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", "res.json", PolicyKind.RESOURCE, "res");
  }

  private static final String ALLOW_GET = "{\"Sid\":\"AllowGet\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}";
  private static final String DENY_GET = "{\"Sid\":\"DenyGet\",\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}";
  private static final String ALLOW_ALL = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}";

  private static Request get(String principal, String resourceAccount) {
    Request request = Request.of(principal, "s3:GetObject", OBJECT, RequestContext.builder().put("aws:username", "alice").build());
    return resourceAccount == null ? request : request.withResourceAccount(resourceAccount);
  }

  private static Outcome outcome(Request request, PolicySet set) {
    return Evaluator.standard().explain(request, set).outcome();
  }

  /** "By default, all requests are implicitly denied." */
  @Test
  void implicitDenyWithoutPolicies() {
    assertThat(outcome(get(ALICE, null), PolicySet.builder().build())).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  /** "An explicit deny in any policy overrides any allows." */
  @Test
  void explicitDenyOverridesAllow() {
    Decision decision = Evaluator.standard().explain(get(ALICE, null), PolicySet.ofIdentity(identity(ALLOW_GET + "," + DENY_GET)));
    assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decision.deciding()).extracting(r -> r.statement().sid().orElseThrow()).containsExactly("DenyGet");
    assertThat(decision.explanation().applied()).hasSize(2);
  }

  @Nested
  class ServiceControlPolicies {
    /**
     * "For a permission to be allowed for a specific account, there must be an explicit Allow
     * statement at every level from the root through each OU in the direct path to the account
     * (including the target account itself)" (AWS Organizations User Guide, SCP evaluation, How
     * SCPs work with Allow); "If the enforcement code does not find any applicable Allow statements
     * in the SCPs ... Deny" (IAM User Guide, How AWS enforcement code logic evaluates requests to
     * allow or deny access).
     */
    @Test
    void everyLevelMustAllow() {
      PolicySet set = PolicySet.builder().identity(identity(ALLOW_GET))
          .scpLevel(List.of(identity(ALLOW_ALL)))
          .scpLevel(List.of(identity("{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}")))
          .build();
      Decision decision = Evaluator.standard().explain(get(ALICE, null), set);
      assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(decision.explanation().reasons()).containsExactly("no service control policy at organization level 1 allows the request");
    }

    /**
     * "For a permission to be denied for a specific account, any SCP from the root through each OU
     * in the direct path to the account (including the target account itself) can deny that
     * permission" (AWS Organizations User Guide, SCP evaluation, How SCPs work with Deny).
     */
    @Test
    void aDenyAtAnyLevelWins() {
      PolicySet set = PolicySet.builder().identity(identity(ALLOW_GET))
          .scpLevel(List.of(identity(ALLOW_ALL), identity(DENY_GET)))
          .build();
      assertThat(outcome(get(ALICE, null), set)).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    /**
     * SCPs limit; they never grant: "SCPs alone are not sufficient to granting permissions to the
     * accounts in your organization. No permissions are granted by an SCP" (AWS Organizations User
     * Guide, Service control policies (SCPs)).
     */
    @Test
    void anScpAloneGrantsNothing() {
      PolicySet set = PolicySet.builder().scpLevel(List.of(identity(ALLOW_ALL))).build();
      assertThat(outcome(get(ALICE, null), set)).isEqualTo(Outcome.IMPLICIT_DENY);
    }
  }

  @Nested
  class ResourceControlPolicies {
    /**
     * RCPFullAWSAccess "is automatically attached to the organization root, every OU, and every
     * account ... You cannot detach this policy", and "any RCP from the root through each OU in the
     * direct path to the account (including the target account itself) can deny" (AWS
     * Organizations User Guide, RCP evaluation, Strategy for using RCPs): an RCP level without an
     * Allow of its own denies nothing; its Deny denies.
     */
    @Test
    void rcpsOnlyDeny() {
      PolicySet allowed = PolicySet.builder().identity(identity(ALLOW_GET)).rcpLevel(List.of()).build();
      assertThat(outcome(get(ALICE, null), allowed)).isEqualTo(Outcome.ALLOWED);
      Policy rcpDeny = PolicyParser.parse(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
          "rcp.json", PolicyKind.RESOURCE_CONTROL, "rcp");
      PolicySet denied = PolicySet.builder().identity(identity(ALLOW_GET)).rcpLevel(List.of(rcpDeny)).build();
      assertThat(outcome(get(ALICE, null), denied)).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    /**
     * "RCPs apply to resources for a subset of AWS services" (AWS Organizations User Guide,
     * Resource control policies (RCPs), List of AWS services that support RCPs): Amazon S3, AWS
     * STS, AWS KMS, Amazon SQS and AWS Secrets Manager among them since RCPs were launched (AWS
     * Control Tower, Controls implemented with RCPs, lists the same five); Amazon EC2, IAM, AWS
     * Lambda and Amazon SNS not. An RCP that denies every action refuses only the former.
     */
    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "s3:GetObject,                 arn:aws:s3:::bucket/key,                                       EXPLICIT_DENY",
        "sts:AssumeRole,               arn:aws:iam::111122223333:role/deploy,                         EXPLICIT_DENY",
        "kms:Decrypt,                  arn:aws:kms:us-east-1:111122223333:key/1234,                   EXPLICIT_DENY",
        "sqs:SendMessage,              arn:aws:sqs:us-east-1:111122223333:queue,                      EXPLICIT_DENY",
        "secretsmanager:GetSecretValue, arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf, EXPLICIT_DENY",
        "ec2:RunInstances,             arn:aws:ec2:us-east-1:111122223333:instance/i-1,               ALLOWED",
        "iam:CreateUser,               arn:aws:iam::111122223333:user/bob,                            ALLOWED",
        "lambda:InvokeFunction,        arn:aws:lambda:us-east-1:111122223333:function:f,              ALLOWED",
        "sns:Publish,                  arn:aws:sns:us-east-1:111122223333:topic,                      ALLOWED",
    })
    void rcpsBindOnlyTheServicesThatSupportThem(String action, String resource, Outcome expected) {
      Policy denyAll = PolicyParser.parse(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyAll\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
          "rcp.json", PolicyKind.RESOURCE_CONTROL, "rcp");
      PolicySet set = PolicySet.builder().identity(identity(ALLOW_ALL)).rcpLevel(List.of(denyAll)).build();
      Request request = Request.of(ALICE, action, resource, RequestContext.builder().build());

      assertThat(outcome(request, set)).isEqualTo(expected);
      assertThat(Evaluator.standard().decide(request, set).outcome()).isEqualTo(expected);
    }
  }

  @Nested
  class PermissionsBoundaries {
    /** "The effective permissions are the intersection of the identity-based policy and the boundary." */
    @Test
    void boundaryLimitsIdentityPolicies() {
      PolicySet set = PolicySet.builder().identity(identity(ALLOW_GET))
          .boundary(identity("{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}")).build();
      Decision decision = Evaluator.standard().explain(get(ALICE, null), set);
      assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(decision.explanation().reasons()).contains("the permissions boundary does not allow the request");
    }

    /**
     * "Within the same account, resource-based policies that grant permissions to an IAM user ARN
     * ... are not limited by an implicit deny in the permissions boundary."
     */
    @Test
    void sameAccountGrantToTheUserArnIsNotLimitedByTheBoundary() {
      PolicySet set = PolicySet.builder()
          .boundary(identity("{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}"))
          .resource(resource("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ALICE + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"" + OBJECT + "\"}"))
          .build();
      assertThat(outcome(get(ALICE, "111122223333"), set)).isEqualTo(Outcome.ALLOWED);
    }
  }

  @Nested
  class ResourceBasedPolicies {
    private final Policy grantToAlice = resource(
        "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ALICE + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"" + OBJECT + "\"}");
    private final Policy grantToAccount = resource(
        "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:GetObject\",\"Resource\":\"" + OBJECT + "\"}");

    /** "If either the identity-based policy or the resource-based policy within the same account allows the request ... allowed." */
    @Test
    void sameAccountGrantToTheUserSuffices() {
      assertThat(outcome(get(ALICE, "111122223333"), PolicySet.builder().resource(grantToAlice).build())).isEqualTo(Outcome.ALLOWED);
    }

    /** A grant to the account delegates to the account's identity-based policies. */
    @Test
    void sameAccountGrantToTheAccountNeedsTheIdentitySide() {
      assertThat(outcome(get(ALICE, "111122223333"), PolicySet.builder().resource(grantToAccount).build())).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(outcome(get(ALICE, "111122223333"), PolicySet.builder().resource(grantToAccount).identity(identity(ALLOW_GET)).build()))
          .isEqualTo(Outcome.ALLOWED);
    }

    /** Cross-account: "the request must be allowed by both". */
    @Test
    void crossAccountNeedsBothSides() {
      Request request = get(ALICE, "444455556666");
      assertThat(outcome(request, PolicySet.builder().resource(grantToAlice).build())).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(outcome(request, PolicySet.ofIdentity(identity(ALLOW_GET)))).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(outcome(request, PolicySet.builder().resource(grantToAlice).identity(identity(ALLOW_GET)).build())).isEqualTo(Outcome.ALLOWED);
    }

    /** A grant to a role ARN covers its sessions: "arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION". */
    @Test
    void roleArnMatchesItsSessions() {
      Policy grantToRole = resource("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/path/Deployer\"},"
          + "\"Action\":\"s3:GetObject\",\"Resource\":\"" + OBJECT + "\"}");
      Request session = get("arn:aws:sts::111122223333:assumed-role/Deployer/ci", "111122223333");
      assertThat(outcome(session, PolicySet.builder().resource(grantToRole).build())).isEqualTo(Outcome.ALLOWED);
      Request otherRole = get("arn:aws:sts::111122223333:assumed-role/Other/ci", "111122223333");
      assertThat(outcome(otherRole, PolicySet.builder().resource(grantToRole).build())).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /** "IAM role trust policies and KMS key policies ... must explicitly allow access for principals." */
    @Test
    void kmsKeyPolicyMustAllowEvenInTheSameAccount() {
      Request request = Request.of(ALICE, "kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/k", RequestContext.empty())
          .withResourceAccount("111122223333");
      Policy allowDecrypt = identity("{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
      assertThat(outcome(request, PolicySet.ofIdentity(allowDecrypt))).isEqualTo(Outcome.IMPLICIT_DENY);
      Policy keyPolicy = resource("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}");
      assertThat(outcome(request, PolicySet.builder().identity(allowDecrypt).resource(keyPolicy).build())).isEqualTo(Outcome.ALLOWED);
    }
  }

  @Nested
  class NotElements {
    /** "NotAction ... matches everything except the specified list of actions." */
    @Test
    void notActionWithAllow() {
      Policy policy = identity("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}");
      assertThat(outcome(get(ALICE, null), PolicySet.ofIdentity(policy))).isEqualTo(Outcome.ALLOWED);
      Request iam = Request.of(ALICE, "iam:CreateUser", "arn:aws:iam::111122223333:user/x", RequestContext.empty());
      assertThat(outcome(iam, PolicySet.ofIdentity(policy))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void notResourceWithDeny() {
      Policy policy = identity(ALLOW_ALL + ",{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::bucket/*\"}");
      assertThat(outcome(get(ALICE, null), PolicySet.ofIdentity(policy))).isEqualTo(Outcome.ALLOWED);
      assertThat(outcome(get(ALICE, null).withResource("arn:aws:s3:::other/key"), PolicySet.ofIdentity(policy))).isEqualTo(Outcome.EXPLICIT_DENY);
    }
  }

  @Nested
  class Matching {
    /** "The action ... is case insensitive"; resource ARNs are case-sensitive. */
    @Test
    void actionsIgnoreCaseResourcesDoNot() {
      Policy policy = identity("{\"Effect\":\"Allow\",\"Action\":\"S3:getobject\",\"Resource\":\"arn:aws:s3:::bucket/Key\"}");
      assertThat(outcome(get(ALICE, null).withResource("arn:aws:s3:::bucket/Key"), PolicySet.ofIdentity(policy))).isEqualTo(Outcome.ALLOWED);
      assertThat(outcome(get(ALICE, null).withResource("arn:aws:s3:::bucket/key"), PolicySet.ofIdentity(policy))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /** "You can use wildcard characters (* and ?) within the individual segments of an ARN." */
    @Test
    void wildcardsWithinSegments() {
      Policy policy = identity("{\"Effect\":\"Allow\",\"Action\":\"iam:*MFA*\",\"Resource\":\"arn:aws:iam::*:mfa/user-??\"}");
      Request request = Request.of(ALICE, "iam:CreateVirtualMFADevice", "arn:aws:iam::111122223333:mfa/user-01", RequestContext.empty());
      assertThat(outcome(request, PolicySet.ofIdentity(policy))).isEqualTo(Outcome.ALLOWED);
      assertThat(outcome(request.withResource("arn:aws:iam::111122223333:mfa/user-001"), PolicySet.ofIdentity(policy))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /** Policy variables: "${aws:username}" in Resource; Version 2008-10-17 takes it literally. */
    @Test
    void policyVariablesOnlyWithVersion2012() {
      String statement = "{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\",\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}";
      Request own = Request.of(ALICE, "iam:GetUser", ALICE, RequestContext.builder().put("aws:username", "alice").build());
      assertThat(outcome(own, PolicySet.ofIdentity(identity(statement)))).isEqualTo(Outcome.ALLOWED);
      assertThat(outcome(own.withResource("arn:aws:iam::111122223333:user/bob"), PolicySet.ofIdentity(identity(statement))))
          .isEqualTo(Outcome.IMPLICIT_DENY);
      Policy old = PolicyParser.parse("{\"Version\":\"2008-10-17\",\"Statement\":[" + statement + "]}", "old.json", PolicyKind.IDENTITY, "old");
      assertThat(outcome(own, PolicySet.ofIdentity(old))).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(outcome(own.withContext(RequestContext.empty()), PolicySet.ofIdentity(identity(statement)))).isEqualTo(Outcome.IMPLICIT_DENY);
    }
  }

  @Nested
  class UnresolvedValues {
    private Policy policyWithUnknownBucket(String effect) {
      SourceLocation at = SourceLocation.of("main.tf", 12, 5);
      Unresolved bucket = Unresolved.of("var.bucket_arn", at, "no value given for variable bucket_arn");
      DocObject statement = new DocObject(List.of(
          new DocObject.Member("Effect", at, DocScalar.string(effect, at)),
          new DocObject.Member("Action", at, DocScalar.string("s3:GetObject", at)),
          new DocObject.Member("Resource", at, new DocArray(List.of(new DocUnresolved(bucket)), at))), at);
      DocObject document = new DocObject(List.of(
          new DocObject.Member("Version", at, DocScalar.string("2012-10-17", at)),
          new DocObject.Member("Statement", at, new DocArray(List.of(statement), at))), at);
      return PolicyParser.parse(document, PolicyKind.IDENTITY, "aws_iam_policy.p");
    }

    /** A decision that depends on a value IAMUnit could not compute fails with its location. */
    @Test
    void aDecisionThatDependsOnAnUnresolvedValueFails() {
      assertThatThrownBy(() -> Evaluator.standard().explain(get(ALICE, null), PolicySet.ofIdentity(policyWithUnknownBucket("Allow"))))
          .isInstanceOf(UnresolvedValueException.class)
          .hasMessageStartingWith("main.tf:12:5: the decision for s3:GetObject on arn:aws:s3:::bucket/key by " + ALICE
              + " depends on values IAMUnit could not compute: <unresolved: var.bucket_arn> at main.tf:12:5");
    }

    /**
     * A statement whose Effect a loader could not compute could allow or deny anything: it is
     * kept as unreadable, and only a certain explicit deny decides without it.
     */
    @Test
    void anUnreadableStatementFailsEveryDecisionButACertainDeny() {
      SourceLocation at = SourceLocation.of("main.tf", 30, 5);
      Unresolved effect = Unresolved.of("var.effect", at, "no value given for variable effect");
      DocObject unreadableStatement = new DocObject(List.of(
          new DocObject.Member("Effect", at, new DocUnresolved(effect)),
          new DocObject.Member("Action", at, DocScalar.string("s3:GetObject", at)),
          new DocObject.Member("Resource", at, DocScalar.string("*", at))), at);
      DocObject readable = new DocObject(List.of(
          new DocObject.Member("Effect", at, DocScalar.string("Allow", at)),
          new DocObject.Member("Action", at, DocScalar.string("s3:PutObject", at)),
          new DocObject.Member("Resource", at, DocScalar.string("*", at))), at);
      DocObject document = new DocObject(List.of(
          new DocObject.Member("Version", at, DocScalar.string("2012-10-17", at)),
          new DocObject.Member("Statement", at, new DocArray(List.of(readable, unreadableStatement), at))), at);
      Policy policy = PolicyParser.parsePartly(document, PolicyKind.IDENTITY, "aws_iam_policy.p");

      assertThat(policy.statements()).hasSize(1);
      assertThat(policy.unreadable()).singleElement().extracting(Unresolved::location).isEqualTo(at);
      assertThatThrownBy(() -> Evaluator.standard().explain(get(ALICE, null), PolicySet.ofIdentity(policy)))
          .isInstanceOf(UnresolvedValueException.class)
          .hasMessageContaining("a statement of aws_iam_policy.p");
      assertThat(outcome(get(ALICE, null), PolicySet.ofIdentity(policy, identity(DENY_GET)))).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    /** Harmless where the decision does not depend on it. */
    @Test
    void anUnresolvedValueThatCannotChangeTheDecisionIsHarmless() {
      PolicySet set = PolicySet.ofIdentity(identity(DENY_GET), policyWithUnknownBucket("Allow"));
      assertThat(outcome(get(ALICE, null), set)).isEqualTo(Outcome.EXPLICIT_DENY);
      Request other = Request.of(ALICE, "ec2:RunInstances", "*", RequestContext.empty());
      assertThat(outcome(other, PolicySet.ofIdentity(policyWithUnknownBucket("Allow")))).isEqualTo(Outcome.IMPLICIT_DENY);
    }
  }

  /** "No permissions are required to perform this operation" (GetCallerIdentity). */
  @Test
  void getCallerIdentityIsNotAPolicyDecision() {
    Decision decision = Evaluator.standard().explain(
        Request.of(ALICE, "sts:GetCallerIdentity", "*", RequestContext.empty()), PolicySet.ofIdentity(identity("{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}")));
    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.outsidePolicies()).isPresent();
  }
}
