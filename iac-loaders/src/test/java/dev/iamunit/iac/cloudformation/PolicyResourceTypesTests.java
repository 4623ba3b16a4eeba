package dev.iamunit.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 22: every CloudFormation resource type that carries a resource policy (cfn-policy-validator's
 * list and the additions) puts it at the ARN AWS forms for the resource, and Ref/GetAtt of
 * those resources give the values of the "Return values" section of each type in the
 * CloudFormation resource reference. A part AWS generates (an EFS file system id, a REST API id, an
 * event data store id, a Multi-Region Access Point alias) stays unknown, shown here as {@code <?>}.
 */
class PolicyResourceTypesTests {

  @TempDir
  Path dir;

  private static final String DENY = "{Version: \"2012-10-17\", Statement: [{Effect: Deny, Principal: \"*\", Action: \"*\", Resource: \"*\"}]}";

  private LoadOptions options() {
    return LoadOptions.defaults().withProjectRoot(dir).withAwsManagedPolicies(arn -> Optional.empty());
  }

  private LoadedTemplate load(String text) {
    try {
      Path file = Files.writeString(dir.resolve("t.yaml"), text);
      Account.Builder builder = Account.builder();
      LoadReport report = CloudFormationLoader.loadInto(List.of(file), options(), builder);
      return new LoadedTemplate(builder.build(), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record LoadedTemplate(Account account, LoadReport report) {
    List<String> arns() {
      return account.resourcePolicies().keySet().stream().map(a -> Unresolved.replacePlaceholders(a, "<?>")).toList();
    }
  }

  /** Each type, its properties besides the policy, the policy property, and the ARN its policy is at. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      AWS::S3::AccessPoint           | {Bucket: b, Name: ap}                       | Policy                    | arn:aws:s3:us-east-1:123456789012:accesspoint/ap
      AWS::S3Express::AccessPoint    | {Bucket: b--use1-az4--x-s3, Name: ap--use1-az4--xa-s3} | Policy         | arn:aws:s3express:us-east-1:123456789012:accesspoint/ap--use1-az4--xa-s3
      AWS::ApiGateway::RestApi       | {Name: api}                                 | Policy                    | arn:aws:execute-api:us-east-1:123456789012:<?>
      AWS::CodeArtifact::Domain      | {DomainName: d}                             | PermissionsPolicyDocument | arn:aws:codeartifact:us-east-1:123456789012:domain/d
      AWS::CodeArtifact::Repository  | {DomainName: d, RepositoryName: r}          | PermissionsPolicyDocument | arn:aws:codeartifact:us-east-1:123456789012:repository/d/r
      AWS::Backup::BackupVault       | {BackupVaultName: v}                        | AccessPolicy              | arn:aws:backup:us-east-1:123456789012:backup-vault:v
      AWS::CloudTrail::Dashboard     | {Name: dash}                                | ResourcePolicy            | arn:aws:cloudtrail:us-east-1:123456789012:dashboard/dash
      AWS::CloudTrail::EventDataStore | {Name: eds}                                | ResourcePolicy            | arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/<?>
      AWS::EFS::FileSystem           | {Encrypted: true}                           | FileSystemPolicy          | arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/<?>
      AWS::OpenSearchService::Domain | {DomainName: search}                        | AccessPolicies            | arn:aws:es:us-east-1:123456789012:domain/search
      AWS::Elasticsearch::Domain     | {DomainName: legacy}                        | AccessPolicies            | arn:aws:es:us-east-1:123456789012:domain/legacy
      AWS::Events::EventBus          | {Name: bus}                                 | Policy                    | arn:aws:events:us-east-1:123456789012:event-bus/bus
      AWS::S3Tables::TableBucketPolicy | {TableBucketARN: !GetAtt Tables.TableBucketARN} | ResourcePolicy      | arn:aws:s3tables:us-east-1:123456789012:bucket/tables
      AWS::Kinesis::ResourcePolicy   | {ResourceArn: !GetAtt Stream.Arn}           | ResourcePolicy            | arn:aws:kinesis:us-east-1:123456789012:stream/events
      AWS::S3Express::BucketPolicy   | {Bucket: b--use1-az4--x-s3}                 | PolicyDocument            | arn:aws:s3express:us-east-1:123456789012:bucket/b--use1-az4--x-s3
      AWS::S3::MultiRegionAccessPointPolicy | {MrapName: global}                   | Policy                    | arn:aws:s3::123456789012:accesspoint/<?>
      AWS::SecretsManager::ResourcePolicy | {SecretId: !Ref Secret}                | ResourcePolicy            | arn:aws:secretsmanager:us-east-1:123456789012:secret:db-<?>
      """)
  void theResourcePolicyIsAtTheArnAwsForms(String type, String properties, String policyProperty, String arn) {
    String withPolicy = properties.substring(0, properties.length() - 1) + ", " + policyProperty + ": " + DENY + "}";
    LoadedTemplate loaded = load("""
        Resources:
          Tables: {Type: AWS::S3Tables::TableBucket, Properties: {TableBucketName: tables}}
          Stream: {Type: AWS::Kinesis::Stream, Properties: {Name: events, ShardCount: 1}}
          Secret: {Type: AWS::SecretsManager::Secret, Properties: {Name: db}}
          X: {Type: %s, Properties: %s}
        """.formatted(type, withPolicy));

    assertThat(loaded.arns()).containsExactly(arn);
    Policy policy = loaded.account().resourcePolicies().values().iterator().next();
    assertThat(policy.name()).isEqualTo("X");
    assertThat(policy.statements()).singleElement().extracting(s -> s.location().toString()).asString().startsWith("t.yaml:5:");
    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.report().unresolved()).extracting(Unresolved::reason).noneMatch(r -> r.contains("not evaluated"));
  }

  /** Ref and Fn::GetAtt of each type: the name, the ARN or the id, as the resource reference's "Return values" say. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      AWS::S3::AccessPoint            | !GetAtt X.Arn             | {Bucket: b, Name: ap}                | arn:aws:s3:us-east-1:123456789012:accesspoint/ap
      AWS::S3::AccessPoint            | !Ref X                    | {Bucket: b, Name: ap}                | ap
      AWS::ECR::Repository            | !GetAtt X.Arn             | {RepositoryName: app}                | arn:aws:ecr:us-east-1:123456789012:repository/app
      AWS::CodeArtifact::Domain       | !Ref X                    | {DomainName: d}                      | arn:aws:codeartifact:us-east-1:123456789012:domain/d
      AWS::CodeArtifact::Domain       | !GetAtt X.Name            | {DomainName: d}                      | d
      AWS::Backup::BackupVault        | !GetAtt X.BackupVaultArn  | {BackupVaultName: v}                 | arn:aws:backup:us-east-1:123456789012:backup-vault:v
      AWS::Backup::BackupVault        | !Ref X                    | {BackupVaultName: v}                 | v
      AWS::CloudTrail::Dashboard      | !Ref X                    | {Name: dash}                         | arn:aws:cloudtrail:us-east-1:123456789012:dashboard/dash
      AWS::CloudTrail::EventDataStore | !GetAtt X.EventDataStoreArn | {Name: eds}                        | arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/<?>
      AWS::S3Tables::TableBucket      | !Ref X                    | {TableBucketName: t}                 | arn:aws:s3tables:us-east-1:123456789012:bucket/t
      AWS::EFS::FileSystem            | !GetAtt X.Arn             | {Encrypted: true}                    | arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/<?>
      AWS::OpenSearchService::Domain  | !GetAtt X.DomainArn       | {DomainName: search}                 | arn:aws:es:us-east-1:123456789012:domain/search
      AWS::OpenSearchService::Domain  | !GetAtt X.Arn             | {}                                   | arn:aws:es:us-east-1:123456789012:domain/t-X-<?>
      AWS::Events::EventBus           | !GetAtt X.Arn             | {Name: bus}                          | arn:aws:events:us-east-1:123456789012:event-bus/bus
      AWS::IAM::OIDCProvider          | !Ref X                    | {Url: https://token.actions.githubusercontent.com, ClientIdList: [sts.amazonaws.com]} | arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com
      AWS::IAM::OIDCProvider          | !GetAtt X.Arn             | {Url: https://oidc.eks.us-east-1.amazonaws.com/id/ABC} | arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC
      AWS::IAM::SAMLProvider          | !Ref X                    | {Name: okta, SamlMetadataDocument: x} | arn:aws:iam::123456789012:saml-provider/okta
      AWS::IAM::SAMLProvider          | !GetAtt X.Arn             | {SamlMetadataDocument: x}            | arn:aws:iam::123456789012:saml-provider/t-X-<?>
      """)
  void refAndGetAttGiveTheReturnValues(String type, String expression, String properties, String value) {
    LoadedTemplate loaded = load("""
        Resources:
          X: {Type: %s, Properties: %s}
          Reader:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              ManagedPolicyName: reader
              PolicyDocument:
                Version: "2012-10-17"
                Statement: [{Effect: Allow, Action: "*", Resource: "*", Condition: {StringEquals: {"aws:ResourceTag/v": %s}}}]
        """.formatted(type, properties, expression));

    Policy reader = loaded.account().managedPolicies().values().iterator().next().document();
    assertThat(reader.statements().get(0).conditions().get(0).values()).extracting(r -> Unresolved.replacePlaceholders(r, "<?>"))
        .containsExactly(value);
  }

  /**
   * An ECR repository policy has no Resource (Amazon ECR User Guide, "Private repository policies
   * in Amazon ECR": "a subset of IAM policies that are scoped for, and specifically used for,
   * controlling access to individual Amazon ECR repositories"); its statements apply to the
   * repository, and a cross-account pull it allows is decided by it.
   */
  @Test
  void anEcrRepositoryPolicyWithoutResourceAppliesToItsRepository() {
    LoadedTemplate loaded = load("""
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryName: app
              RepositoryPolicyText:
                Version: "2012-10-17"
                Statement:
                  - Sid: NoDelete
                    Effect: Deny
                    Principal: "*"
                    Action: ecr:BatchDeleteImage
          Admin:
            Type: AWS::IAM::User
            Properties:
              UserName: admin
              Policies: [{PolicyName: all, PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "ecr:*", Resource: "*"}]}}]
        """);

    String repo = "arn:aws:ecr:us-east-1:123456789012:repository/app";
    assertThat(loaded.arns()).containsExactly(repo);
    assertThat(loaded.report().problems()).isEmpty();
    Caller admin = Caller.user(loaded.account(), "admin");
    Decision delete = Evaluator.standard().explain(
        admin.request("ecr:BatchDeleteImage", repo, CredentialKind.ACCESS_KEYS, Instant.now(), Map.of()));
    Decision pull = Evaluator.standard().explain(
        admin.request("ecr:BatchGetImage", repo, CredentialKind.ACCESS_KEYS, Instant.now(), Map.of()));
    assertThat(delete.outcome()).as(DecisionText.explained(delete)).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(pull.outcome()).as(DecisionText.explained(pull)).isEqualTo(Outcome.ALLOWED);
  }

  /**
   * API Gateway writes {@code execute-api:/stage/method/path} as the method's ARN under the API
   * (API Gateway Developer Guide, "Create and attach an API Gateway resource policy to an API").
   */
  @Test
  void anApiPolicyNamesItsMethodsUnderTheApisArn() {
    LoadedTemplate loaded = load("""
        Resources:
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              Name: api
              Policy:
                Version: "2012-10-17"
                Statement:
                  - {Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: execute-api:/*}
                  - {Effect: Deny, Principal: "*", Action: execute-api:Invoke, NotResource: [execute-api:/prod/GET/pets]}
        """);

    Policy policy = loaded.account().resourcePolicies().values().iterator().next();
    assertThat(policy.statements()).extracting(s -> Unresolved.replacePlaceholders(s.resource().orElseThrow().values().get(0), "<?>"))
        .containsExactly("arn:aws:execute-api:us-east-1:123456789012:<?>/*", "arn:aws:execute-api:us-east-1:123456789012:<?>/prod/GET/pets");
    assertThat(loaded.report().unresolved()).extracting(Unresolved::expression).contains("Api.RestApiId");
  }

  /**
   * The statements of every AWS::Events::EventBusPolicy of a bus make its one policy, each with its
   * StatementId as Sid; the older Principal/Action/Condition form is the same statement.
   */
  @Test
  void eventBusPoliciesOfOneBusMakeOnePolicy() {
    LoadedTemplate loaded = load("""
        Resources:
          Bus: {Type: AWS::Events::EventBus, Properties: {Name: orders}}
          FromPartner:
            Type: AWS::Events::EventBusPolicy
            Properties:
              EventBusName: !Ref Bus
              StatementId: FromPartner
              Statement: {Effect: Allow, Principal: {AWS: "arn:aws:iam::444455556666:root"}, Action: events:PutEvents, Resource: !GetAtt Bus.Arn}
          FromOrg:
            Type: AWS::Events::EventBusPolicy
            Properties:
              EventBusName: orders
              StatementId: FromOrg
              Action: events:PutEvents
              Principal: "*"
              Condition: {Type: StringEquals, Key: aws:PrincipalOrgID, Value: o-abc123}
          DefaultBus:
            Type: AWS::Events::EventBusPolicy
            Properties:
              StatementId: Partner
              Action: events:PutEvents
              Principal: "444455556666"
        """);

    assertThat(loaded.arns()).containsExactlyInAnyOrder("arn:aws:events:us-east-1:123456789012:event-bus/orders",
        "arn:aws:events:us-east-1:123456789012:event-bus/default");
    Policy orders = loaded.account().resourcePolicy("arn:aws:events:us-east-1:123456789012:event-bus/orders").orElseThrow();
    assertThat(orders.statements()).extracting(s -> s.sid().orElseThrow()).containsExactly("FromPartner", "FromOrg");
    assertThat(orders.statements().get(1).conditions()).extracting(Object::toString)
        .containsExactly("StringEquals aws:PrincipalOrgID o-abc123");
    assertThat(orders.statements().get(1).resource().orElseThrow().values())
        .containsExactly("arn:aws:events:us-east-1:123456789012:event-bus/orders");
    assertThat(loaded.report().problems()).isEmpty();
  }

  /** A layer version permission is a statement of the layer version's policy (Lambda API Reference, AddLayerVersionPermission). */
  @Test
  void aLayerVersionPermissionIsAStatementOfTheLayersPolicy() {
    LoadedTemplate loaded = load("""
        Resources:
          Share:
            Type: AWS::Lambda::LayerVersionPermission
            Properties:
              Action: lambda:GetLayerVersion
              LayerVersionArn: arn:aws:lambda:us-east-1:123456789012:layer:shared:3
              Principal: "*"
              OrganizationId: o-abc123
        """);

    Policy policy = loaded.account().resourcePolicy("arn:aws:lambda:us-east-1:123456789012:layer:shared:3").orElseThrow();
    assertThat(policy.statements()).singleElement().satisfies(s -> {
      assertThat(s.sid()).contains("Share");
      assertThat(s.action().values()).containsExactly("lambda:GetLayerVersion");
      assertThat(s.conditions()).extracting(Object::toString).containsExactly("StringEquals aws:PrincipalOrgID o-abc123");
    });
  }

  /**
   * A CloudWatch Logs resource policy names the log groups it applies to in Resource (it is
   * evaluated: ResourcePolicyOwnerTests); one without Resource is a problem, as for any resource policy.
   */
  @Test
  void aLogsResourcePolicyWithoutResourceIsAProblem() {
    LoadedTemplate loaded = load("""
        Resources:
          Delivery:
            Type: AWS::Logs::ResourcePolicy
            Properties:
              PolicyName: delivery
              PolicyDocument: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "es.amazonaws.com"}, "Action": "logs:PutLogEvents"}]}'
        """);

    assertThat(loaded.report().problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("neither Resource nor NotResource"));
    assertThat(loaded.report().unresolved()).extracting(Unresolved::reason).noneMatch(r -> r.contains("not evaluated"));
    // The problem stands in the account as a policy no one can read, so a decision it could change is not made.
    assertThat(loaded.account().resourcePolicies().entrySet()).singleElement().satisfies(e -> {
      assertThat(e.getKey()).isEqualTo("arn:aws:logs:us-east-1:123456789012:resource-policy:delivery");
      assertThat(e.getValue().statements()).isEmpty();
      assertThat(e.getValue().unreadable()).isNotEmpty();
    });
  }
}
