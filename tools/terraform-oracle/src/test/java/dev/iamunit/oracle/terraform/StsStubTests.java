package dev.iamunit.oracle.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class StsStubTests {

  @Test
  void answersGetCallerIdentityWithTheDefaultAccount() throws Exception {
    try (StsStub sts = new StsStub()) {
      HttpResponse<String> response = post(sts, "Action=GetCallerIdentity&Version=2011-06-15",
          "AWS4-HMAC-SHA256 Credential=AKIAORACLEFAKEKEY000/20261207/us-east-1/sts/aws4_request");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("<Account>123456789012</Account>");
    }
  }

  @Test
  void anAssumedRoleSessionReportsTheRolesAccount() throws Exception {
    try (StsStub sts = new StsStub()) {
      HttpResponse<String> assumed = post(sts,
          "Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A999999999999%3Arole%2Fterraform&RoleSessionName=s", "");
      assertThat(assumed.body()).contains("<AccessKeyId>ASIAORACLE999999999999</AccessKeyId>",
          "arn:aws:sts::999999999999:assumed-role/terraform/s");
      HttpResponse<String> identity = post(sts, "Action=GetCallerIdentity",
          "AWS4-HMAC-SHA256 Credential=ASIAORACLE999999999999/20261207/us-west-2/sts/aws4_request");
      assertThat(identity.body()).contains("<Account>999999999999</Account>");
    }
  }

  /**
   * A provider in a China or GovCloud Region signs for that Region, and AWS answers with ARNs of its
   * partition: the AWS provider takes {@code data.aws_partition} from them (with an {@code aws:}
   * caller ARN, Terraform plans {@code aws} for a provider in cn-north-1).
   */
  @Test
  void answersInThePartitionOfTheSigningRegion() throws Exception {
    try (StsStub sts = new StsStub()) {
      assertThat(post(sts, "Action=GetCallerIdentity",
          "AWS4-HMAC-SHA256 Credential=AKIAORACLEFAKEKEY000/20261207/cn-north-1/sts/aws4_request").body())
          .contains("<Arn>arn:aws-cn:iam::123456789012:user/terraform-oracle</Arn>");
      assertThat(post(sts, "Action=AssumeRole&RoleArn=arn%3Aaws-us-gov%3Aiam%3A%3A888888888888%3Arole%2Fterraform&RoleSessionName=s",
          "AWS4-HMAC-SHA256 Credential=AKIAORACLEFAKEKEY000/20261207/us-gov-west-1/sts/aws4_request").body())
          .contains("arn:aws-us-gov:sts::888888888888:assumed-role/terraform/s");
    }
  }

  @Test
  void refusesEverythingElse() throws Exception {
    try (StsStub sts = new StsStub()) {
      assertThat(post(sts, "Action=GetSessionToken", "").statusCode()).isEqualTo(400);
    }
  }

  private static HttpResponse<String> post(StsStub sts, String form, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sts.url() + "/"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (!authorization.isEmpty()) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
