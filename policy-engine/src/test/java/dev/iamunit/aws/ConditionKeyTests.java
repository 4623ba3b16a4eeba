package dev.iamunit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionKeyTests {

  private final AwsData aws = AwsData.bundled();

  @ParameterizedTest
  @CsvSource({
    // AWS global condition context keys
    "aws:MultiFactorAuthPresent,  aws:MultiFactorAuthPresent, BOOL",
    "aws:MultiFactorAuthAge,      aws:MultiFactorAuthAge,     NUMERIC",
    "aws:SourceIp,                aws:SourceIp,               IP_ADDRESS",
    "aws:CurrentTime,             aws:CurrentTime,            DATE",
    "aws:PrincipalArn,            aws:PrincipalArn,           ARN",
    "aws:TagKeys,                 aws:TagKeys,                ARRAY_OF_STRING",
    "aws:username,                aws:username,               STRING",
    // service keys
    "s3:max-keys,                 s3:max-keys,                NUMERIC",
    "ec2:InstanceType,            ec2:InstanceType,           STRING",
    "iam:PassedToService,         iam:PassedToService,        STRING"
  })
  void knowsTheTypeOfAKey(String key, String name, ConditionKeyType type) {
    assertThat(aws.conditionKey(key))
        .hasValueSatisfying(
            info -> {
              assertThat(info.name()).isEqualTo(name);
              assertThat(info.type()).isEqualTo(type);
            });
  }

  @Test
  void ignoresCaseInKeyNames() {
    // "Condition key names are not case-sensitive."
    assertThat(aws.conditionKey("AWS:multifactorauthpresent"))
        .map(ConditionKeyInfo::name)
        .contains("aws:MultiFactorAuthPresent");
  }

  @Test
  void marksGlobalKeys() {
    assertThat(aws.conditionKey("aws:MultiFactorAuthPresent"))
        .map(ConditionKeyInfo::global)
        .contains(true);
    assertThat(aws.conditionKey("ec2:InstanceType")).map(ConditionKeyInfo::global).contains(false);
  }

  @ParameterizedTest
  @CsvSource({
    "aws:PrincipalTag/team,               aws:PrincipalTag/${TagKey}",
    "aws:ResourceTag/cost-center,         aws:ResourceTag/${TagKey}",
    "aws:RequestTag/Name,                 aws:RequestTag/${TagKey}",
    "kms:EncryptionContext:department,    kms:EncryptionContext:${EncryptionContextKey}",
    "s3:ExistingObjectTag/classification, s3:ExistingObjectTag/<key>",
    "token.actions.githubusercontent.com/acme:repository,"
        + "token.actions.githubusercontent.com/${SubPath}:repository"
  })
  void resolvesConcreteKeysToTheirTemplate(String key, String template) {
    assertThat(aws.conditionKey(key)).map(ConditionKeyInfo::name).contains(template);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aws:MultiFactorAuthPresnt", "aws:PrincipalTag/", "ec2:NoSuchKey", "nosuch:key", "x"
      })
  void findsNothingForUnknownKeys(String unknown) {
    assertThat(aws.conditionKey(unknown)).isEmpty();
  }
}
