package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 22: which resource policies apply to a request on a resource, by the form of its ARN. One
 * account holds a policy at every key below, each named by its key; a row is a requested resource
 * and the policies that apply, the resource's own first. The AWS sentence behind each row is cited
 * at its rule in {@link ResourcePolicyOwner}; the rows are checked on loaded templates in
 * iac-loaders' {@code ResourcePolicyOwnerTests}.
 */
class ResourcePolicyOwnerTests {

  private static final String A = "arn:aws:";
  private static final Unresolved SUFFIX = Unresolved.of("aws_secretsmanager_secret.s.arn", SourceLocation.UNKNOWN, "generated");

  private static final List<String> KEYS = List.of(
      A + "s3:::bucket",
      A + "s3:us-east-1:1:accesspoint/ap",
      A + "s3::1:accesspoint/mfzwi23gnjvgw.mrap",
      A + "execute-api:us-east-1:1:a1b2c3",
      A + "es:us-east-1:1:domain/search",
      A + "codeartifact:us-east-1:1:repository/dom/repo",
      A + "codeartifact:us-east-1:1:domain/dom",
      A + "s3tables:us-east-1:1:bucket/tables",
      A + "s3tables:us-east-1:1:bucket/tables/table/t-1",
      A + "sagemaker:us-east-1:1:model-package-group/models",
      A + "lambda:us-east-1:1:function:fn",
      A + "lambda:us-east-1:1:function:fn:prod",
      A + "kinesis:us-east-1:1:stream/s",
      A + "ecr:us-east-1:1:repository/app",
      ResourcePolicyOwner.ecrRegistryPolicy("aws", "us-east-1", "1"),
      A + "glacier:us-east-1:1:vaults/v",
      ResourcePolicyOwner.vaultLockPolicy(A + "glacier:us-east-1:1:vaults/v"),
      ResourcePolicyOwner.logsResourcePolicy("aws", "us-east-1", "1", "route53"),
      ResourcePolicyOwner.logsResourcePolicy("aws", "us-east-1", "1", "events"),
      ResourcePolicyOwner.logsResourcePolicy("aws", "eu-west-1", "1", "elsewhere"),
      A + "secretsmanager:us-east-1:1:secret:db-" + SUFFIX.placeholder());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      s3:::bucket/photos/cat.jpg                              | s3:::bucket
      s3:::bucket                                             | s3:::bucket
      s3:::other/key                                          |
      s3:us-east-1:1:accesspoint/ap/object/photos/cat.jpg     | s3:us-east-1:1:accesspoint/ap
      s3:us-east-1:1:accesspoint/ap                           | s3:us-east-1:1:accesspoint/ap
      s3::1:accesspoint/mfzwi23gnjvgw.mrap/object/k           | s3::1:accesspoint/mfzwi23gnjvgw.mrap
      execute-api:us-east-1:1:a1b2c3/prod/GET/pets            | execute-api:us-east-1:1:a1b2c3
      execute-api:us-east-1:1:a1b2c3                          | execute-api:us-east-1:1:a1b2c3
      execute-api:us-east-1:1:zzz/prod/GET/pets               |
      es:us-east-1:1:domain/search/orders/_search             | es:us-east-1:1:domain/search
      es:us-east-1:1:domain/search                            | es:us-east-1:1:domain/search
      codeartifact:us-east-1:1:package/dom/repo/npm//left-pad | codeartifact:us-east-1:1:repository/dom/repo
      codeartifact:us-east-1:1:repository/dom/repo            | codeartifact:us-east-1:1:repository/dom/repo
      s3tables:us-east-1:1:bucket/tables/table/t-1            | s3tables:us-east-1:1:bucket/tables/table/t-1 s3tables:us-east-1:1:bucket/tables
      s3tables:us-east-1:1:bucket/tables/table/t-2            | s3tables:us-east-1:1:bucket/tables
      sagemaker:us-east-1:1:model-package/models/3            | sagemaker:us-east-1:1:model-package-group/models
      lambda:us-east-1:1:function:fn:prod                     | lambda:us-east-1:1:function:fn:prod
      lambda:us-east-1:1:function:fn:7                        |
      lambda:us-east-1:1:function:fn                          | lambda:us-east-1:1:function:fn
      kinesis:us-east-1:1:stream/s/consumer/c:1700000000      |
      ecr:us-east-1:1:repository/app                          | ecr:us-east-1:1:repository/app ecr:us-east-1:1:registry-policy
      ecr:us-east-1:1:repository/other                        | ecr:us-east-1:1:registry-policy
      ecr:eu-west-1:1:repository/app                          |
      glacier:us-east-1:1:vaults/v                            | glacier:us-east-1:1:vaults/v glacier:us-east-1:1:vaults/v/lock-policy
      logs:us-east-1:1:log-group:/aws/route53/zone:*          | logs:us-east-1:1:resource-policy:route53 logs:us-east-1:1:resource-policy:events
      logs:us-east-1:1:destination:d                          |
      secretsmanager:us-east-1:1:secret:db-AbCdEf             | secretsmanager:us-east-1:1:secret:db-<suffix>
      secretsmanager:us-east-1:1:secret:db-AbCdE              |
      secretsmanager:us-east-1:1:secret:other-AbCdEf          |
      """)
  void theResourcesOwnPolicyAndItsHoldersApply(String resource, String expected) {
    Account.Builder account = Account.builder();
    KEYS.forEach(key -> account.resourcePolicy(key, policy(key)));

    List<String> found = ResourcePolicyOwner.policies(account.build(), A + resource, resource.substring(0, resource.indexOf(':')) + ":Get").stream()
        .map(p -> Unresolved.replacePlaceholders(p.name(), "<suffix>").substring(A.length())).toList();

    assertThat(found).isEqualTo(expected == null ? List.of() : Arrays.asList(expected.split(" ")));
  }

  /**
   * A role's trust policy is the resource-based policy of the STS actions on the role only:
   * "Trust policy - A JSON policy document in which you define the principals that you trust to
   * assume the role" (IAM User Guide, Roles terms and concepts); "The IAM service supports only one
   * type of resource-based policy called a role trust policy ... Trust policies define which
   * principal entities ... can assume the role" (IAM User Guide, Identity-based policies and
   * resource-based policies). The STS actions whose resource type is {@code role} (Service
   * Authorization Reference, AWS Security Token Service) read it; IAM's own actions on the role
   * ({@code iam:GetRole}, {@code iam:PassRole}) have no resource-based policy. The space reads the
   * same rule backwards ({@link ResourcePolicyOwner.Reach#governs}).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      sts:AssumeRole                  | true
      sts:AssumeRoleWithSAML          | true
      sts:AssumeRoleWithWebIdentity   | true
      sts:TagSession                  | true
      sts:SetSourceIdentity           | true
      sts:SetContext                  | true
      STS:assumerole                  | true
      ' sts:SetContext '              | true
      sts:GetCallerIdentity           | false
      sts:GetFederationToken          | false
      sts:AssumeRoot                  | false
      sts:DecodeAuthorizationMessage  | false
      iam:GetRole                     | false
      iam:PassRole                    | false
      iam:UpdateAssumeRolePolicy      | false
      iam:DeleteRole                  | false
      s3:GetObject                    | false
      """)
  void aRolesTrustPolicyGovernsOnlyTheStsActionsOnTheRole(String action, boolean governed) {
    Policy trust = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
        + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}", "trust.json", PolicyKind.TRUST, "trust");
    Account account = Account.builder().id("1")
        .role(new Role("app", "/", A + "iam::1:role/app", Optional.of(trust), Map.of(), List.of(), List.of(), Optional.empty(),
            SourceLocation.UNKNOWN))
        .build();

    assertThat(ResourcePolicyOwner.policies(account, A + "iam::1:role/app", action)).isEqualTo(governed ? List.of(trust) : List.of());
    assertThat(ResourcePolicyOwner.reaches(account)).singleElement().satisfies(reach -> {
      assertThat(reach.policy()).isEqualTo(A + "iam::1:role/app");
      assertThat(reach.governs(action)).isEqualTo(governed);
    });
  }

  private static Policy policy(String name) {
    return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\","
        + "\"Resource\":\"*\"}]}", "t.json", PolicyKind.RESOURCE, name);
  }
}
