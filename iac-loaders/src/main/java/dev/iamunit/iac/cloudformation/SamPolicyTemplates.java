package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocNode;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.model.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SAM policy templates: the statements each one expands to and the parameters it takes, as AWS SAM
 * documents them ("AWS SAM policy templates" in the AWS Serverless Application Model Developer
 * Guide; samtranslator/policy_templates_data/policy_templates.json).
 */
final class SamPolicyTemplates {

  /** A template: its parameter names and its policy document, written with Fn::Sub and Ref to the parameters. */
  record Definition(List<String> parameters, String document) {

    /** The document as a tree whose every location is {@code at}, where the template is used. */
    DocNode document(SourceLocation at) {
      return Template.relocate(JsonDocuments.read(document, at.file()), at);
    }
  }

  private static String sub(String format, String variable, String parameter) {
    return "{\"Fn::Sub\": [\"" + format + "\", {\"" + variable + "\": {\"Ref\": \"" + parameter + "\"}}]}";
  }

  private static Definition statement(String parameter, List<String> actions, String... resources) {
    String action = String.join("\", \"", actions);
    String resource = resources.length == 1 ? resources[0] : "[" + String.join(", ", resources) + "]";
    return new Definition(List.of(parameter), "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"" + action + "\"], \"Resource\": "
        + resource + "}]}");
  }

  private static final String BUCKET = "arn:${AWS::Partition}:s3:::${bucketName}";
  private static final String TABLE = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}";
  private static final String QUEUE = "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${queueName}";

  private static final Map<String, Definition> TEMPLATES = Map.of(
      "S3ReadPolicy", statement("BucketName", List.of("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion",
          "s3:GetLifecycleConfiguration"), sub(BUCKET, "bucketName", "BucketName"), sub(BUCKET + "/*", "bucketName", "BucketName")),
      "S3CrudPolicy", statement("BucketName", List.of("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion",
          "s3:PutObject", "s3:PutObjectAcl", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration", "s3:DeleteObject"),
          sub(BUCKET, "bucketName", "BucketName"), sub(BUCKET + "/*", "bucketName", "BucketName")),
      "DynamoDBCrudPolicy", statement("TableName", List.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan",
          "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable",
          "dynamodb:ConditionCheckItem"), sub(TABLE, "tableName", "TableName"), sub(TABLE + "/index/*", "tableName", "TableName")),
      "DynamoDBReadPolicy", statement("TableName", List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem",
          "dynamodb:DescribeTable"), sub(TABLE, "tableName", "TableName"), sub(TABLE + "/index/*", "tableName", "TableName")),
      "SQSPollerPolicy", statement("QueueName", List.of("sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch",
          "sqs:DeleteMessage", "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"), sub(QUEUE, "queueName", "QueueName")),
      "SQSSendMessagePolicy", statement("QueueName", List.of("sqs:SendMessage*"), sub(QUEUE, "queueName", "QueueName")),
      "LambdaInvokePolicy", statement("FunctionName", List.of("lambda:InvokeFunction"),
          sub("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${functionName}*", "functionName", "FunctionName")));

  private SamPolicyTemplates() {}

  static Optional<Definition> named(String name) {
    return Optional.ofNullable(TEMPLATES.get(name));
  }

  /** The names of the templates IAMUnit expands, sorted. */
  static List<String> names() {
    return TEMPLATES.keySet().stream().sorted().toList();
  }
}
