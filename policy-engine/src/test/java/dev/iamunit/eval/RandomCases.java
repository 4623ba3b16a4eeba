package dev.iamunit.eval;

import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of small policies and requests over a shared vocabulary, so that statements
 * and requests meet often: the ground for the evaluator's algebraic properties.
 */
final class RandomCases {

  static final String PRINCIPAL = "arn:aws:iam::111122223333:user/alice";

  private static final String[] ACTIONS = {"s3:GetObject", "s3:PutObject", "s3:*", "ec2:RunInstances", "ec2:Describe*", "iam:*MFA*", "*"};
  private static final String[] REQUEST_ACTIONS = {"s3:GetObject", "s3:PutObject", "ec2:RunInstances", "ec2:DescribeInstances", "iam:EnableMFADevice"};
  private static final String[] RESOURCES = {"*", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/home/${aws:username}/*",
      "arn:aws:ec2:*:*:instance/*", "arn:aws:iam::*:user/${aws:username}"};
  private static final String[] REQUEST_RESOURCES = {"arn:aws:s3:::bucket/home/alice/a", "arn:aws:s3:::bucket/other",
      "arn:aws:ec2:us-east-1:111122223333:instance/i-1", "arn:aws:iam::111122223333:user/alice", "*"};
  private static final String[] CONDITIONS = {
      "\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}",
      "\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}",
      "\"StringEquals\":{\"aws:username\":\"alice\"}",
      "\"StringNotEquals\":{\"aws:PrincipalTag/team\":\"blue\"}",
      "\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}",
      "\"ForAnyValue:StringLike\":{\"aws:TagKeys\":[\"env*\"]}",
      "\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}"};

  private final Random random;

  RandomCases(long seed) {
    this.random = new Random(seed);
  }

  String statementJson(String effect) {
    StringBuilder json = new StringBuilder("{\"Effect\":\"").append(effect).append('"');
    json.append(random.nextInt(5) == 0 ? ",\"NotAction\":" : ",\"Action\":").append(list(ACTIONS));
    json.append(random.nextInt(6) == 0 ? ",\"NotResource\":" : ",\"Resource\":").append(list(RESOURCES));
    if (random.nextBoolean()) {
      json.append(",\"Condition\":{").append(CONDITIONS[random.nextInt(CONDITIONS.length)]).append('}');
    }
    return json.append('}').toString();
  }

  String effect() {
    return random.nextInt(3) == 0 ? "Deny" : "Allow";
  }

  List<String> statements(int max) {
    List<String> statements = new ArrayList<>();
    int count = 1 + random.nextInt(max);
    for (int i = 0; i < count; i++) {
      statements.add(statementJson(effect()));
    }
    return statements;
  }

  static Policy policy(List<String> statements, String name) {
    return PolicyParser.parse(
        "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}", name + ".json", PolicyKind.IDENTITY, name);
  }

  Request request() {
    RequestContext.Builder context = RequestContext.builder().put("aws:username", "alice");
    switch (random.nextInt(3)) {
      case 0 -> context.put("aws:MultiFactorAuthPresent", "true").put("aws:MultiFactorAuthAge", Integer.toString(random.nextInt(7200)));
      case 1 -> context.put("aws:MultiFactorAuthPresent", "false");
      default -> { }
    }
    if (random.nextBoolean()) {
      context.put("aws:PrincipalTag/team", random.nextBoolean() ? "blue" : "red");
    }
    if (random.nextBoolean()) {
      context.put("aws:SourceIp", random.nextBoolean() ? "203.0.113.7" : "198.51.100.1");
    }
    if (random.nextBoolean()) {
      context.putMultivalued("aws:TagKeys", random.nextBoolean() ? List.of("env", "team") : List.of("owner"));
    }
    return Request.of(PRINCIPAL, REQUEST_ACTIONS[random.nextInt(REQUEST_ACTIONS.length)],
        REQUEST_RESOURCES[random.nextInt(REQUEST_RESOURCES.length)], context.build());
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private String list(String[] vocabulary) {
    int count = 1 + random.nextInt(2);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add("\"" + vocabulary[random.nextInt(vocabulary.length)] + "\"");
    }
    return "[" + String.join(",", values) + "]";
  }
}
