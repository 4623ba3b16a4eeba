package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocNode;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.Partition;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code Ref} and {@code Fn::GetAtt} return for a resource, per the "Return values" section of
 * each resource type in the CloudFormation resource reference: the name or ARN when the template
 * gives the name, else a symbolic name {@code STACK-LogicalId-<generated>} in which the part
 * CloudFormation generates is an {@link Unresolved} placeholder, so that ARNs built from it still
 * match the resources they can stand for.
 */
final class ResourceValues {

  /** The property that names a resource of each type. */
  private static final Map<String, String> NAME_PROPERTY = Map.ofEntries(
      Map.entry("AWS::IAM::Role", "RoleName"),
      Map.entry("AWS::IAM::User", "UserName"),
      Map.entry("AWS::IAM::Group", "GroupName"),
      Map.entry("AWS::IAM::ManagedPolicy", "ManagedPolicyName"),
      Map.entry("AWS::IAM::InstanceProfile", "InstanceProfileName"),
      Map.entry("AWS::S3::Bucket", "BucketName"),
      Map.entry("AWS::SQS::Queue", "QueueName"),
      Map.entry("AWS::SNS::Topic", "TopicName"),
      Map.entry("AWS::Lambda::Function", "FunctionName"),
      Map.entry("AWS::Serverless::Function", "FunctionName"),
      Map.entry("AWS::DynamoDB::Table", "TableName"),
      Map.entry("AWS::Serverless::SimpleTable", "TableName"),
      Map.entry("AWS::StepFunctions::StateMachine", "StateMachineName"),
      Map.entry("AWS::Serverless::StateMachine", "Name"),
      Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
      Map.entry("AWS::KMS::Alias", "AliasName"),
      Map.entry("AWS::Kinesis::Stream", "Name"),
      Map.entry("AWS::ECR::Repository", "RepositoryName"),
      Map.entry("AWS::SecretsManager::Secret", "Name"),
      Map.entry("AWS::S3::AccessPoint", "Name"),
      Map.entry("AWS::S3Express::AccessPoint", "Name"),
      Map.entry("AWS::CodeArtifact::Domain", "DomainName"),
      Map.entry("AWS::CodeArtifact::Repository", "RepositoryName"),
      Map.entry("AWS::Backup::BackupVault", "BackupVaultName"),
      Map.entry("AWS::CloudTrail::Dashboard", "Name"),
      Map.entry("AWS::S3Tables::TableBucket", "TableBucketName"),
      Map.entry("AWS::OpenSearchService::Domain", "DomainName"),
      Map.entry("AWS::SageMaker::ModelPackageGroup", "ModelPackageGroupName"),
      Map.entry("AWS::Elasticsearch::Domain", "DomainName"),
      Map.entry("AWS::Events::EventBus", "Name"),
      Map.entry("AWS::IAM::SAMLProvider", "Name"));

  /**
   * Types whose {@code Ref} is their ARN ("Return values", Ref, of each in the CloudFormation
   * resource reference): for the others with a name property, Ref is the name.
   */
  private static final Set<String> REF_IS_ARN = Set.of("AWS::IAM::ManagedPolicy", "AWS::SNS::Topic", "AWS::StepFunctions::StateMachine",
      "AWS::Serverless::StateMachine", "AWS::SecretsManager::Secret", "AWS::CodeArtifact::Domain", "AWS::CodeArtifact::Repository",
      "AWS::CloudTrail::Dashboard", "AWS::CloudTrail::EventDataStore", "AWS::S3Tables::TableBucket", "AWS::IAM::OIDCProvider",
      "AWS::IAM::SAMLProvider", "AWS::SageMaker::ModelPackageGroup");

