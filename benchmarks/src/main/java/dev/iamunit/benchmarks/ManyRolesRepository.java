package dev.iamunit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Issue 26's scale case: a Terraform repository of many roles, each with an inline policy from a
 * {@code data "aws_iam_policy_document"} of four statements of {@code Get*}/{@code List*}/{@code
 * Describe*} actions over ten services, on wildcard ARNs of its team's resources, with a {@code
 * StringEquals aws:PrincipalTag/team} condition, and a trust policy for EC2. Written twice: the
 * base, and a head where one word of one statement of one role differs ({@code sqs:Get*} becomes
 * {@code sqs:Send*} in role {@value #CHANGED}'s policy).
 */
final class ManyRolesRepository {

  /** The role whose policy the head edits. */
  static final String CHANGED = "team-17";

  private static final List<List<String>> STATEMENTS = List.of(
      List.of("s3", "dynamodb", "sqs"),
      List.of("sns", "lambda", "logs"),
      List.of("kinesis", "secretsmanager"),
      List.of("ssm", "cloudwatch"));

  private ManyRolesRepository() {}

  /** Writes {@code roles} roles into {@code folder}/base and {@code folder}/head, 100 roles a file. */
  static void write(Path folder, int roles) {
    try {
      for (String version : List.of("base", "head")) {
        Path root = Files.createDirectories(folder.resolve(version));
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < roles; i++) {
          file.append(role(i, version.equals("head")));
          if (i % 100 == 99 || i == roles - 1) {
            Files.writeString(root.resolve(String.format(Locale.ROOT, "roles-%03d.tf", i / 100)), file);
            file.setLength(0);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String role(int index, boolean head) {
    String team = "team-" + index;
    String id = "team_" + index;
    StringBuilder tf = new StringBuilder();
    tf.append("resource \"aws_iam_role\" \"").append(id).append("\" {\n")
        .append("  name = \"").append(team).append("\"\n")
        .append("  assume_role_policy = jsonencode({\n")
        .append("    Version = \"2012-10-17\"\n")
        .append("    Statement = [{\n")
        .append("      Effect    = \"Allow\"\n")
        .append("      Principal = { Service = \"ec2.amazonaws.com\" }\n")
        .append("      Action    = \"sts:AssumeRole\"\n")
        .append("    }]\n")
        .append("  })\n")
        .append("  tags = {\n    team = \"").append(team).append("\"\n  }\n")
        .append("}\n\n");
    tf.append("data \"aws_iam_policy_document\" \"").append(id).append("\" {\n");
    for (int s = 0; s < STATEMENTS.size(); s++) {
      tf.append("  statement {\n")
          .append("    sid    = \"Read").append(s).append("\"\n")
          .append("    effect = \"Allow\"\n")
          .append("    actions = [\n");
      for (String service : STATEMENTS.get(s)) {
        for (String verb : List.of("Get", "List", "Describe")) {
          String action = service + ":" + verb + "*";
          if (head && team.equals(CHANGED) && action.equals("sqs:Get*")) {
            action = "sqs:Send*";
          }
          tf.append("      \"").append(action).append("\",\n");
        }
      }
      tf.append("    ]\n    resources = [\n");
      for (String service : STATEMENTS.get(s)) {
        tf.append("      \"").append(arn(service, team)).append("\",\n");
      }
      tf.append("    ]\n")
          .append("    condition {\n")
          .append("      test     = \"StringEquals\"\n")
          .append("      variable = \"aws:PrincipalTag/team\"\n")
          .append("      values   = [\"").append(team).append("\"]\n")
          .append("    }\n")
          .append("  }\n");
    }
    tf.append("}\n\n");
    tf.append("resource \"aws_iam_role_policy\" \"").append(id).append("\" {\n")
        .append("  name   = \"").append(team).append("-read\"\n")
        .append("  role   = aws_iam_role.").append(id).append(".id\n")
        .append("  policy = data.aws_iam_policy_document.").append(id).append(".json\n")
        .append("}\n\n");
    return tf.toString();
  }

  /** A wildcard ARN of the team's resources of {@code service}. */
  private static String arn(String service, String team) {
    return switch (service) {
      case "s3" -> "arn:aws:s3:::" + team + "-*";
      case "dynamodb" -> "arn:aws:dynamodb:*:*:table/" + team + "-*";
      case "logs" -> "arn:aws:logs:*:*:log-group:/" + team + "/*";
      case "lambda" -> "arn:aws:lambda:*:*:function:" + team + "-*";
      case "secretsmanager" -> "arn:aws:secretsmanager:*:*:secret:" + team + "/*";
      case "ssm" -> "arn:aws:ssm:*:*:parameter/" + team + "/*";
      case "kinesis" -> "arn:aws:kinesis:*:*:stream/" + team + "-*";
      case "cloudwatch" -> "arn:aws:cloudwatch:*:*:alarm:" + team + "-*";
      default -> "arn:aws:" + service + ":*:*:" + team + "-*";
    };
  }
}
