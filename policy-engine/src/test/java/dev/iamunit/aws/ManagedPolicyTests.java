package dev.iamunit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManagedPolicyTests {

  private final AwsData aws = AwsData.bundled();

  @Test
  void resolvesAmazonEc2FullAccessByArn() throws Exception {
    ManagedPolicyDocument policy =
        aws.managedPolicy("arn:aws:iam::aws:policy/AmazonEC2FullAccess").orElseThrow();

    assertThat(policy.name()).isEqualTo("AmazonEC2FullAccess");
    assertThat(policy.arn()).isEqualTo("arn:aws:iam::aws:policy/AmazonEC2FullAccess");
    assertThat(policy.path()).isEqualTo("/");
    assertThat(policy.versionId()).matches("v\\d+");
    JsonNode document = new ObjectMapper().readTree(policy.document());
    assertThat(document.path("Version").asText()).isEqualTo("2012-10-17");
    assertThat(document.path("Statement"))
        .anySatisfy(
            statement -> {
              assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
              assertThat(statement.path("Action").asText()).isEqualTo("ec2:*");
              assertThat(statement.path("Resource").asText()).isEqualTo("*");
            });
  }

  @Test
  void resolvesByBareName() {
    assertThat(aws.managedPolicy("AmazonEC2FullAccess"))
        .map(ManagedPolicyDocument::arn)
        .contains("arn:aws:iam::aws:policy/AmazonEC2FullAccess");
  }

  @Test
  void resolvesPoliciesUnderAPath() {
    ManagedPolicyDocument policy =
        aws.managedPolicy("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
            .orElseThrow();

    assertThat(policy.path()).isEqualTo("/service-role/");
    assertThat(policy.document()).contains("logs:CreateLogStream");
    assertThat(aws.managedPolicy("AWSLambdaBasicExecutionRole")).contains(policy);
  }

  @Test
  void carriesTheWholeAdministratorAccessDocument() {
    assertThat(aws.managedPolicy("AdministratorAccess"))
        .map(ManagedPolicyDocument::document)
        .contains(
            "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // IAM resolves a managed policy ARN only with its path and only as AWS spells it.
        "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole",
        "arn:aws:iam::aws:policy/amazonec2fullaccess",
        "arn:aws:iam::123456789012:policy/AmazonEC2FullAccess",
        "arn:aws:iam::aws:policy/NoSuchPolicy",
        "NoSuchPolicy",
        ""
      })
  void findsNothingForUnknownPolicies(String unknown) {
    assertThat(aws.managedPolicy(unknown)).isEmpty();
  }

  @Test
  void keepsDocumentsOutOfToString() {
    assertThat(aws.managedPolicy("AdministratorAccess").orElseThrow())
        .hasToString("ManagedPolicyDocument[arn:aws:iam::aws:policy/AdministratorAccess v1]");
  }
}