  /** Fn::GetAtt attributes that are the resource's ARN, besides {@code Arn} (CloudFormation resource reference, "Return values"). */
  private static final Map<String, String> ARN_ATTRIBUTE = Map.of(
      "AWS::IAM::ManagedPolicy", "PolicyArn",
      "AWS::SNS::Topic", "TopicArn",
      "AWS::Backup::BackupVault", "BackupVaultArn",
      "AWS::CloudTrail::Dashboard", "DashboardArn",
      "AWS::CloudTrail::EventDataStore", "EventDataStoreArn",
      "AWS::S3Tables::TableBucket", "TableBucketARN",
      "AWS::OpenSearchService::Domain", "DomainArn",
      "AWS::Elasticsearch::Domain", "DomainArn",
      "AWS::SageMaker::ModelPackageGroup", "ModelPackageGroupArn");

  /** Types whose physical id AWS generates (Ref, and the id attribute, of the CloudFormation resource reference). */
  private static final Map<String, String> GENERATED_ID = Map.of(
      "AWS::EFS::FileSystem", "FileSystemId",
      "AWS::ApiGateway::RestApi", "RestApiId",
      "AWS::CloudTrail::EventDataStore", "EventDataStoreId",
      "AWS::Organizations::Organization", "Id",
      "AWS::Organizations::OrganizationalUnit", "Id",
      "AWS::Organizations::Account", "AccountId",
      "AWS::Organizations::Policy", "Id",
      "AWS::EC2::VPCEndpoint", "Id");

  private final Template template;
  private final LoadOptions options;
  private final Intrinsics intrinsics;
  private final Map<String, Unresolved> generated = new HashMap<>();
  /** The resources whose name or path is being resolved, in order: a loader resolves on one thread. */
  private final Set<String> resolving = new LinkedHashSet<>();

  ResourceValues(Template template, LoadOptions options, Intrinsics intrinsics) {
    this.template = template;
    this.options = options;
    this.intrinsics = intrinsics;
  }

  /** {@code Ref}: the name for most types, the ARN for managed policies and topics, the URL for queues. */
  DocNode ref(Template.Resource resource, SourceLocation at) {
    return switch (resource.type()) {
      case "AWS::SQS::Queue" -> text("https://sqs." + options.region() + "." + urlSuffix() + "/" + options.accountId() + "/", name(resource), at);
      case "AWS::KMS::Key" -> keyId(resource, at);
      default -> REF_IS_ARN.contains(resource.type()) ? arn(resource, at)
          : NAME_PROPERTY.containsKey(resource.type()) ? name(resource).scalar(at)
          : GENERATED_ID.containsKey(resource.type()) ? generatedId(resource, at)
          : Intrinsics.unresolved("Ref " + resource.logicalId(), at,
              "CloudFormation generates the physical id of " + resource.type() + " " + resource.logicalId() + " at deployment");
    };
  }

  /** {@code Fn::GetAtt}: ARNs and names; other attributes are known only after deployment. */
  DocNode getAtt(Template.Resource resource, String attribute, SourceLocation at) {
    String type = resource.type();
    if ((type.equals("AWS::CloudFormation::Stack") || type.equals("AWS::Serverless::Application")) && attribute.startsWith("Outputs.")) {
      return intrinsics.nestedOutput(resource, attribute.substring("Outputs.".length()), at);
    }
    if (attribute.equals("Arn") || attribute.equals(ARN_ATTRIBUTE.get(type))) {
      DocNode arn = arn(resource, at);
      if (arn != null) {
        return arn;
      }
    }
    if (attribute.equals("QueueName") || attribute.equals("TopicName") || attribute.equals("Name") && type.equals("AWS::StepFunctions::StateMachine")) {
      return name(resource).scalar(at);
    }
    if (attribute.equals("QueueUrl") && type.equals("AWS::SQS::Queue")) {
      return ref(resource, at);
    }
    if (attribute.equals("KeyId") && type.equals("AWS::KMS::Key")) {
      return keyId(resource, at);
    }
    if (attribute.equals(GENERATED_ID.get(type))) {
      return generatedId(resource, at);
    }
    if (attribute.equals("RootId") && type.equals("AWS::Organizations::Organization")
        || attribute.equals("PermissionSetArn") && type.equals("AWS::SSO::PermissionSet")) {
      return generatedId(resource, attribute, at);
    }
    if (attribute.equals("Name") && (type.equals("AWS::CodeArtifact::Domain") || type.equals("AWS::CodeArtifact::Repository"))
        || attribute.equals("DomainName") && type.endsWith("::Domain") || attribute.equals("BackupVaultName")
        || attribute.equals("Name") && type.equals("AWS::Events::EventBus")) {
      return name(resource).scalar(at);
    }
    return Intrinsics.unresolved("Fn::GetAtt " + resource.logicalId() + "." + attribute, at,
        "CloudFormation knows " + attribute + " of " + type + " only after deployment");
  }

