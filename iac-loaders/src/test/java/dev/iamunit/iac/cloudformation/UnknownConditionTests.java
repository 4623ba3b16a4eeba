package dev.iamunit.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.UnresolvedValueException;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource whose Condition cannot be computed may not be created ("CloudFormation creates
 * entities that are associated with a true condition and ignores entities that are associated with
 * a false condition", CloudFormation User Guide, "Conditions syntax"): its statements apply only if
 * it exists, so a decision that depends on them fails naming the parameter to give.
 */
class UnknownConditionTests {

  @TempDir
  Path dir;

  private static final String TEMPLATE = """
      Parameters:
        EnableAudit:
          Type: String
          AllowedValues: ["true", "false"]
      Conditions:
        Audit: !Equals [!Ref EnableAudit, "true"]
      Resources:
        Worker:
          Type: AWS::IAM::Role
          Properties:
            RoleName: worker
            AssumeRolePolicyDocument:
              Version: "2012-10-17"
              Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }]
            Policies:
              - PolicyName: base
                PolicyDocument:
                  Version: "2012-10-17"
                  Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }]
        AuditPolicy:
          Type: AWS::IAM::Policy
          Condition: Audit
          Properties:
            PolicyName: audit
            Roles: [!Ref Worker]
            PolicyDocument:
              Version: "2012-10-17"
              Statement: [{ Effect: Allow, Action: cloudtrail:LookupEvents, Resource: "*" }]
        Auditor:
          Type: AWS::IAM::Role
          Condition: Audit
          Properties:
            RoleName: auditor
            AssumeRolePolicyDocument:
              Version: "2012-10-17"
              Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }]
            ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
      """;

  private static final String READ_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}]}";

  private Account load(Map<String, String> values) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, TEMPLATE);
    return CloudFormationLoader.load(List.of(file), LoadOptions.defaults().withProjectRoot(dir).withValues(values)
        .withAwsManagedPolicies(arn -> arn.endsWith("/ReadOnlyAccess") ? java.util.Optional.of(READ_ONLY) : java.util.Optional.empty()));
  }

  private static Decision decide(Account account, Role role, String action) {
    List<Policy> policies = new ArrayList<>(role.inlinePolicies());
    role.managedPolicyArns().forEach(arn -> policies.add(account.managedPolicy(arn).orElseThrow().document()));
    return Evaluator.standard().explain(Request.of(role.arn(), action, "*", RequestContext.builder().build()),
        PolicySet.builder().identity(policies).build());
  }

  @Test
  void policyWithAnUnknownConditionAppliesOnlyIfItExists() throws IOException {
    Account account = load(Map.of());
    Role worker = account.role("worker").orElseThrow();
    assertThatThrownBy(() -> decide(account, worker, "cloudtrail:LookupEvents"))
        .isInstanceOfSatisfying(UnresolvedValueException.class, e -> assertThat(e.values()).singleElement().satisfies(u -> {
          assertThat(u.expression()).isEqualTo("Condition Audit");
          assertThat(u.location().fileAndLine()).isEqualTo("template.yaml:20");
          assertThat(u.reason()).isEqualTo("whether AuditPolicy exists is unknown: condition Audit depends on"
              + " <unresolved: Ref EnableAudit> (parameter EnableAudit has no Default and was given no value);"
              + " its statements apply only if it does, so a decision that depends on them cannot be made;"
              + " give EnableAudit a value (@IamTest(parameters = \"EnableAudit=...\"))");
        }));
    // The role's own statement is certain.
    assertThat(decide(account, worker, "s3:GetObject").outcome()).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void withTheParameterGivenTheDecisionIsMade() throws IOException {
    Account enabled = load(Map.of("EnableAudit", "true"));
    assertThat(decide(enabled, enabled.role("worker").orElseThrow(), "cloudtrail:LookupEvents").outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(enabled.role("auditor").orElseThrow().managedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
    assertThat(enabled.unresolved()).isEmpty();
    Account disabled = load(Map.of("EnableAudit", "false"));
    assertThat(decide(disabled, disabled.role("worker").orElseThrow(), "cloudtrail:LookupEvents").outcome())
        .isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(disabled.role("auditor")).isEmpty();
  }
}
