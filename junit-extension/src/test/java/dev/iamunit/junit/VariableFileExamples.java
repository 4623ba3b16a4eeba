package dev.iamunit.junit;

import static dev.iamunit.assertj.IamAssertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code @IamTest(terraformVarFiles, terraformWorkspace)} choose the values a Terraform configuration loads with. */
class VariableFileExamples {

  @Examples
  @IamTest(terraform = "src/test/terraform/var-files")
  @AsUser("deployer")
  static class TerraformTfvarsAndTheDefaultWorkspace {

    @Test
    void deploysToTheDefaultBucket(IamScenario scenario) {
      assertThat(scenario.request("s3:PutObject").on("arn:aws:s3:::artifacts-default/app.zip")).isAllowed().by("Deploy");
      assertThat(scenario.request("s3:PutObject").on("arn:aws:s3:::prod-artifacts-prod/app.zip")).isImplicitlyDenied();
    }
  }

  @Examples
  @IamTest(terraform = "src/test/terraform/var-files", terraformVarFiles = "src/test/terraform/var-files/env/prod.tfvars",
      terraformWorkspace = "prod")
  @AsUser("deployer")
  static class AVarFileAndAWorkspace {

    @Test
    void deploysToTheProductionBucket(IamScenario scenario) {
      assertThat(scenario.request("s3:PutObject").on("arn:aws:s3:::prod-artifacts-prod/app.zip")).isAllowed().by("Deploy");
      assertThat(scenario.request("s3:PutObject").on("arn:aws:s3:::artifacts-default/app.zip")).isImplicitlyDenied();
    }
  }

  @Examples
  @IamTest(terraform = "src/test/terraform/var-files", terraformVarFiles = "src/test/terraform/var-files/env/staging.tfvars")
  @AsUser("deployer")
  static class AMissingVarFile {

    @Test
    void failsNamingIt(IamScenario scenario) {
      assertThat(scenario.request("s3:PutObject").on("arn:aws:s3:::artifacts-default/app.zip")).isAllowed();
    }
  }
}
