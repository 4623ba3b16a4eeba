package dev.iamunit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.Account;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request without a resource stands on what the Service Authorization Reference lists for its
 * action: "If there is no value for this column, you must specify all resources ("*") to which the
 * policy applies in the Resource element of your policy statement" (Service Authorization
 * Reference, the Resource types column of each service's Actions table); otherwise on a resource
 * of the type the action is named after, else of its first required type, in the loaded account.
 */
class DefaultResourceTests {

  private static final Account ACCOUNT =
      Account.builder().id("123456789012").partition("aws-us-gov").region("us-gov-west-1").build();

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      iam:ListUsers              | us-gov-west-1 | *
      sts:GetSessionToken        | us-gov-west-1 | *
      ec2:DescribeInstances      | us-gov-west-1 | *
      iam:CreateVirtualMFADevice | us-gov-west-1 | arn:aws-us-gov:iam::123456789012:mfa/${MfaTokenIdWithPath}
      iam:ChangePassword         | us-gov-west-1 | arn:aws-us-gov:iam::123456789012:user/${UserNameWithPath}
      ec2:TerminateInstances     | us-gov-east-1 | arn:aws-us-gov:ec2:us-gov-east-1:123456789012:instance/${InstanceId}
      s3:GetObject               | us-gov-west-1 | arn:aws-us-gov:s3:::${BucketName}/${ObjectName}
      s3:ListBucket              | us-gov-west-1 | arn:aws-us-gov:s3:::${BucketName}
      ec2:RunInstances           | us-gov-west-1 | arn:aws-us-gov:ec2:us-gov-west-1:123456789012:instance/${InstanceId}
      ec2:AttachVolume           | us-gov-west-1 | arn:aws-us-gov:ec2:us-gov-west-1:123456789012:volume/${VolumeId}
      """)
  void isOfTheTypeTheActionNamesInTheAccount(String action, String region, String expected) {
    assertThat(DefaultResource.of(action, ACCOUNT, region)).isEqualTo(expected);
  }
}
