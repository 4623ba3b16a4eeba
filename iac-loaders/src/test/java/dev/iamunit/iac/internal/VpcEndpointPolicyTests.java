package dev.iamunit.iac.internal;

import static dev.iamunit.iac.internal.SubResourcePolicyTests.ACCOUNT;
import static dev.iamunit.iac.internal.SubResourcePolicyTests.CFN_USER;
import static dev.iamunit.iac.internal.SubResourcePolicyTests.TF_USER;
import static dev.iamunit.iac.internal.SubResourcePolicyTests.USER_ARN;
import static dev.iamunit.iac.internal.SubResourcePolicyTests.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.UnresolvedValueException;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.model.Unresolved;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 22: a VPC endpoint policy applies to the requests that come through the endpoint, which a
 * request says with {@code aws:SourceVpce}. "An endpoint policy does not override or replace
 * identity-based policies or resource-based policies" (Amazon VPC PrivateLink Guide, Control
 * access to VPC endpoints using endpoint policies): the request must be allowed as without the
 * endpoint and by the endpoint's policy; a Deny in it denies.
 */
class VpcEndpointPolicyTests {

  @TempDir
  Path dir;

  private static final String BUCKET = "arn:aws:s3:::reports";

  /** The user may do anything in S3 by its own policy; the endpoint lets only reads of the bucket through and denies deletes. */
  private static final String ENDPOINT = TF_USER + """
      resource "aws_iam_user_policy" "s3" {
        user   = aws_iam_user.app.name
        policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
      }
      resource "aws_vpc_endpoint_policy" "s3" {
        vpc_endpoint_id = "vpce-1a2b3c4d"
        policy = jsonencode({ Version = "2012-10-17", Statement = [
          { Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::reports/*" },
          { Effect = "Deny", Principal = "*", Action = "s3:DeleteObject", Resource = "*" }] })
      }
      """;

  @ParameterizedTest(name = "{0} on {1} through {2} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      s3:GetObject    | reports/q1.csv | vpce-1a2b3c4d | ALLOWED
      s3:PutObject    | reports/q1.csv | vpce-1a2b3c4d | IMPLICIT_DENY
      s3:GetObject    | other/q1.csv   | vpce-1a2b3c4d | IMPLICIT_DENY
      s3:DeleteObject | reports/q1.csv | vpce-1a2b3c4d | EXPLICIT_DENY
      s3:PutObject    | reports/q1.csv | ''            | ALLOWED
      s3:PutObject    | reports/q1.csv | vpce-99999999 | ALLOWED
      """)
  void aRequestThroughAnEndpointNeedsTheEndpointsAllowToo(String action, String object, String endpoint, Outcome expected) {
    Sources.Loaded loaded = new Sources(dir).terraform("endpoint", ENDPOINT);
    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.report().unresolved()).isEmpty();

    Map<String, List<String>> context = endpoint.isEmpty() ? Map.of() : Map.of("aws:SourceVpce", List.of(endpoint));
    Decision decision = decide(loaded.account(), action, "arn:aws:s3:::" + object, context);
    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }

  /** A bucket policy's grant to the user's ARN alone allows in the same account, but not past an endpoint that does not allow. */
  @Test
  void aResourcePolicysDirectGrantDoesNotPassAnEndpointThatDoesNotAllow() {
    Sources.Loaded loaded = new Sources(dir).terraform("direct", TF_USER + """
        resource "aws_s3_bucket_policy" "b" {
          bucket = "reports"
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "%s" },
            Action = "s3:PutObject", Resource = "arn:aws:s3:::reports/*" }] })
        }
        resource "aws_vpc_endpoint_policy" "s3" {
          vpc_endpoint_id = "vpce-1a2b3c4d"
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" }] })
        }
        """.formatted(USER_ARN));

    assertThat(decide(loaded.account(), "s3:PutObject", BUCKET + "/q1.csv").outcome()).isEqualTo(Outcome.ALLOWED);
    Decision through = decide(loaded.account(), "s3:PutObject", BUCKET + "/q1.csv", Map.of("aws:SourceVpce", List.of("vpce-1a2b3c4d")));
    assertThat(through.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(DecisionText.explained(through)).contains("VPC endpoint");
  }

  /**
   * An endpoint created by the templates has an id AWS generates (vpce-…): whether the request's
   * endpoint is that one is the unknown value, so a decision the endpoint's policy could change
   * fails naming it, in both formats; one it cannot change stands.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      terraform      | aws_vpc_endpoint.s3.id
      cloudformation | Endpoint.Id
      """)
  void anEndpointWithAGeneratedIdAppliesOnlyIfItIsTheOne(String format, String unknown) {
    Sources sources = new Sources(dir);
    String allowGet = "{Version: \"2012-10-17\", Statement: [{Effect: Allow, Principal: \"*\", Action: \"s3:GetObject\", Resource: \"*\"}]}";
    Sources.Loaded loaded = format.equals("terraform")
        ? sources.terraform("generated", TF_USER + """
            resource "aws_iam_user_policy" "s3" {
              user   = aws_iam_user.app.name
              policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" },
                { Effect = "Deny", Action = "s3:DeleteBucket", Resource = "*" }] })
            }
            resource "aws_vpc_endpoint" "s3" {
              vpc_id       = "vpc-1"
              service_name = "com.amazonaws.us-east-1.s3"
              policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject",
                Resource = "*" }] })
            }
            """)
        : sources.cloudFormation("generated.yaml", CFN_USER + """
              S3:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: s3
                  Users: [app]
                  PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}, {Effect: Deny, Action: "s3:DeleteBucket", Resource: "*"}]}
              Endpoint:
                Type: AWS::EC2::VPCEndpoint
                Properties: {VpcId: vpc-1, ServiceName: com.amazonaws.us-east-1.s3, PolicyDocument: %s}
            """.formatted(allowGet));
    assertThat(loaded.account().resourcePolicies().keySet()).singleElement()
        .extracting(arn -> Unresolved.replacePlaceholders(arn, "<id>")).isEqualTo("arn:aws:ec2:us-east-1:" + ACCOUNT + ":vpc-endpoint/<id>");
    Map<String, List<String>> through = Map.of("aws:SourceVpce", List.of("vpce-0f0f0f0f"));

    assertThatThrownBy(() -> decide(loaded.account(), "s3:PutObject", BUCKET + "/q1.csv", through))
        .isInstanceOf(UnresolvedValueException.class).hasMessageContaining(unknown);
    assertThat(decide(loaded.account(), "s3:DeleteBucket", BUCKET, through).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
  }
}
