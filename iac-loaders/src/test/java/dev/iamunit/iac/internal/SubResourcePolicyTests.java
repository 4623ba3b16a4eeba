package dev.iamunit.iac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.model.Account;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 22: a request on a resource inside another (an API's method, a domain's index, a
 * repository's package, a table bucket's table, an access point's object, a model package group's
 * version) is decided with the policy of what holds it, as {@code eval.ResourcePolicyOwner} says,
 * on templates loaded through the public loaders. The user has no identity-based policy, and each
 * resource policy grants to the user's ARN: in the same account, "an Allow in a resource-based
 * policy can result in a final decision of Allow" alone (IAM User Guide, Policy evaluation logic,
 * Identity-based and resource-based policies), so ALLOWED means the holder's policy was found,
 * IMPLICIT_DENY that no policy applies. The AWS sentence for each row is cited at its rule in
 * {@code ResourcePolicyOwner}.
 */
class SubResourcePolicyTests {

  @TempDir
  Path dir;

  static final String ACCOUNT = "123456789012";
  static final String USER_ARN = "arn:aws:iam::" + ACCOUNT + ":user/app";
  static final String TF_USER = "resource \"aws_iam_user\" \"app\" { name = \"app\" }\n";
  static final String CFN_USER = "Resources:\n  App: {Type: AWS::IAM::User, Properties: {UserName: app}}\n";

  /** A Terraform {@code jsonencode} of one statement granting {@code action} on {@code resource} to the user. */
  static String tf(String action, String resource) {
    return "jsonencode({ Version = \"2012-10-17\", Statement = [{ Effect = \"Allow\", Principal = { AWS = \"" + USER_ARN
        + "\" }, Action = \"" + action + "\", Resource = \"" + resource + "\" }] })";
  }

  /** The same statement in CloudFormation's YAML flow style. */
  static String cfn(String action, String resource) {
    return "{Version: \"2012-10-17\", Statement: [{Effect: Allow, Principal: {AWS: \"" + USER_ARN + "\"}, Action: \"" + action
        + "\", Resource: \"" + resource + "\"}]}";
  }

