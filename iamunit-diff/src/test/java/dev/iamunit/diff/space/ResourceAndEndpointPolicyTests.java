package dev.iamunit.diff.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.eval.ResourcePolicyOwner;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The complete space asks what resource-based and VPC endpoint policies change: resources a
 * policy holds ({@link ResourcePolicyOwner#reaches}, the one rule that finds the policy), and
 * requests through each loaded endpoint (issue 26).
 */
class ResourceAndEndpointPolicyTests {

  private static final String DOMAIN = "arn:aws:es:us-east-1:" + Accounts.ID + ":domain/logs";
  private static final String ALICE = "arn:aws:iam::" + Accounts.ID + ":user/alice";

  private static Account withResourcePolicy(String identityStatements, String key, String statements) {
    Account users = Accounts.withUsers(identityStatements, "alice");
    Policy policy = PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}", "main.tf",
        PolicyKind.RESOURCE, "Policy");
    return users.toBuilder().resourcePolicy(key, policy).build();
  }

  /**
   * "These policies specify which actions a principal can perform on the domain's subresources
   * ... Subresources include OpenSearch indexes and APIs" (OpenSearch Service Developer Guide,
   * Identity and Access Management in Amazon OpenSearch Service, Resource-based policies): a
   * domain policy opened to alice gives her the domain's indexes, which only the rule that finds
   * the domain's policy for an index ARN tells apart from other domains' ARNs.
   */
  @Test
  void aDomainPolicyOpenedToAUserIsNewAccessToTheDomainsIndexes() {
    String grant = "{\"Sid\": \"Alice\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"" + ALICE + "\"}, \"Action\": \"es:ESHttpGet\","
        + " \"Resource\": \"*\"}";
    String nobody = "{\"Sid\": \"Nobody\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::" + Accounts.ID
        + ":user/bob\"}, \"Action\": \"es:ESHttpGet\", \"Resource\": \"*\"}";
    AccessDiff diff = AccessDiffer.standard().compare(withResourcePolicy("", DOMAIN, nobody), withResourcePolicy("", DOMAIN, grant),
        "base", "head");

    List<DiffRow> opened = diff.rows(Change.NEWLY_ALLOWED);
    assertThat(opened).extracting(DiffRow::resource).anySatisfy(r -> assertThat(r).startsWith(DOMAIN + "/"));
    assertThat(opened).allSatisfy(row -> {
      assertThat(row.resource()).startsWith(DOMAIN);
      assertThat(row.proved()).isTrue();
    });
    assertThat(diff.space().proof().complete()).isTrue();
  }

  @Test
  void aDomainPolicyReachesTheDomainsSubresourcesOnly() {
    Account account = withResourcePolicy("", DOMAIN, "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"es:*\", \"Resource\": \"*\"}");

    assertThat(ResourcePolicyOwner.reaches(account)).singleElement().satisfies(reach -> {
      assertThat(reach.policy()).isEqualTo(DOMAIN);
      assertThat(reach.within()).containsExactly(DOMAIN + "/?*");
      assertThat(reach.outside()).isEmpty();
    });
  }

  /**
   * "This key is included in the request context only if the requester uses a VPC endpoint to
   * make the request" (IAM User Guide, AWS global condition context keys, aws:SourceVpce), and
   * an endpoint policy "controls access to the service to which you are connecting" (Amazon VPC
   * PrivateLink Guide, Control access to VPC endpoints using endpoint policies): narrowing the
   * policy of a loaded endpoint denies what goes through it, and nothing else.
   */
  @Test
  void aNarrowedEndpointPolicyDeniesRequestsThroughThatEndpointOnly() {
    String endpoint = ResourcePolicyOwner.vpcEndpointPolicy("aws", "us-east-1", Accounts.ID, "vpce-0a1b2c3d");
    String identity = "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}";
    String everything = "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\"}";
    String listOnly = "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:ListBucket\", \"Resource\": \"*\"}";
    AccessDiff diff = AccessDiffer.standard().compare(withResourcePolicy(identity, endpoint, everything),
        withResourcePolicy(identity, endpoint, listOnly), "base", "head");

    assertThat(diff.rows(Change.NEWLY_DENIED)).isNotEmpty().allSatisfy(row -> {
      assertThat(row.action()).isEqualTo("s3:GetObject");
      assertThat(row.context()).containsEntry("aws:SourceVpce", "vpce-0a1b2c3d");
      assertThat(row.proved()).isTrue();
    });
    assertThat(diff.rows()).hasSize(diff.rows(Change.NEWLY_DENIED).size());
  }
}
