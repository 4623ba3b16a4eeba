package dev.iamunit.iac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 item 4. AWS KMS Developer Guide, "Default key policy": "If you don't provide one, AWS
 * KMS creates one for you ... This default key policy has one policy statement that gives the AWS
 * account that owns the KMS key permission to use IAM policies to allow access to all AWS KMS
 * operations on the KMS key." A key a template creates without a key policy gets it, named as
 * such and located at the key's resource.
 */
class DefaultKeyPolicyTests {

  @TempDir
  Path dir;

  private static final String ENCRYPT = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
      + "\\\"Action\\\":\\\"kms:Encrypt\\\",\\\"Resource\\\":\\\"*\\\"}]}";

  private static final String TERRAFORM_USER = """
      resource "aws_iam_user" "app" { name = "app" }
      resource "aws_iam_user_policy" "encrypt" {
        user   = aws_iam_user.app.name
        policy = "%s"
      }
      """.formatted(ENCRYPT);

  private static Map.Entry<String, Policy> keyPolicy(Account account) {
    return account.resourcePolicies().entrySet().stream().filter(e -> e.getKey().startsWith("arn:aws:kms:")).findFirst().orElseThrow();
  }

  private static Decision encrypt(Account account, String keyArn) {
    Caller caller = Caller.user(account, "app");
    return Evaluator.standard().explain(caller.request("kms:Encrypt", keyArn, CredentialKind.ACCESS_KEYS, Instant.now(), Map.of()));
  }

  @Test
  void aTerraformKeyWithoutPolicyGetsTheDefaultAndAnIamGrantAllows() {
    Sources.Loaded loaded = new Sources(dir).terraform("tf", TERRAFORM_USER + """
        resource "aws_kms_key" "data" {
          description = "no policy given"
        }
        """);

    Map.Entry<String, Policy> key = keyPolicy(loaded.account());
    Policy policy = key.getValue();
    assertThat(policy.name()).isEqualTo("aws_kms_key.data (AWS KMS default key policy: the template gives none)");
    assertThat(policy.location()).hasToString("tf/main.tf:6:1 (aws_kms_key.data)");
    assertThat(policy.statements()).singleElement().satisfies(s -> {
      assertThat(s.principal().orElseThrow().byType()).isEqualTo(Map.of("AWS", List.of("arn:aws:iam::123456789012:root")));
      assertThat(s.action().values()).containsExactly("kms:*");
    });
    assertThat(loaded.report().policies()).anySatisfy(p -> assertThat(p.address()).isEqualTo("aws_kms_key.data"));
    Decision decision = encrypt(loaded.account(), key.getKey());
    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void aKeyPolicyResourceOrArgumentReplacesTheDefault() {
    Sources.Loaded separate = new Sources(dir).terraform("separate", TERRAFORM_USER + """
        resource "aws_kms_key" "data" {}
        resource "aws_kms_key_policy" "data" {
          key_id = aws_kms_key.data.id
          policy = "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"AWS\\":\\"arn:aws:iam::123456789012:user/admin\\"},\\"Action\\":\\"kms:*\\",\\"Resource\\":\\"*\\"}]}"
        }
        """);
    Sources.Loaded inline = new Sources(dir).terraform("inline", TERRAFORM_USER + """
        resource "aws_kms_key" "data" {
          policy = "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"AWS\\":\\"arn:aws:iam::123456789012:user/admin\\"},\\"Action\\":\\"kms:*\\",\\"Resource\\":\\"*\\"}]}"
        }
        """);

    for (Sources.Loaded loaded : List.of(separate, inline)) {
      Map.Entry<String, Policy> key = keyPolicy(loaded.account());
      assertThat(loaded.account().resourcePolicies()).hasSize(1);
      assertThat(key.getValue().name()).doesNotContain("default");
      Decision decision = encrypt(loaded.account(), key.getKey());
      assertThat(decision.outcome()).as("the key policy names only admin: " + DecisionText.explained(decision)).isEqualTo(Outcome.IMPLICIT_DENY);
    }
  }

  @Test
  void aCloudFormationKeyWithoutKeyPolicyGetsTheDefault() {
    Sources.Loaded loaded = new Sources(dir).cloudFormation("t.yaml", """
        Resources:
          App: {Type: AWS::IAM::User, Properties: {UserName: app, Policies: [{PolicyName: encrypt, PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "kms:Encrypt", Resource: "*"}]}}]}}
          Data: {Type: AWS::KMS::Key, Properties: {Description: no policy given}}
        """);

    Map.Entry<String, Policy> key = keyPolicy(loaded.account());
    assertThat(key.getValue().name()).isEqualTo("Data (AWS KMS default key policy: the template gives none)");
    assertThat(key.getValue().statements()).extracting(Statement::location).allSatisfy(at -> assertThat(at).hasToString("t.yaml:3:3 (Data)"));
    Decision decision = encrypt(loaded.account(), key.getKey());
    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(Outcome.ALLOWED);
  }
}
