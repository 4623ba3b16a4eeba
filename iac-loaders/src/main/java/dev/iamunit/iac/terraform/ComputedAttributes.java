package dev.iamunit.iac.terraform;

import dev.iamunit.iac.Partition;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes of Terraform resources that AWS computes ({@code arn}, {@code id}, a generated
 * name) as far as AWS's formats fix them from the arguments: IAM identifiers, each service's ARN
 * format. (ARNs in requests are parsed by the evaluator's {@code eval.internal.Arns}.)
 */
final class ComputedAttributes {

  private ComputedAttributes() {}

  /**
   * An ARN AWS forms from one name the configuration gives, in the format the Service Authorization
   * Reference lists for the resource type ({@code arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}}).
   *
   * @param service the ARN's service
   * @param regional whether the ARN holds the region (ECR Public's and IAM's do not)
   * @param resource the resource part before the name
   * @param argument the Terraform argument that gives the name
   */
  private record NamedArn(String service, boolean regional, String resource, String argument) {

    Value arn(ResourceView r, String partition, String account, String region) {
      return concat("arn:" + partition + ":" + service + ":" + (regional ? region : "") + ":" + account + ":" + resource, r.get(argument));
    }
  }

  /** The resource types whose ARN one name fixes, by type. */
  private static final Map<String, NamedArn> NAMED = Map.ofEntries(
      Map.entry("aws_iam_saml_provider", new NamedArn("iam", false, "saml-provider/", "name")),
      Map.entry("aws_dynamodb_table", new NamedArn("dynamodb", true, "table/", "name")),
      Map.entry("aws_cloudwatch_event_bus", new NamedArn("events", true, "event-bus/", "name")),
      Map.entry("aws_sfn_state_machine", new NamedArn("states", true, "stateMachine:", "name")),
      Map.entry("aws_cloudwatch_log_group", new NamedArn("logs", true, "log-group:", "name")),
      Map.entry("aws_cloudwatch_log_destination", new NamedArn("logs", true, "destination:", "name")),
      Map.entry("aws_kms_alias", new NamedArn("kms", true, "", "name")),
      Map.entry("aws_kinesis_stream", new NamedArn("kinesis", true, "stream/", "name")),
      Map.entry("aws_kinesis_firehose_delivery_stream", new NamedArn("firehose", true, "deliverystream/", "name")),
      Map.entry("aws_glacier_vault", new NamedArn("glacier", true, "vaults/", "name")),
      Map.entry("aws_elasticsearch_domain", new NamedArn("es", true, "domain/", "domain_name")),
      Map.entry("aws_opensearch_domain", new NamedArn("es", true, "domain/", "domain_name")),
      Map.entry("aws_codeartifact_domain", new NamedArn("codeartifact", true, "domain/", "domain")),
      Map.entry("aws_backup_vault", new NamedArn("backup", true, "backup-vault:", "name")),
      Map.entry("aws_ecrpublic_repository", new NamedArn("ecr-public", false, "repository/", "repository_name")),
      Map.entry("aws_media_store_container", new NamedArn("mediastore", true, "container/", "name")),
      Map.entry("aws_s3tables_table_bucket", new NamedArn("s3tables", true, "bucket/", "name")),
      Map.entry("aws_codebuild_project", new NamedArn("codebuild", true, "project/", "name")),
      Map.entry("aws_networkfirewall_firewall_policy", new NamedArn("network-firewall", true, "firewall-policy/", "name")));

  /** The computed attribute {@code name} of a resource, or empty when AWS computes it at apply time. */
  static Optional<Value> computed(String type, String name, ResourceView r, String partition, String account, String region) {
    String iamPath = r.get("path") instanceof Value.Str p ? p.text() : "/";
    if (name.equals("arn") && NAMED.containsKey(type)) {
      return Optional.of(NAMED.get(type).arn(r, partition, account, region));
    }
    return switch (type + "." + name) {
      case "aws_iam_user.arn" -> Optional.of(concat("arn:" + partition + ":iam::" + account + ":user" + iamPath, r.iamName()));
      case "aws_iam_group.arn" -> Optional.of(concat("arn:" + partition + ":iam::" + account + ":group" + iamPath, r.iamName()));
      case "aws_iam_role.arn" -> Optional.of(concat("arn:" + partition + ":iam::" + account + ":role" + iamPath, r.iamName()));
      case "aws_iam_policy.arn", "aws_iam_policy.id" ->
          Optional.of(concat("arn:" + partition + ":iam::" + account + ":policy" + iamPath, r.iamName()));
      case "aws_iam_user.id", "aws_iam_group.id", "aws_iam_role.id", "aws_iam_user.name", "aws_iam_group.name",
          "aws_iam_role.name", "aws_iam_policy.name" -> Optional.of(r.iamName()).filter(v -> !(v instanceof Value.Null));
      case "aws_kms_key.id", "aws_kms_key.key_id", "aws_kms_external_key.id", "aws_kms_replica_key.id", "aws_kms_replica_key.key_id",
          "aws_kms_replica_external_key.id", "aws_kms_replica_external_key.key_id" ->
          Optional.of(new Value.Unknown(r.generated("key_id", "AWS generates the key id")));
      case "aws_kms_key.arn", "aws_kms_external_key.arn", "aws_kms_replica_key.arn", "aws_kms_replica_external_key.arn" -> Optional.of(concat("arn:" + partition + ":kms:" + region + ":" + account + ":key/",
          new Value.Unknown(r.generated("key_id", "AWS generates the key id"))));
      // Ids AWS generates that serve only to name the root, an OU or a policy in the organization's
      // other resources: the same unknown wherever it is read, so that references match; not
      // reported, since no decision reads them (an account's id is: it places the loaded account).
      case "aws_organizations_organization.roots" -> Optional.of(new Value.Unknown(r.generated("roots", "AWS generates the root's id")));
      case "aws_organizations_organizational_unit.id" -> Optional.of(new Value.Unknown(r.generated("id", "AWS generates the OU's id")));
      case "aws_organizations_policy.id" -> Optional.of(new Value.Unknown(r.generated("id", "AWS generates the policy's id")));
      // A permission set's ARN only names it in the resources that attach policies to it and assign it.
      case "aws_ssoadmin_permission_set.arn", "aws_ssoadmin_permission_set.id" ->
          Optional.of(new Value.Unknown(r.generated("arn", "AWS generates the permission set's ARN")));
      case "aws_s3_bucket.arn" -> Optional.of(concat("arn:" + partition + ":s3:::", r.get("bucket")));
      case "aws_s3_bucket.id", "aws_s3_bucket.bucket" -> Optional.of(r.get("bucket")).filter(v -> !(v instanceof Value.Null));
      case "aws_sqs_queue.arn" -> Optional.of(concat("arn:" + partition + ":sqs:" + region + ":" + account + ":", r.get("name")));
      case "aws_sqs_queue.id", "aws_sqs_queue.url" ->
          Optional.of(concat("https://sqs." + region + ".amazonaws.com/" + account + "/", r.get("name")));
      case "aws_sns_topic.arn", "aws_sns_topic.id" ->
          Optional.of(concat("arn:" + partition + ":sns:" + region + ":" + account + ":", r.get("name")));
      case "aws_ecr_repository.arn" ->
          Optional.of(concat("arn:" + partition + ":ecr:" + region + ":" + account + ":repository/", r.get("name")));
      case "aws_ecr_repository.name", "aws_ecr_repository.id" -> Optional.of(r.get("name")).filter(v -> !(v instanceof Value.Null));
      case "aws_secretsmanager_secret.arn", "aws_secretsmanager_secret.id" -> Optional.of(secretArn(r, partition, account, region));
      case "aws_lambda_function.arn" ->
          Optional.of(concat("arn:" + partition + ":lambda:" + region + ":" + account + ":function:", r.get("function_name")));
      case "aws_lambda_function.id" -> Optional.of(r.get("function_name")).filter(v -> !(v instanceof Value.Null));
      // "arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/ARN/invocations" (AWS provider, aws_lambda_function, invoke_arn).
      case "aws_lambda_function.invoke_arn" -> Optional.of(concat("arn:" + partition + ":apigateway:" + region
          + ":lambda:path/2015-03-31/functions/", computed(type, "arn", r, partition, account, region).orElseThrow())).map(v -> v instanceof Value.Str s
          ? new Value.Str(s.text() + "/invocations", s.parts(), Optional.empty()) : v);
      case "aws_iam_instance_profile.arn" ->
          Optional.of(concat("arn:" + partition + ":iam::" + account + ":instance-profile" + iamPath, r.get("name")));
      // IAM: "The URL must begin with https://"; the provider's ARN names it without the scheme.
      case "aws_iam_openid_connect_provider.arn", "aws_iam_openid_connect_provider.id" ->
          Optional.of(concat("arn:" + partition + ":iam::" + account + ":oidc-provider/", withoutScheme(r.get("url"))));
      case "aws_iam_saml_provider.id", "aws_sfn_state_machine.id", "aws_kinesis_stream.id" -> computed(type, "arn", r, partition, account, region);
      case "aws_dynamodb_table.id", "aws_cloudwatch_log_group.id", "aws_kms_alias.id", "aws_cloudwatch_event_bus.id" ->
          Optional.of(r.get("name")).filter(v -> !(v instanceof Value.Null));
      case "aws_cloudwatch_event_rule.arn" -> Optional.of(eventRuleArn(r, partition, account, region));
      case "aws_codeartifact_repository.arn" -> Optional.of(concat("arn:" + partition + ":codeartifact:" + region + ":"
          + given(r.get("domain_owner"), account) + ":repository/", join(r.get("domain"), "/", r.get("repository"))));
      case "aws_s3_access_point.arn" -> Optional.of(concat("arn:" + partition + ":s3:" + region + ":"
          + given(r.get("account_id"), account) + ":accesspoint/", r.get("name")));
      case "aws_api_gateway_rest_api.id" -> Optional.of(new Value.Unknown(r.generated("id", "API Gateway generates the REST API id")));
      // "execution_arn - Execution ARN part to be used in lambda_permission's source_arn ...
      // arn:aws:execute-api:eu-west-2:123456789012:z4675bid1j" (AWS provider, aws_api_gateway_rest_api).
      case "aws_api_gateway_rest_api.execution_arn" -> Optional.of(concat("arn:" + partition + ":execute-api:" + region + ":" + account + ":",
          computed(type, "id", r, partition, account, region).orElseThrow()));
      default -> Optional.empty();
    };
  }

  /**
   * "arn:${Partition}:events:${Region}:${Account}:rule/${RuleName}" on the default event bus,
   * "rule/${EventBusName}/${RuleName}" on another (Service Authorization Reference, Amazon
   * EventBridge). A bus given by ARN, or by a value not known, leaves the ARN unknown.
   */
  private static Value eventRuleArn(ResourceView r, String partition, String account, String region) {
    Value bus = r.get("event_bus_name");
    String prefix = "arn:" + partition + ":events:" + region + ":" + account + ":rule/";
    if (bus instanceof Value.Null || bus instanceof Value.Str s && s.text().equals("default")) {
      return concat(prefix, r.get("name"));
    }
    if (bus instanceof Value.Str s && s.known() && !s.text().startsWith("arn:")) {
      return concat(prefix, join(bus, "/", r.get("name")));
    }
    return Value.NULL;
  }

  /** A known text argument, else the provider's default ({@code domain_owner}, {@code account_id}: the provider's account). */
  private static String given(Value value, String fallback) {
    return value instanceof Value.Str s && s.known() ? s.text() : fallback;
  }

  /** {@code a + separator + b}, or null when either is absent. */
  static Value join(Value a, String separator, Value b) {
    Value first = concat("", a);
    return first instanceof Value.Str s ? concat(s.text() + separator, b) instanceof Value.Str joined
        ? new Value.Str(joined.text(), concatParts(s, joined), Optional.empty()) : Value.NULL : Value.NULL;
  }

  private static List<Unresolved> concatParts(Value.Str a, Value.Str b) {
    List<Unresolved> parts = new ArrayList<>(a.parts());
    b.parts().stream().filter(u -> !parts.contains(u)).forEach(parts::add);
    return parts;
  }

  /** An {@code https://} URL without its scheme; null when it has none (IAM refuses such a provider URL). */
  private static Value withoutScheme(Value url) {
    if (url instanceof Value.Str s && s.text().startsWith("https://")) {
      return new Value.Str(s.text().substring("https://".length()), s.parts(), Optional.empty());
    }
    return Value.NULL;
  }

  /**
   * "Secrets Manager automatically adds a hyphen and six random characters after the secret name
   * at the end of the ARN" (Secrets Manager API Reference, CreateSecret, Name): the suffix is an
   * unknown AWS generates, one per secret.
   */
  private static Value secretArn(ResourceView r, String partition, String account, String region) {
    Value name = concat("arn:" + partition + ":secretsmanager:" + region + ":" + account + ":secret:", r.get("name"));
    if (!(name instanceof Value.Str s)) {
      return Value.NULL;
    }
    Unresolved suffix = r.generated("arn_suffix", "Secrets Manager adds a hyphen and six random characters to the"
        + " secret's name in its ARN when it creates the secret");
    List<Unresolved> parts = new ArrayList<>(s.parts());
    parts.add(suffix);
    return new Value.Str(s.text() + "-" + suffix.placeholder(), parts, Optional.empty());
  }

  /** {@code prefix + value}, or null when the value is absent (the name is generated by AWS). */
  private static Value concat(String prefix, Value value) {
    if (value instanceof Value.Null) {
      return Value.NULL;
    }
    StringBuilder text = new StringBuilder(prefix);
    List<Unresolved> parts = new ArrayList<>();
    if (!ExpressionEvaluator.append(value, text, parts)) {
      return Value.NULL;
    }
    return new Value.Str(text.toString(), parts, Optional.empty());
  }

  /** The queue ARN of an SQS queue URL {@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME}, in the partition of its region. */
  static Optional<String> queueArnFromUrl(String url) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("https://sqs\\.([^.]+)\\.amazonaws\\.com[^/]*/([^/]+)/([^/]+)/?").matcher(url);
    if (!m.matches() || Partition.ofRegion(m.group(1)).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("arn:" + Partition.of(m.group(1)).id() + ":sqs:" + m.group(1) + ":" + m.group(2) + ":" + m.group(3));
  }
  }
