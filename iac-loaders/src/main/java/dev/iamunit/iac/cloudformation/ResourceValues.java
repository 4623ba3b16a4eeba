package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocNode;
import dev.iamunit.iac.LoadOptions;
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
      Map.entry("AWS::SecretsManager::Secret", "Name"));

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
      case "AWS::IAM::ManagedPolicy", "AWS::SNS::Topic", "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine",
          "AWS::SecretsManager::Secret" -> arn(resource, at);
      case "AWS::SQS::Queue" -> text("https://sqs." + options.region() + "." + urlSuffix() + "/" + options.accountId() + "/", name(resource), at);
      case "AWS::KMS::Key" -> keyId(resource, at);
      default -> NAME_PROPERTY.containsKey(resource.type()) ? name(resource).scalar(at)
          : Intrinsics.unresolved("Ref " + resource.logicalId(), at,
              "CloudFormation generates the physical id of " + resource.type() + " " + resource.logicalId() + " at deployment");
    };
  }

  /** {@code Fn::GetAtt}: ARNs and names; other attributes are known only after deployment. */
  DocNode getAtt(Template.Resource resource, String attribute, SourceLocation at) {
    String type = resource.type();
    if (attribute.equals("Arn") || attribute.equals("PolicyArn") && type.equals("AWS::IAM::ManagedPolicy")
        || attribute.equals("TopicArn") && type.equals("AWS::SNS::Topic")) {
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
      default -> null;
    };
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
    return options.partition().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
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
            + resource.logicalId() + " (" + options.stackName() + "-" + resource.logicalId() + "-RANDOM) at deployment"));
    String stem = options.stackName() + "-" + resource.logicalId() + "-";
    if (resource.type().equals("AWS::S3::Bucket")) {
      stem = stem.toLowerCase(java.util.Locale.ROOT);
    }
    return new Intrinsics.Text(stem + random.placeholder(), List.of(random));
  }
}
