package dev.iamunit.iac.organization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One organization, one partition. "A partition is a group of AWS Regions. Each AWS account is
 * scoped to one partition" (IAM User Guide, "Identify AWS resources with Amazon Resource Names
 * (ARNs)", partition), and Organizations keeps to it: CreateGovCloudAccount, called "from the
 * management account of your organization in the commercial Region", creates "a standalone AWS
 * account in the AWS GovCloud (US) Region. After the account is created, the management account of
 * an organization in the AWS GovCloud (US) Region can invite it to that organization" (AWS
 * Organizations API Reference, CreateGovCloudAccount). So an account the loaded organization places
 * (by id) whose sources create it in a Region of another partition than its management account is
 * a problem where its first declaration is.
 */
class OrganizationPartitionTests {

  /** The organization, created through the default provider by the management account 123456789012; dev and prod are its members. */
  private static final String ORGANIZATION = """
      provider "aws" { region = "%s" }
      provider "aws" {
        alias  = "dev"
        region = "%s"
        assume_role { role_arn = "arn:%s:iam::222222222222:role/OrganizationAccountAccessRole" }
      }
      resource "aws_organizations_organization" "org" {
        feature_set          = "ALL"
        enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
      }
      resource "aws_organizations_account" "dev" {
        name  = "dev"
        email = "dev@example.com"
      }
      import {
        to = aws_organizations_account.dev
        id = "222222222222"
      }
      resource "aws_organizations_account" "prod" {
        name  = "prod"
        email = "prod@example.com"
      }
      import {
        to = aws_organizations_account.prod
        id = "111111111111"
      }
      """;

  /** A role of dev, created through its provider. */
  private static final String DEV_ROLE = """
      resource "aws_iam_role" "deployer" {
        provider           = aws.dev
        name               = "deployer"
        assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
      }
      """;

  @TempDir
  Path dir;

  private LoadedSources load(String managementRegion, String devRegion, String devPartition) throws IOException {
    Files.writeString(dir.resolve("main.tf"), ORGANIZATION.formatted(managementRegion, devRegion, devPartition) + DEV_ROLE);
    return SourceFormats.standard().load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"cn-north-1, aws-cn", "us-gov-west-1, aws-us-gov"})
  void aMemberCreatedInARegionOfAnotherPartitionIsAProblemAtItsFirstDeclaration(String region, String partition) throws IOException {
    LoadedSources loaded = load("eu-west-1", region, partition);

    assertThat(loaded.accounts().byId("222222222222").orElseThrow().partition()).isEqualTo(partition);
    assertThat(loaded.report().problems()).singleElement().satisfies(p -> {
      assertThat(p.location().fileAndLine()).as("the role the dev provider creates").isEqualTo("main.tf:27");
      assertThat(p.message()).isEqualTo("account 222222222222 (dev) is in partition " + partition + " (the sources create what goes in "
          + "it in region " + region + "), but the organization's management account 123456789012 is in partition aws; the accounts of "
          + "one organization are in one partition (\"Each AWS account is scoped to one partition\", IAM User Guide, Identify AWS "
          + "resources with ARNs; a GovCloud or China account joins an organization of its own partition), so its SCPs and RCPs cannot "
          + "apply to this account: create what goes in it through a provider or stack in a Region of partition aws, or load the "
          + "accounts of partition " + partition + " and their own organization apart");
    });
  }

  /** A member created in two Regions of aws-cn keeps the load's region (one region per account), and the message names no wrong one. */
  @Test
  void aMemberCreatedInTwoRegionsOfAnotherPartitionIsAProblemToo() throws IOException {
    Files.writeString(dir.resolve("main.tf"), ORGANIZATION.formatted("eu-west-1", "cn-north-1", "aws-cn") + DEV_ROLE + """
        provider "aws" {
          alias  = "dev_ningxia"
          region = "cn-northwest-1"
          assume_role { role_arn = "arn:aws-cn:iam::222222222222:role/OrganizationAccountAccessRole" }
        }
        resource "aws_iam_role" "reader" {
          provider           = aws.dev_ningxia
          name               = "reader"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
        }
        """);

    LoadReport report = SourceFormats.standard().load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir)).report();

    assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("account 222222222222 (dev) is in "
        + "partition aws-cn (the sources create what goes in it in Regions of that partition), but the organization's management "
        + "account 123456789012 is in partition aws;"));
  }

  @Test
  void aMemberInAnotherRegionOfThePartitionIsNoProblem() throws IOException {
    LoadedSources loaded = load("eu-west-1", "us-west-2", "aws");

    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.accounts().byId("222222222222").orElseThrow().region()).isEqualTo("us-west-2");
  }

  /**
   * An organization in China: the management account creates it in cn-north-1 (nothing else of it
   * is created there), the test loads with its default region, us-east-1: the organization's
   * provider puts the management account in aws-cn, beside its member.
   */
  @Test
  void anOrganizationWhollyInAnotherPartitionIsNoProblem() throws IOException {
    LoadedSources loaded = load("cn-north-1", "cn-northwest-1", "aws-cn");

    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.accounts().home().partition()).isEqualTo("aws-cn");
    assertThat(loaded.accounts().byId("222222222222").orElseThrow().partition()).isEqualTo("aws-cn");
  }

  /**
   * CloudFormation: a CDK stack whose environment deploys to the member dev in cn-north-1 (its
   * manifest's {@code environment}) while the organization is in aws. (A CloudFormation template
   * cannot give the ids of the accounts it creates, "Ref returns the AccountId" AWS generates,
   * CloudFormation User Guide, AWS::Organizations::Account: the accounts an organization declared
   * there places are known by id only through other sources.)
   */
  @Test
  void aCloudFormationStackOfAMemberInARegionOfAnotherPartitionIsAProblemAtItsTemplate() throws IOException {
    Path org = Files.createDirectories(dir.resolve("org"));
    Files.writeString(org.resolve("main.tf"), ORGANIZATION.formatted("eu-west-1", "eu-west-1", "aws"));
    Path assembly = Files.createDirectories(dir.resolve("cdk.out"));
    Files.writeString(assembly.resolve("manifest.json"), """
        {"version": "36.0.0", "artifacts": {
          "Dev": {"type": "aws:cloudformation:stack", "environment": "aws://222222222222/cn-north-1",
            "properties": {"templateFile": "Dev.template.json"}}}}
        """);
    Files.writeString(assembly.resolve("Dev.template.json"), """
        {"Resources": {
          "Deployer": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "deployer",
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []}}}}}
        """);

    LoadReport report = SourceFormats.standard().load(List.of(org, assembly), LoadOptions.defaults().withProjectRoot(dir)).report();

    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.location().fileAndLine()).isEqualTo("cdk.out/Dev.template.json:2");
      assertThat(p.message()).startsWith("account 222222222222 (dev) is in partition aws-cn (the sources create what goes in it in region "
          + "cn-north-1), but the organization's management account 123456789012 is in partition aws;");
    });
  }
}