  static Stream<Arguments> rows() {
    String s3Policy = TF_USER + "resource \"aws_s3_bucket_policy\" \"b\" {\n  bucket = \"b\"\n  policy = " + tf("s3:GetObject", "arn:aws:s3:::b/*")
        + "\n}\n";
    String api = TF_USER + "resource \"aws_api_gateway_rest_api_policy\" \"api\" {\n  rest_api_id = \"a1b2c3\"\n  policy = "
        + tf("execute-api:Invoke", "execute-api:/prod/GET/*") + "\n}\n";
    String domain = TF_USER + "resource \"aws_opensearch_domain_policy\" \"d\" {\n  domain_name = \"search\"\n  access_policies = "
        + tf("es:ESHttpGet", "arn:aws:es:us-east-1:" + ACCOUNT + ":domain/search/*") + "\n}\n";
    String repository = TF_USER + "resource \"aws_codeartifact_repository_permissions_policy\" \"r\" {\n  domain = \"dom\"\n"
        + "  repository = \"repo\"\n  policy_document = " + tf("codeartifact:DescribePackageVersion", "*") + "\n}\n";
    String models = TF_USER + "resource \"aws_sagemaker_model_package_group_policy\" \"g\" {\n  model_package_group_name = \"models\"\n"
        + "  resource_policy = " + tf("sagemaker:DescribeModelPackage", "arn:aws:sagemaker:us-east-1:" + ACCOUNT + ":model-package/models/*")
        + "\n}\n";
    String secret = TF_USER + "resource \"aws_secretsmanager_secret\" \"db\" { name = \"db\" }\n"
        + "resource \"aws_secretsmanager_secret_policy\" \"db\" {\n  secret_arn = aws_secretsmanager_secret.db.arn\n  policy = "
        + tf("secretsmanager:GetSecretValue", "*") + "\n}\n";
    String accessPoint = CFN_USER + "  Ap:\n    Type: AWS::S3::AccessPoint\n    Properties: {Bucket: b, Name: ap, Policy: "
        + cfn("s3:GetObject", "arn:aws:s3:us-east-1:" + ACCOUNT + ":accesspoint/ap/object/*") + "}\n";
    String tables = CFN_USER + "  Tables: {Type: AWS::S3Tables::TableBucket, Properties: {TableBucketName: tables}}\n"
        + "  Policy:\n    Type: AWS::S3Tables::TableBucketPolicy\n    Properties: {TableBucketARN: !GetAtt Tables.TableBucketARN, "
        + "ResourcePolicy: " + cfn("s3tables:GetTableData", "arn:aws:s3tables:us-east-1:" + ACCOUNT + ":bucket/tables/table/*") + "}\n";
    String stream = CFN_USER + "  Stream: {Type: AWS::Kinesis::Stream, Properties: {Name: s, ShardCount: 1}}\n"
        + "  Policy:\n    Type: AWS::Kinesis::ResourcePolicy\n    Properties: {ResourceArn: !GetAtt Stream.Arn, ResourcePolicy: "
        + cfn("kinesis:*", "*") + "}\n";
    String b = "arn:aws:";
    String r = ":us-east-1:" + ACCOUNT + ":";
    return Stream.of(
        Arguments.of("S3 object -> bucket", "tf", s3Policy, "s3:GetObject", b + "s3:::b/photos/cat.jpg", Outcome.ALLOWED),
        Arguments.of("another bucket's object", "tf", s3Policy, "s3:GetObject", b + "s3:::c/photos/cat.jpg", Outcome.IMPLICIT_DENY),
        Arguments.of("API method -> API", "tf", api, "execute-api:Invoke", b + "execute-api" + r + "a1b2c3/prod/GET/pets", Outcome.ALLOWED),
        Arguments.of("API method the policy leaves out", "tf", api, "execute-api:Invoke", b + "execute-api" + r + "a1b2c3/prod/POST/pets",
            Outcome.IMPLICIT_DENY),
        Arguments.of("another API's method", "tf", api, "execute-api:Invoke", b + "execute-api" + r + "zzz/prod/GET/pets", Outcome.IMPLICIT_DENY),
        Arguments.of("OpenSearch index -> domain", "tf", domain, "es:ESHttpGet", b + "es" + r + "domain/search/orders/_search", Outcome.ALLOWED),
        // "The trailing /* in the Resource element is significant and indicates that resource-based
        // policies only apply to the domain's subresources, not the domain itself" (same section).
        Arguments.of("the domain itself, not under domain/search/*", "tf", domain, "es:ESHttpGet", b + "es" + r + "domain/search",
            Outcome.IMPLICIT_DENY),
        Arguments.of("CodeArtifact package -> repository", "tf", repository, "codeartifact:DescribePackageVersion",
            b + "codeartifact" + r + "package/dom/repo/npm//left-pad", Outcome.ALLOWED),
        Arguments.of("a package of another repository", "tf", repository, "codeartifact:DescribePackageVersion",
            b + "codeartifact" + r + "package/dom/other/npm//left-pad", Outcome.IMPLICIT_DENY),
        Arguments.of("model package -> model package group", "tf", models, "sagemaker:DescribeModelPackage",
            b + "sagemaker" + r + "model-package/models/3", Outcome.ALLOWED),
        Arguments.of("secret with the suffix AWS adds", "tf", secret, "secretsmanager:GetSecretValue",
            b + "secretsmanager" + r + "secret:db-AbCdEf", Outcome.ALLOWED),
        Arguments.of("another secret", "tf", secret, "secretsmanager:GetSecretValue", b + "secretsmanager" + r + "secret:dba-AbCdEf",
            Outcome.IMPLICIT_DENY),
        Arguments.of("access point object -> access point", "cfn", accessPoint, "s3:GetObject", b + "s3" + r + "accesspoint/ap/object/k",
            Outcome.ALLOWED),
        Arguments.of("S3 Tables table -> table bucket", "cfn", tables, "s3tables:GetTableData", b + "s3tables" + r + "bucket/tables/table/t-1",
            Outcome.ALLOWED),
        // "Attaches a resource-based policy to a data stream or registered consumer" (Kinesis API
        // Reference, PutResourcePolicy): a consumer has a policy of its own, not its stream's.
        Arguments.of("Kinesis stream", "cfn", stream, "kinesis:DescribeStreamSummary", b + "kinesis" + r + "stream/s", Outcome.ALLOWED),
        Arguments.of("Kinesis consumer: its own policy, not its stream's", "cfn", stream, "kinesis:SubscribeToShard",
            b + "kinesis" + r + "stream/s/consumer/c:1700000000", Outcome.IMPLICIT_DENY));
  }

  @ParameterizedTest(name = "{0}: {4} -> {5}")
  @MethodSource("rows")
  void aSubResourceIsDecidedWithThePolicyOfWhatHoldsIt(String row, String format, String template, String action, String resource,
      Outcome expected) {
    Sources sources = new Sources(dir);
    Sources.Loaded loaded = format.equals("tf") ? sources.terraform("t", template) : sources.cloudFormation("t.yaml", template);

    assertThat(loaded.report().problems()).isEmpty();
    Decision decision = decide(loaded.account(), action, resource);
    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(expected);
  }

  static Decision decide(Account account, String action, String resource) {
    return decide(account, action, resource, Map.of());
  }

  static Decision decide(Account account, String action, String resource, Map<String, java.util.List<String>> context) {
    Caller caller = Caller.user(account, "app");
    return Evaluator.standard().explain(caller.request(action, resource, CredentialKind.ACCESS_KEYS, Instant.now(), context));
  }
}