  /** The resource's ARN, or null when IAMUnit does not know how its type's ARN is built. */
  DocNode arn(Template.Resource resource, SourceLocation at) {
    String prefix = "arn:" + options.partition() + ":";
    String regional = options.region() + ":" + options.accountId() + ":";
    return switch (resource.type()) {
      case "AWS::IAM::Role" -> text(prefix + "iam::" + options.accountId() + ":role" + path(resource, "Path"), name(resource), at);
      case "AWS::IAM::User" -> text(prefix + "iam::" + options.accountId() + ":user" + path(resource, "Path"), name(resource), at);
      case "AWS::IAM::Group" -> text(prefix + "iam::" + options.accountId() + ":group" + path(resource, "Path"), name(resource), at);
      case "AWS::IAM::InstanceProfile" ->
          text(prefix + "iam::" + options.accountId() + ":instance-profile" + path(resource, "Path"), name(resource), at);
      case "AWS::IAM::ManagedPolicy" -> text(prefix + "iam::" + options.accountId() + ":policy" + path(resource, "Path"), name(resource), at);
      case "AWS::S3::Bucket" -> text(prefix + "s3:::", name(resource), at);
      case "AWS::SQS::Queue" -> text(prefix + "sqs:" + regional, name(resource), at);
      case "AWS::SNS::Topic" -> text(prefix + "sns:" + regional, name(resource), at);
      case "AWS::Lambda::Function", "AWS::Serverless::Function" -> text(prefix + "lambda:" + regional + "function:", name(resource), at);
      case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> text(prefix + "dynamodb:" + regional + "table/", name(resource), at);
      case "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine" ->
          text(prefix + "states:" + regional + "stateMachine:", name(resource), at);
      case "AWS::Logs::LogGroup" -> {
        Intrinsics.Text name = name(resource);
        yield new Intrinsics.Text(prefix + "logs:" + regional + "log-group:" + name.text() + ":*", name.parts()).scalar(at);
      }
      case "AWS::Kinesis::Stream" -> text(prefix + "kinesis:" + regional + "stream/", name(resource), at);
      case "AWS::ECR::Repository" -> text(prefix + "ecr:" + regional + "repository/", name(resource), at);
      case "AWS::SecretsManager::Secret" -> {
        // "Secrets Manager automatically adds a hyphen and six random characters after the secret
        // name at the end of the ARN" (Secrets Manager API Reference, CreateSecret, Name).
        Intrinsics.Text name = name(resource);
        Unresolved suffix = generated.computeIfAbsent(resource.logicalId() + " suffix", k -> Unresolved.of(resource.logicalId()
            + " ARN suffix", resource.location(), "Secrets Manager adds a hyphen and six random characters to the name of "
            + resource.logicalId() + " in its ARN at deployment"));
        List<Unresolved> parts = new java.util.ArrayList<>(name.parts());
        parts.add(suffix);
        yield new Intrinsics.Text(prefix + "secretsmanager:" + regional + "secret:" + name.text() + "-" + suffix.placeholder(), parts)
            .scalar(at);
      }
      case "AWS::KMS::Key" -> {
        Intrinsics.Text id = Intrinsics.text(keyId(resource, at));
        yield new Intrinsics.Text(prefix + "kms:" + regional + "key/" + id.text(), id.parts()).scalar(at);
      }
      // The ARN formats of the Service Authorization Reference ("Resource types defined by" each service).
      case "AWS::S3::AccessPoint" -> text(prefix + "s3:" + regional + "accesspoint/", name(resource), at);
      case "AWS::S3Express::AccessPoint" -> text(prefix + "s3express:" + regional + "accesspoint/", name(resource), at);
      case "AWS::CodeArtifact::Domain" -> text(prefix + "codeartifact:" + regional + "domain/", name(resource), at);
      case "AWS::CodeArtifact::Repository" -> {
        Intrinsics.Text domain = property(resource, "DomainName");
        Intrinsics.Text name = name(resource);
        List<Unresolved> parts = new java.util.ArrayList<>(domain.parts());
        parts.addAll(name.parts());
        yield new Intrinsics.Text(prefix + "codeartifact:" + regional + "repository/" + domain.text() + "/" + name.text(), parts)
            .scalar(at);
      }
      case "AWS::Backup::BackupVault" -> text(prefix + "backup:" + regional + "backup-vault:", name(resource), at);
      case "AWS::CloudTrail::Dashboard" -> text(prefix + "cloudtrail:" + regional + "dashboard/", name(resource), at);
      case "AWS::CloudTrail::EventDataStore" ->
          text(prefix + "cloudtrail:" + regional + "eventdatastore/", Intrinsics.text(generatedId(resource, at)), at);
      case "AWS::S3Tables::TableBucket" -> text(prefix + "s3tables:" + regional + "bucket/", name(resource), at);
      case "AWS::EFS::FileSystem" ->
          text(prefix + "elasticfilesystem:" + regional + "file-system/", Intrinsics.text(generatedId(resource, at)), at);
      case "AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain" -> text(prefix + "es:" + regional + "domain/", name(resource), at);
      case "AWS::Events::EventBus" -> text(prefix + "events:" + regional + "event-bus/", name(resource), at);
      case "AWS::SageMaker::ModelPackageGroup" -> text(prefix + "sagemaker:" + regional + "model-package-group/", name(resource), at);
      // The API's own part of the execute-api ARNs its policy's statements name (API Gateway
      // Developer Guide, "Control access to a REST API with API Gateway resource policies").
      case "AWS::ApiGateway::RestApi" -> text(prefix + "execute-api:" + regional, Intrinsics.text(generatedId(resource, at)), at);
      case "AWS::IAM::SAMLProvider" -> text(prefix + "iam::" + options.accountId() + ":saml-provider/", name(resource), at);
      case "AWS::IAM::OIDCProvider" -> {
        // "arn:aws:iam::123456789012:oidc-provider/server.example.com": the URL without https://
        // (IAM User Guide, "Create an OpenID Connect (OIDC) identity provider in IAM").
        Intrinsics.Text url = property(resource, "Url");
        String host = url.text().startsWith("https://") ? url.text().substring("https://".length()) : url.text();
        yield new Intrinsics.Text(prefix + "iam::" + options.accountId() + ":oidc-provider/" + host, url.parts()).scalar(at);
      }
      default -> null;
    };
  }

