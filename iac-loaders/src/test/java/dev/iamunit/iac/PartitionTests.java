package dev.iamunit.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one rule by which a Region names its partition. "partition - The partition in which the
 * resource is located. A partition is a group of AWS Regions. Each AWS account is scoped to one
 * partition. The following are the supported partitions: aws - AWS Regions, aws-cn - China
 * Regions, aws-us-gov - AWS GovCloud (US) Regions" (AWS General Reference, "Amazon Resource Names
 * (ARNs)", ARN format; the IAM User Guide, "IAM identifiers", IAM ARNs, gives the same list).
 */
class PartitionTests {

  /**
   * Each row's partition, DNS suffix and reverse DNS prefix are what Terraform 1.11 with the AWS
   * provider 5.100 gives {@code data "aws_partition"} ("partition - Identifier of the current
   * partition (e.g., aws in AWS Commercial, aws-cn in AWS China)", "dns_suffix - Base DNS domain
   * name for the current partition", "reverse_dns_prefix") under a provider in that Region:
   * {@code terraform plan}, offline, of one provider per row, run while writing this test.
   */
  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource(delimiter = '|', textBlock = """
      us-east-1      | aws        | amazonaws.com    | com.amazonaws
      eu-west-1      | aws        | amazonaws.com    | com.amazonaws
      ap-southeast-4 | aws        | amazonaws.com    | com.amazonaws
      il-central-1   | aws        | amazonaws.com    | com.amazonaws
      mx-central-1   | aws        | amazonaws.com    | com.amazonaws
      cn-north-1     | aws-cn     | amazonaws.com.cn | cn.com.amazonaws
      cn-northwest-1 | aws-cn     | amazonaws.com.cn | cn.com.amazonaws
      us-gov-west-1  | aws-us-gov | amazonaws.com    | com.amazonaws
      us-gov-east-1  | aws-us-gov | amazonaws.com    | com.amazonaws
      us-iso-east-1  | aws-iso    | c2s.ic.gov       | gov.ic.c2s
      us-isob-east-1 | aws-iso-b  | sc2s.sgov.gov    | gov.sgov.sc2s
      eu-isoe-west-1 | aws-iso-e  | cloud.adc-e.uk   | uk.adc-e.cloud
      us-isof-south-1| aws-iso-f  | csp.hci.ic.gov   | gov.ic.hci.csp
      eusc-de-east-1 | aws-eusc   | amazonaws.eu     | eu.amazonaws
      """)
  void aRegionIsInThePartitionAwsListsItIn(String region, String partition, String dnsSuffix, String reverseDnsPrefix) {
    Partition p = Partition.of(region);

    assertThat(p.id()).isEqualTo(partition);
    assertThat(p.dnsSuffix()).isEqualTo(dnsSuffix);
    assertThat(p.reverseDnsPrefix()).isEqualTo(reverseDnsPrefix);
    assertThat(Partition.named(partition)).contains(p);
  }

  /**
   * A string no partition's Regions match is no Region: Terraform refuses it ("Error: invalid AWS
   * Region: xx-foo-1" from the AWS provider 5.100), and IAMUnit does not take {@code aws} for it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"xx-foo-1", "us-east", "useast1", "cn-north", "us-gov-west", "moon-base-1", ""})
  void aStringInNoPartitionIsRefusedNamingTheRegionsOfEach(String region) {
    assertThat(Partition.ofRegion(region)).isEmpty();
    assertThatThrownBy(() -> Partition.of(region)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("region \"" + region + "\" is in no AWS partition (aws (us|eu|ap|sa|ca|me|af|il|mx)-NAME-N, "
            + "aws-cn cn-NAME-N, aws-us-gov us-gov-NAME-N,")
        .hasMessageEndingWith("), so the partition of its ARNs cannot be told; give a Region code such as us-east-1, cn-north-1 or us-gov-west-1");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "lambda.amazonaws.com, true", "lambda.amazonaws.com.cn, true", "events.amazonaws.eu, true",
      "123456789012, false", "arn:aws:iam::123456789012:root, false", "*, false", "amazonaws.com, false",
  })
  void aServicePrincipalIsAHostUnderAPartitionsDnsSuffix(String principal, boolean service) {
    assertThat(Partition.isServicePrincipal(principal)).isEqualTo(service);
  }

  @Test
  void theLoadOptionsPartitionFollowsTheirRegion() {
    assertThat(LoadOptions.defaults().partition()).isEqualTo("aws");
    assertThat(LoadOptions.defaults().withRegion("cn-northwest-1").partition()).isEqualTo("aws-cn");
    assertThat(LoadOptions.defaults().withRegion("us-gov-east-1").partition()).isEqualTo("aws-us-gov");
    assertThat(LoadOptions.defaults().withRegion("cn-north-1").withRegion("eu-west-1").partition()).isEqualTo("aws");
  }

  /**
   * One truth: the partition is a function of the region, so the options have no partition of
   * their own to disagree with it (no component, no setter), and a region in no partition is
   * refused.
   */
  @Test
  void loadOptionsHaveNoPartitionApartFromTheirRegion() {
    assertThat(LoadOptions.class.getRecordComponents()).extracting(RecordComponent::getName).doesNotContain("partition");
    assertThat(Arrays.stream(LoadOptions.class.getMethods()).map(Method::getName)).doesNotContain("withPartition");
    assertThatThrownBy(() -> LoadOptions.defaults().withRegion("xx-foo-1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("region \"xx-foo-1\" is in no AWS partition");
  }

  /**
   * A request of an account reaches Regions of its own partition only: "Partitions have
   * independent instances of AWS Identity and Access Management (IAM) and provide a hard boundary
   * between Regions in different partitions. [...] You cannot use IAM credentials from one
   * partition to interact with resources in a different partition" (AWS Fault Isolation
   * Boundaries, Partitions).
   */
  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource(delimiter = '|', nullValues = "OK", textBlock = """
      us-west-2      | aws        | OK
      cn-northwest-1 | aws-cn     | OK
      us-gov-east-1  | aws-us-gov | OK
      cn-north-1     | aws        | region cn-north-1 is in partition aws-cn, but account 123456789012 is in partition aws, and IAM credentials of one partition cannot reach Regions of another (AWS Fault Isolation Boundaries, Partitions): request a Region of partition aws, such as us-east-1, or load the account into a Region of partition aws-cn (@IamTest region, --region, its provider's or stack's Region)
      eu-west-1      | aws-us-gov | region eu-west-1 is in partition aws, but account 123456789012 is in partition aws-us-gov, and IAM credentials of one partition cannot reach Regions of another (AWS Fault Isolation Boundaries, Partitions): request a Region of partition aws-us-gov, such as us-gov-west-1, or load the account into a Region of partition aws (@IamTest region, --region, its provider's or stack's Region)
      """)
  void aRequestRegionMustBeInThePrincipalsPartition(String region, String partition, String message) {
    if (message == null) {
      Partition.checkRequestRegion(region, partition, "account 123456789012");
    } else {
      assertThatThrownBy(() -> Partition.checkRequestRegion(region, partition, "account 123456789012"))
          .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
  }

  @Test
  void aRequestRegionInNoPartitionIsRefusedAsAnyRegionInNone() {
    assertThatThrownBy(() -> Partition.checkRequestRegion("moon-base-1", "aws", "account 123456789012"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(Partition.unknownRegion("moon-base-1"));
  }
}
