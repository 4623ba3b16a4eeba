package dev.iamunit.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The AWS partitions, and the one rule by which a Region names its partition. "A partition is a
 * group of AWS Regions. Each AWS account is scoped to one partition" (AWS General Reference,
 * "Amazon Resource Names (ARNs)", ARN format): the partition is the second field of every ARN an
 * account's resources have ({@code arn:aws-cn:s3:::bucket} in the China Regions), what
 * CloudFormation's {@code AWS::Partition} and Terraform's {@code data "aws_partition"} give.
 *
 * <p>The bundled AWS data lists no Regions, so the Regions of each partition are the pattern the
 * AWS SDKs' partition metadata ({@code partitions.json}, {@code regionRegex}) gives it; the DNS
 * suffix and reverse DNS prefix are its {@code dnsSuffix} and what Terraform's {@code
 * aws_partition} data source reports (checked against the AWS provider 5.100: {@code terraform
 * plan} of a provider in each partition's Region). A Region no pattern matches is in no partition:
 * Terraform refuses it ("invalid AWS Region"), and so does IAMUnit, rather than take {@code aws}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Partition {
  AWS("aws", "(us|eu|ap|sa|ca|me|af|il|mx)-\\w+-\\d+", "us-east-1", "amazonaws.com", "com.amazonaws"),
  AWS_CN("aws-cn", "cn-\\w+-\\d+", "cn-north-1", "amazonaws.com.cn", "cn.com.amazonaws"),
  AWS_US_GOV("aws-us-gov", "us-gov-\\w+-\\d+", "us-gov-west-1", "amazonaws.com", "com.amazonaws"),
  AWS_ISO("aws-iso", "us-iso-\\w+-\\d+", "us-iso-east-1", "c2s.ic.gov", "gov.ic.c2s"),
  AWS_ISO_B("aws-iso-b", "us-isob-\\w+-\\d+", "us-isob-east-1", "sc2s.sgov.gov", "gov.sgov.sc2s"),
  AWS_ISO_E("aws-iso-e", "eu-isoe-\\w+-\\d+", "eu-isoe-west-1", "cloud.adc-e.uk", "uk.adc-e.cloud"),
  AWS_ISO_F("aws-iso-f", "us-isof-\\w+-\\d+", "us-isof-south-1", "csp.hci.ic.gov", "gov.ic.hci.csp"),
  AWS_EUSC("aws-eusc", "eusc-de-\\w+-\\d+", "eusc-de-east-1", "amazonaws.eu", "eu.amazonaws");

  private final String id;
  private final Pattern regions;
  /** A Region of the partition, for messages that ask for one. */
  private final String exampleRegion;
  private final String dnsSuffix;
  private final String reverseDnsPrefix;

  Partition(String id, String regions, String exampleRegion, String dnsSuffix, String reverseDnsPrefix) {
    this.id = id;
    this.regions = Pattern.compile(regions);
    this.exampleRegion = exampleRegion;
    this.dnsSuffix = dnsSuffix;
    this.reverseDnsPrefix = reverseDnsPrefix;
  }

  /** The partition's name as ARNs spell it: {@code aws}, {@code aws-cn}, {@code aws-us-gov}. */
  public String id() {
    return id;
  }

  /** The domain of its service endpoints: {@code AWS::URLSuffix}, {@code aws_partition.dns_suffix}. */
  public String dnsSuffix() {
    return dnsSuffix;
  }

  /** {@code aws_partition.reverse_dns_prefix}: the DNS suffix, its labels reversed. */
  public String reverseDnsPrefix() {
    return reverseDnsPrefix;
  }

  /**
   * The partitions of the Regions asked about: {@link LoadOptions#partition} and every ARN a loader
   * builds ask again, and a load names a handful of Regions.
   */
  private static final Map<String, Optional<Partition>> BY_REGION = new ConcurrentHashMap<>();

  /** The partition {@code region} is in; empty for a string no partition's Regions match. */
  public static Optional<Partition> ofRegion(String region) {
    return BY_REGION.computeIfAbsent(region, r -> Arrays.stream(values()).filter(p -> p.regions.matcher(r).matches()).findFirst());
  }

  /**
   * The partition {@code region} is in.
   *
   * @throws IllegalArgumentException naming the Region and the partitions' Region codes, when it
   *     is in none
   */
  public static Partition of(String region) {
    return ofRegion(region).orElseThrow(() -> new IllegalArgumentException(unknownRegion(region)));
  }

  /** The partition named {@code id} ({@code aws-cn}); empty for a name AWS does not use. */
  public static Optional<Partition> named(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }

  /**
   * Whether {@code principal} names a service: a host under a partition's DNS suffix ({@code
   * lambda.amazonaws.com}, {@code lambda.amazonaws.com.cn}), not an account or an ARN.
   */
  public static boolean isServicePrincipal(String principal) {
    return Arrays.stream(values()).anyMatch(p -> principal.endsWith("." + p.dnsSuffix));
  }

  /**
   * Checks that a request of a principal in partition {@code partition} can be made to {@code
   * region} ({@code aws:RequestedRegion}): the one check {@code @InRegion}, a request's own context
   * and the CLI's {@code --context} go through. "Partitions have independent instances of AWS
   * Identity and Access Management (IAM) and provide a hard boundary between Regions in different
   * partitions. [...] You cannot use IAM credentials from one partition to interact with resources
   * in a different partition" (AWS Fault Isolation Boundaries, Partitions): a request of an account
   * of {@code aws} to cn-north-1 is no request AWS decides, and deciding it would match the
   * account's ARNs against a Region they are never in.
   *
   * @param whose who makes the request, as a message names it ({@code account 123456789012})
   * @throws IllegalArgumentException naming the Region, its partition, the principal's partition
   *     and what to do, when the Region is in another partition or in none
   */
  public static void checkRequestRegion(String region, String partition, String whose) {
    Partition requested = ofRegion(region).orElseThrow(() -> new IllegalArgumentException(unknownRegion(region)));
    if (!requested.id.equals(partition)) {
      String example = named(partition).map(p -> ", such as " + p.exampleRegion).orElse("");
      throw new IllegalArgumentException("region " + region + " is in partition " + requested.id + ", but " + whose + " is in partition "
          + partition + ", and IAM credentials of one partition cannot reach Regions of another (AWS Fault Isolation Boundaries, "
          + "Partitions): request a Region of partition " + partition + example + ", or load the account into a Region of partition "
          + requested.id + " (@IamTest region, --region, its provider's or stack's Region)");
    }
  }

  /** Why {@code region} has no partition, for a message that names where it was given. */
  public static String unknownRegion(String region) {
    return "region \"" + region + "\" is in no AWS partition ("
        + Arrays.stream(values()).map(p -> p.id + " " + p.regions.pattern().replace("\\w+", "NAME").replace("\\d+", "N").replace("\\", ""))
            .collect(Collectors.joining(", "))
        + "), so the partition of its ARNs cannot be told; give a Region code such as us-east-1, cn-north-1 or us-gov-west-1";
  }

  @Override
  public String toString() {
    return id;
  }
}
