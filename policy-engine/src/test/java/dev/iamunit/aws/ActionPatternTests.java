package dev.iamunit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ActionPatternTests {

  private final AwsData aws = AwsData.bundled();

  @Test
  void expandsMfaWildcardToTheMfaActions() {
    // The pattern of seed policy "force MFA": iam:*MFA* must match every MFA action and no other.
    assertThat(aws.expandActionPattern("iam:*MFA*"))
        .contains(
            "iam:CreateVirtualMFADevice",
            "iam:DeactivateMFADevice",
            "iam:DeleteVirtualMFADevice",
            "iam:EnableMFADevice",
            "iam:ListMFADevices",
            "iam:ListVirtualMFADevices",
            "iam:ResyncMFADevice")
        .doesNotContain("iam:ListUsers", "iam:CreateUser")
        .allSatisfy(action -> assertThat(action).startsWith("iam:").containsIgnoringCase("mfa"))
        .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER)
        .doesNotHaveDuplicates();
  }

  @Test
  void expandsMfaWildcardToExactlyTheIamActionsNamingMfa() {
    assertThat(aws.expandActionPattern("iam:*MFA*"))
        .containsExactlyElementsOf(
            aws.expandActionPattern("iam:*").stream()
                .filter(action -> action.toLowerCase(Locale.ROOT).contains("mfa"))
                .toList());
  }

  @Test
  void ignoresCaseInPatterns() {
    assertThat(aws.expandActionPattern("IAM:*mfa*"))
        .isEqualTo(aws.expandActionPattern("iam:*MFA*"));
  }

  @Test
  void matchesOneCharacterWithQuestionMark() {
    assertThat(aws.expandActionPattern("sts:GetSessio?Token"))
        .containsExactly("sts:GetSessionToken");
    assertThat(aws.expandActionPattern("sts:GetSession?Token")).isEmpty();
  }

  /** A reader of the whole catalog walks it a service at a time: the same actions, in the same order, as {@code *}. */
  @Test
  void theServicesActionsOneServiceAfterAnotherAreEveryActionInOrder() {
    java.util.List<String> walked = new java.util.ArrayList<>();
    for (String service : aws.services()) {
      java.util.List<String> own = aws.actionsOf(service).stream().map(ActionInfo::qualifiedName).toList();
      assertThat(own).as(service).isEqualTo(aws.expandActionPattern(service + ":*"));
      walked.addAll(own);
    }

    assertThat(walked).isEqualTo(aws.expandActionPattern("*"));
    assertThat(aws.actionsOf("EC2")).isEqualTo(aws.actionsOf("ec2")).isNotEmpty();
    assertThat(aws.actionsOf("nosuchservice")).isEmpty();
  }

  @Test
  void expandsAServiceWildcardToEveryActionOfTheService() {
    assertThat(aws.expandActionPattern("ec2:*"))
        .hasSizeGreaterThan(500)
        .contains("ec2:RunInstances", "ec2:DescribeInstances")
        .allSatisfy(action -> assertThat(action).startsWith("ec2:"));
  }

  @Test
  void expandsStarToEveryAction() {
    assertThat(aws.expandActionPattern("*"))
        .hasSizeGreaterThan(15_000)
        .contains("ec2:RunInstances", "iam:CreateVirtualMFADevice", "sts:GetSessionToken");
  }

  @Test
  void matchesWildcardsInTheServicePrefix() {
    assertThat(aws.expandActionPattern("st?:GetSessionToken"))
        .containsExactly("sts:GetSessionToken");
    assertThat(aws.expandActionPattern("*:GetSessionToken")).contains("sts:GetSessionToken");
  }

  @Test
  void expandsAPatternWithoutWildcardsToTheActionInAwsSpelling() {
    assertThat(aws.expandActionPattern("ec2:runinstances")).containsExactly("ec2:RunInstances");
  }

  @Test
  void expandsUnknownServicesAndActionsToNothing() {
    assertThat(aws.expandActionPattern("nosuchservice:*")).isEmpty();
    assertThat(aws.expandActionPattern("ec2:NoSuch*")).isEmpty();
    assertThat(aws.expandActionPattern("ec2")).isEmpty();
  }
}