  /** The id AWS generates for a resource (an EFS file system's fs-..., a REST API's id): one unknown per resource. */
  private DocNode generatedId(Template.Resource resource, SourceLocation at) {
    return generatedId(resource, GENERATED_ID.get(resource.type()), at);
  }

  private DocNode generatedId(Template.Resource resource, String attribute, SourceLocation at) {
    Unresolved id = generated.computeIfAbsent(resource.logicalId() + " " + attribute, k -> Unresolved.of(resource.logicalId() + "." + attribute,
        resource.location(), "AWS generates the " + attribute + " of " + resource.type() + " " + resource.logicalId() + " at deployment"));
    return new dev.iamunit.document.DocUnresolved(id);
  }

  /** A property an ARN is built from, resolved; unknown when absent. */
  private Intrinsics.Text property(Template.Resource resource, String property) {
    Optional<DocNode> value = resource.property(property);
    Intrinsics.Text text = value.map(v -> resolveOwn(resource, v)).map(Intrinsics::text).orElse(null);
    if (text != null) {
      return text;
    }
    Unresolved unknown = generated.computeIfAbsent(resource.logicalId() + " " + property, k -> Unresolved.of(resource.logicalId() + "."
        + property, resource.location(), property + " of " + resource.logicalId() + " is not set or not a string"));
    return new Intrinsics.Text(unknown.placeholder(), List.of(unknown));
  }

