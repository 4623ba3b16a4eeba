package dev.iamunit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActionSuggestionTests {

  private final AwsData aws = AwsData.bundled();

  @Test
  void suggestsRunInstancesForRunInstance() {
    assertThat(aws.suggestActions("ec2:RunInstance", 3)).first().isEqualTo("ec2:RunInstances");
  }

  @Test
  void suggestsDespiteCaseAndSwappedLetters() {
    assertThat(aws.suggestActions("EC2:runisntances", 3)).contains("ec2:RunInstances");
  }

  @Test
  void suggestsTheRightServiceForAMisspelledPrefix() {
    assertThat(aws.suggestActions("lamda:InvokeFunction", 3)).contains("lambda:InvokeFunction");
  }

  @Test
  void suggestsActionsOfAnyServiceWithoutAPrefix() {
    assertThat(aws.suggestActions("GetSessionTokens", 5)).contains("sts:GetSessionToken");
  }

  @Test
  void prefersTheSameService() {
    assertThat(aws.suggestActions("s3:GetObjects", 10))
        .first()
        .asString()
        .startsWith("s3:");
  }

  @Test
  void returnsAtMostMax() {
    assertThat(aws.suggestActions("iam:ListUser", 2)).hasSizeLessThanOrEqualTo(2);
    assertThat(aws.suggestActions("iam:ListUser", 0)).isEmpty();
  }

  @Test
  void suggestsNothingForGibberish() {
    assertThat(aws.suggestActions("qqqqqq:zzzzzzzzzzzzzzzzz", 5)).isEmpty();
  }
}
