package dev.iamunit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionLookupTests {

  private final AwsData aws = AwsData.bundled();

  @Test
  void findsCreateVirtualMfaDeviceWithItsMfaResourceType() {
    // Service Authorization Reference, IAM: CreateVirtualMFADevice, Write, mfa*, with
    // mfa = arn:${Partition}:iam::${Account}:mfa/${MfaTokenIdWithPath}.
    ActionInfo action = aws.action("iam:CreateVirtualMFADevice").orElseThrow();

    assertThat(action.service()).isEqualTo("iam");
    assertThat(action.name()).isEqualTo("CreateVirtualMFADevice");
    assertThat(action.qualifiedName()).isEqualTo("iam:CreateVirtualMFADevice");
    assertThat(action.accessLevel()).isEqualTo(AccessLevel.WRITE);
    assertThat(action.resourceTypes())
        .singleElement()
        .satisfies(
            mfa -> {
              assertThat(mfa.name()).isEqualTo("mfa");
              assertThat(mfa.required()).isTrue();
              assertThat(mfa.arnPatterns())
                  .containsExactly("arn:${Partition}:iam::${Account}:mfa/${MfaTokenIdWithPath}");
            });
    assertThat(action.conditionKeys()).contains("aws:RequestTag/${TagKey}", "aws:TagKeys");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "iam:createvirtualmfadevice",
        "IAM:CREATEVIRTUALMFADEVICE",
        "Iam:CreateVirtualMfaDevice"
      })
  void ignoresCaseAndAnswersInAwsSpelling(String spelling) {
    // IAM JSON policy elements: Action — "action names are not case sensitive".
    assertThat(aws.action(spelling))
        .map(ActionInfo::qualifiedName)
        .contains("iam:CreateVirtualMFADevice");
  }

  @ParameterizedTest
  @CsvSource({
    "iam:ListUsers,           LIST",
    "iam:GetUser,             READ",
    "ec2:RunInstances,        WRITE",
    "iam:AttachUserPolicy,    PERMISSIONS_MANAGEMENT",
    "iam:TagUser,             TAGGING",
    "sts:GetSessionToken,     READ",
    "s3:GetObject,            READ"
  })
  void knowsTheAccessLevel(String action, AccessLevel level) {
    assertThat(aws.action(action)).map(ActionInfo::accessLevel).contains(level);
  }

  @Test
  void knowsActionsWithoutResourceTypes() {
    // sts:GetSessionToken supports only "Resource": "*": no resource type row.
    ActionInfo action = aws.action("sts:GetSessionToken").orElseThrow();

    assertThat(action.resourceTypes()).isEmpty();
  }

  @Test
  void listsOptionalResourceTypesWithTheirConditionKeys() {
    ActionInfo runInstances = aws.action("ec2:RunInstances").orElseThrow();

    assertThat(runInstances.resourceTypes())
        .filteredOn(type -> type.name().equals("instance"))
        .singleElement()
        .satisfies(
            instance -> {
              assertThat(instance.required()).isTrue();
              assertThat(instance.conditionKeys()).contains("ec2:InstanceType");
            });
    assertThat(runInstances.resourceTypes())
        .filteredOn(type -> type.name().equals("volume"))
        .singleElement()
        .satisfies(volume -> assertThat(volume.required()).isFalse());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ec2:RunInstance", "nosuchservice:RunInstances", "RunInstances", "ec2:", "", "ec2:*"
      })
  void findsNothingForUnknownActions(String unknown) {
    assertThat(aws.action(unknown)).isEmpty();
  }

  @Test
  void knowsWhichServicesExist() {
    assertThat(aws.serviceExists("ec2")).isTrue();
    assertThat(aws.serviceExists("IAM")).isTrue();
    assertThat(aws.serviceExists("sts")).isTrue();
    assertThat(aws.serviceExists("ec3")).isFalse();
    assertThat(aws.serviceExists("")).isFalse();
  }
}
