package dev.iamunit.iac.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.BoundRequest;
import dev.iamunit.eval.UnresolvedValueException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Unresolved;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 20, class 1: an {@code Fn::If} whose condition cannot be computed (a parameter without a
 * default) where a policy, or a list of policies, goes. Neither branch may vanish: the policy is
 * there, unreadable, with an {@link Unresolved} at the item's file:line that names it, and a
 * decision that could depend on it fails.
 */
class UnknownConditionPolicyTests {

  @TempDir
  Path dir;

  private static final String HEAD = """
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        Env: {Type: String}
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
      Resources:
      """;

  private static final String DENY_ALL = "{Version: \"2012-10-17\", Statement: [{Effect: Deny, Action: \"*\", Resource: \"*\"}]}";

  private static final String ALLOW_READ = "{Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: \"s3:GetObject\", Resource: \"*\"}]}";

  private static final String TRUST = "{Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: \"sts:AssumeRole\","
      + " Principal: {Service: lambda.amazonaws.com}}]}";

  private Sources.Loaded load(String resources) {
    return new Sources(dir).cloudFormation("t.yaml", HEAD + resources);
  }

  /** Every policy of the account, wherever it is attached. */
  private static List<Policy> allPolicies(Account account) {
    List<Policy> all = new ArrayList<>();
    account.users().values().forEach(u -> all.addAll(u.inlinePolicies()));
    account.groups().values().forEach(g -> all.addAll(g.inlinePolicies()));
    account.roles().values().forEach(r -> {
      all.addAll(r.inlinePolicies());
      r.trustPolicy().ifPresent(all::add);
    });
    account.managedPolicies().values().forEach(m -> all.add(m.document()));
    all.addAll(account.resourcePolicies().values());
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      user Policies item        | `  U: {Type: AWS::IAM::User, Properties: {UserName: u, Policies: [{PolicyName: Read, PolicyDocument: %2$s}, !If [IsProd, {PolicyName: DenyAll, PolicyDocument: %1$s}, {PolicyName: Other, PolicyDocument: %2$s}]]}}`  | U Policies: inline policy DenyAll or Other
      group Policies item       | `  G: {Type: AWS::IAM::Group, Properties: {GroupName: g, Policies: [!If [IsProd, {PolicyName: DenyAll, PolicyDocument: %1$s}, !Ref AWS::NoValue]]}}`                                          | G Policies: inline policy DenyAll
      role Policies item        | `  R: {Type: AWS::IAM::Role, Properties: {RoleName: r, AssumeRolePolicyDocument: %3$s, Policies: [!If [IsProd, {PolicyName: DenyAll, PolicyDocument: %1$s}, !Ref AWS::NoValue]]}}`       | R Policies: inline policy DenyAll
      whole Policies list       | `  U: {Type: AWS::IAM::User, Properties: {UserName: u, Policies: !If [IsProd, [{PolicyName: DenyAll, PolicyDocument: %1$s}], []]}}`                                                          | U Policies: inline policy DenyAll
      SAM function Policies item| `  F: {Type: AWS::Serverless::Function, Properties: {Runtime: python3.12, Handler: a.b, CodeUri: s3://b/k, Policies: [!If [IsProd, %1$s, AWSLambdaExecute]]}}`                             | F Policies: item 0 (a managed policy, a policy document or a SAM policy template)
      """)
  void anUnknownConditionInAPolicyListIsAnUnreadablePolicyNamedAtItsLine(String place, String resource, String expression) {
    String text = resource.formatted(DENY_ALL, ALLOW_READ, TRUST);
    Sources.Loaded loaded = load(text + "\n");

    Unresolved why = loaded.report().unresolved().stream().filter(u -> u.expression().equals(expression)).findFirst().orElseThrow(
        () -> new AssertionError(place + ": no unresolved " + expression + " in " + loaded.report().unresolved()));
    assertThat(why.location().file()).isEqualTo("t.yaml");
    // Where the Fn::If is written: line 7 is the resource's, the column the item's.
    assertThat(why.location().line()).isEqualTo(7);
    assertThat(why.location().column()).isEqualTo(text.indexOf("!If") + 1);
    assertThat(why.reason()).contains("condition IsProd depends on values that cannot be computed")
        .contains("a decision it could change fails until the values it depends on are given");
    assertThat(allPolicies(loaded.account())).filteredOn(p -> p.unreadable().contains(why)).as(place).singleElement()
        .satisfies(p -> assertThat(p.statements()).isEmpty());
  }

  /** The reproduction: a Deny-all behind an unknown condition no longer lets the Allow decide. */
  @Test
  void aDecisionThatTheConditionalDenyCouldChangeFails() {
    Account account = load("  U: {Type: AWS::IAM::User, Properties: {UserName: u, Policies: [{PolicyName: Read, PolicyDocument: "
        + ALLOW_READ + "}, !If [IsProd, {PolicyName: DenyAll, PolicyDocument: " + DENY_ALL + "}, !Ref AWS::NoValue]]}}\n").account();
    Caller caller = Caller.user(account, "u");
    BoundRequest request = caller.request("s3:GetObject", "arn:aws:s3:::b/k", CredentialKind.ACCESS_KEYS, Instant.now(), Map.of());

    assertThatThrownBy(() -> Evaluator.standard().explain(request))
        .isInstanceOf(UnresolvedValueException.class)
        .hasMessageContaining("U Policies: inline policy DenyAll")
        .hasMessageContaining("t.yaml:7:");
  }

  /** The other places a policy can be: each is there, unreadable or partly read, never dropped. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      managed policy document | `  M: {Type: AWS::IAM::ManagedPolicy, Properties: {ManagedPolicyName: m, PolicyDocument: !If [IsProd, %1$s, %2$s]}}`
      AWS::IAM::Policy        | `  U: {Type: AWS::IAM::User, Properties: {UserName: u}}\n  P: {Type: AWS::IAM::Policy, Properties: {PolicyName: p, Users: [u], PolicyDocument: !If [IsProd, %1$s, %2$s]}}`
      role trust policy       | `  R: {Type: AWS::IAM::Role, Properties: {RoleName: r, AssumeRolePolicyDocument: !If [IsProd, %3$s, %3$s]}}`
      bucket policy           | `  B: {Type: AWS::S3::BucketPolicy, Properties: {Bucket: b, PolicyDocument: !If [IsProd, %1$s, %2$s]}}`
      key policy              | `  K: {Type: AWS::KMS::Key, Properties: {KeyPolicy: !If [IsProd, %1$s, %2$s]}}`
      statement list item     | `  U: {Type: AWS::IAM::User, Properties: {UserName: u, Policies: [{PolicyName: p, PolicyDocument: {Version: "2012-10-17", Statement: [!If [IsProd, {Effect: Deny, Action: "*", Resource: "*"}, {Effect: Allow, Action: "*", Resource: "*"}]]}}]}}`
      """)
  void everyOtherPlaceOfAPolicyKeepsIt(String place, String resources) {
    Sources.Loaded loaded = load(resources.replace("\\n", "\n").formatted(DENY_ALL, ALLOW_READ, TRUST) + "\n");

    assertThat(loaded.report().problems()).isEmpty();
    assertThat(allPolicies(loaded.account())).as(place)
        .anySatisfy(p -> assertThat(p.unreadable()).anySatisfy(u -> assertThat(u.toString()).contains("IsProd")));
  }
}