  private DocNode keyId(Template.Resource resource, SourceLocation at) {
    Unresolved id = generated.computeIfAbsent(resource.logicalId(), k -> Unresolved.of(resource.logicalId() + " key id", resource.location(),
        "AWS generates the id of KMS key " + resource.logicalId() + " at deployment"));
    return new dev.iamunit.document.DocUnresolved(id);
  }

  private static DocNode text(String prefix, Intrinsics.Text name, SourceLocation at) {
    return new Intrinsics.Text(prefix + name.text(), name.parts()).scalar(at);
  }

  private String urlSuffix() {
    return Partition.of(options.region()).dnsSuffix();
  }

  /** The IAM path: the resource's Path property, or "/". */
  String path(Template.Resource resource, String property) {
    Optional<DocNode> value = resource.property(property);
    if (resource.type().equals("AWS::IAM::Role") && !resource.generatedFor().isEmpty()) {
      value = template.resources().get(resource.generatedFor()).property("RolePath");
    }
    if (value.isEmpty()) {
      return "/";
    }
    Intrinsics.Text text = Intrinsics.text(resolveOwn(resource, value.get()));
    return text == null || text.text().isEmpty() ? "/" : text.text();
  }

  /**
   * A property of {@code resource} that its name or ARN is built from, resolved. A property that
   * comes back to the resource ({@code QueueName: !GetAtt Queue.QueueName}, or through others) is
   * the error CloudFormation gives, "Circular dependency between resources", not a stack overflow.
   */
  private DocNode resolveOwn(Template.Resource resource, DocNode property) {
    if (!resolving.add(resource.logicalId())) {
      throw new TemplateException("circular dependency between resources: " + String.join(" → ", resolving) + " → "
          + resource.logicalId() + "; CloudFormation rejects the template: a resource's name cannot depend on itself",
          property.location());
    }
    try {
      return intrinsics.resolve(property);
    } finally {
      resolving.remove(resource.logicalId());
    }
  }

  /** The resource's name: its name property resolved, or the symbolic name CloudFormation would generate. */
  Intrinsics.Text name(Template.Resource resource) {
    String property = NAME_PROPERTY.get(resource.type());
    Optional<DocNode> value = property == null ? Optional.empty() : resource.property(property);
    if (value.isPresent()) {
      DocNode resolved = resolveOwn(resource, value.get());
      Intrinsics.Text text = resolved == null ? null : Intrinsics.text(resolved);
      if (text != null) {
        return text;
      }
    }
    Unresolved random = generated.computeIfAbsent(resource.logicalId(), k -> Unresolved.of(resource.logicalId() + " name",
        resource.location(), "the template gives no " + (property == null ? "name" : property) + ", so CloudFormation generates the name of "
            + resource.logicalId() + " (" + Unresolved.replacePlaceholders(intrinsics.stackName().text(), "RANDOM") + "-"
            + resource.logicalId() + "-RANDOM) at deployment"));
    String stem = intrinsics.stackName().text() + "-" + resource.logicalId() + "-";
    if (resource.type().equals("AWS::S3::Bucket")) {
      stem = stem.toLowerCase(java.util.Locale.ROOT);
    }
    List<Unresolved> parts = new java.util.ArrayList<>(intrinsics.stackName().parts());
    parts.add(random);
    return new Intrinsics.Text(stem + random.placeholder(), parts);
  }
}
