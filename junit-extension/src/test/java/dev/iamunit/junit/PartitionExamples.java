package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import org.junit.jupiter.api.Test;

/** The partition of the scenario's account follows the region its sources, or {@code @IamTest(region)}, deploy to. */
class PartitionExamples {

  @Examples
  @IamTest(terraform = "src/test/terraform/china")
  @AsUser("analyst")
  static class AProviderInAChinaRegion {

    @Test
    void matchesArnsOfAwsCnOnly(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws-cn:s3:::data/report.csv")).isAllowed().by("ReadData");
      assertThat(scenario.request("s3:GetObject").on("arn:aws-cn:s3:::legacy/report.csv")).isImplicitlyDenied();
    }

    /** The default resource of a request that names none is in the account's partition: arn:aws-cn:s3:::BUCKET. */
    @Test
    void makesTheDefaultResourceInAwsCn(IamScenario scenario) {
      assertThat(scenario.request("s3:ListBucket")).isAllowed().by("ListBucketsInChina");
    }
  }

  @Examples
  @IamTest(cloudFormation = "src/test/cloudformation/govcloud-reader.yaml", region = "us-gov-west-1")
  @AsUser("reader")
  static class ARegionInGovCloud {

    @Test
    void loadsAwsPartitionAsAwsUsGov(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws-us-gov:s3:::reports/q1.csv")).isAllowed().by("ReadReports");
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::reports/q1.csv")).isImplicitlyDenied();
    }
  }

  @Examples
  @IamTest(cloudFormation = "src/test/cloudformation/govcloud-reader.yaml", region = "moon-base-1")
  @AsUser("reader")
  static class ARegionInNoPartition {

    @Test
    void failsNamingIt(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::reports/q1.csv")).isAllowed();
    }
  }

  @Examples
  @IamTest(cloudFormation = "src/test/cloudformation/govcloud-reader.yaml")
  @AsUser("reader")
  static class ARequestRegionOfAnotherPartition {

    @Test
    @InRegion("cn-north-1")
    void failsForInRegion(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::reports/q1.csv")).isAllowed();
    }

    @Test
    void failsForTheRequestsContext(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::reports/q1.csv").withContext("aws:RequestedRegion", "us-gov-west-1"))
          .isAllowed();
    }

    @Test
    @InRegion("eu-west-1")
    void passesForARegionOfItsPartition(IamScenario scenario) {
      assertThat(scenario.request("s3:GetObject").on("arn:aws:s3:::reports/q1.csv")).isAllowed().by("ReadReports");
    }
  }
}
