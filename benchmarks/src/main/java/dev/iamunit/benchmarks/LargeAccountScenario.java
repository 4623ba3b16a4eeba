package dev.iamunit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.model.Account;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Organization;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Case (b): a large generated account, the same for every run (fixed seed). User alice is in
 * {@value #GROUPS} groups with {@value #POLICIES_PER_GROUP} customer managed policies each, of
 * {@value #STATEMENTS_PER_POLICY} statements (action wildcards, NotAction, ARN patterns with
 * {@code ${aws:username}}, conditions of most operator families); she has a permissions boundary,
 * and the organization has three SCP levels (root, OU, account) with allow lists and guardrails.
 */
final class LargeAccountScenario {

  static final int GROUPS = 30;
  static final int POLICIES_PER_GROUP = 10;
  static final int STATEMENTS_PER_POLICY = 8;
  private static final String ACCOUNT_ID = "444455556666";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String[] SERVICES = {"s3", "dynamodb", "sqs", "sns", "lambda", "ec2", "kms", "logs", "iam", "ssm"};
  private static final String[] VERBS = {"Get", "Put", "List", "Describe", "Delete", "Create", "Update", "Tag"};
  private static final String[] NOUNS = {"Object", "Item", "Message", "Function", "Instances", "Key", "Parameter", "Policy"};

  private final Random random = new Random(20261122L);
  private final Caller caller;
  private final List<Request> requests;

  LargeAccountScenario() {
    Account.Builder account = Account.builder().id(ACCOUNT_ID);
    List<String> groupNames = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      List<String> arns = new ArrayList<>();
      for (int p = 0; p < POLICIES_PER_GROUP; p++) {
        String name = "team-policy-" + g + "-" + p;
        String arn = "arn:aws:iam::" + ACCOUNT_ID + ":policy/" + name;
        account.managedPolicy(new ManagedPolicy(arn, name, "/", policy(name, STATEMENTS_PER_POLICY, 0.15), false));
        arns.add(arn);
      }
      String group = "team-" + g;
      account.group(new Group(group, "/", "arn:aws:iam::" + ACCOUNT_ID + ":group/" + group, List.of(), arns, SourceLocation.UNKNOWN));
      groupNames.add(group);
    }
    String boundaryArn = "arn:aws:iam::" + ACCOUNT_ID + ":policy/developer-boundary";
    account.managedPolicy(new ManagedPolicy(boundaryArn, "developer-boundary", "/", boundary(), false));
    account.user(new User("alice", "/", "arn:aws:iam::" + ACCOUNT_ID + ":user/alice", Map.of("team", "team-3", "cost-center", "cc-42"),
        groupNames, List.of(policy("alice-inline", 12, 0.2)), List.of(), Optional.of(boundaryArn), SourceLocation.UNKNOWN));
    account.organization(new Organization(
        List.of(
            List.of(fullAccess("FullAWSAccess-root"), policy("root-guardrails", 10, 1.0)),
            List.of(serviceAllowList(), policy("ou-guardrails", 10, 1.0)),
            List.of(fullAccess("FullAWSAccess-account"), policy("account-guardrails", 6, 1.0))),
        List.of()));
    this.caller = Caller.user(account.build(), "alice");
    List<Request> all = new ArrayList<>();
    CredentialKind[] kinds = {CredentialKind.CONSOLE_WITH_MFA, CredentialKind.ACCESS_KEYS, CredentialKind.CONSOLE_WITHOUT_MFA};
    for (int i = 0; i < 64; i++) {
      String service = pick(SERVICES);
      String action = service + ":" + pick(VERBS) + pick(NOUNS);
      Map<String, List<String>> extra = random.nextBoolean()
          ? Map.of("aws:SourceIp", List.of("10.1.2." + random.nextInt(250)), "aws:ResourceTag/env", List.of(pick(new String[] {"prod", "dev"})))
          : Map.of("aws:SourceIp", List.of("203.0.113." + random.nextInt(250)));
      all.add(caller.request(action, requestResource(service), kinds[i % kinds.length], ForceMfaScenario.NOW, extra).request());
    }
    this.requests = List.copyOf(all);
  }

  PolicySet policies() {
    return caller.policies();
  }

  List<Request> requests() {
    return requests;
  }

  int policyCount() {
    return caller.policies().policies().size();
  }

  int statementCount() {
    return caller.policies().policies().stream().mapToInt(p -> p.statements().size()).sum();
  }

  private Policy policy(String name, int statementCount, double denyShare) {
    ObjectNode document = JSON.createObjectNode().put("Version", "2012-10-17");
    ArrayNode statementArray = document.putArray("Statement");
    for (int s = 0; s < statementCount; s++) {
      ObjectNode statement = statementArray.addObject();
      statement.put("Sid", name.replace("-", "") + "S" + s);
      boolean deny = random.nextDouble() < denyShare;
      statement.put("Effect", deny ? "Deny" : "Allow");
      String service = pick(SERVICES);
      ArrayNode actions = statement.putArray(random.nextDouble() < 0.05 ? "NotAction" : "Action");
      int actionCount = 1 + random.nextInt(4);
      for (int a = 0; a < actionCount; a++) {
        int shape = random.nextInt(10);
        actions.add(shape < 6 ? service + ":" + pick(VERBS) + pick(NOUNS) : shape < 9 ? service + ":" + pick(VERBS) + "*" : service + ":*");
      }
      ArrayNode resources = statement.putArray("Resource");
      int resourceCount = 1 + random.nextInt(2);
      for (int r = 0; r < resourceCount; r++) {
        resources.add(policyResource(service));
      }
      if (random.nextDouble() < 0.45) {
        condition(statement.putObject("Condition"), deny);
      }
    }
    return PolicyParser.parse(document.toString(), "generated/" + name + ".json", PolicyKind.IDENTITY, name);
  }

  private void condition(ObjectNode condition, boolean deny) {
    switch (random.nextInt(7)) {
      case 0 -> condition.putObject("StringEquals").putArray("aws:RequestedRegion").add("us-east-1").add("eu-west-1");
      case 1 -> condition.putObject(deny ? "BoolIfExists" : "Bool").put("aws:MultiFactorAuthPresent", deny ? "false" : "true");
      case 2 -> condition.putObject(deny ? "NotIpAddress" : "IpAddress").putArray("aws:SourceIp").add("10.0.0.0/8").add("192.168.0.0/16");
      case 3 -> condition.putObject("StringLike").put("aws:PrincipalTag/team", "team-*");
      case 4 -> condition.putObject("StringEquals").put("aws:ResourceTag/env", "${aws:PrincipalTag/env, 'prod'}");
      case 5 -> condition.putObject("NumericLessThan").put("aws:MultiFactorAuthAge", "3600");
      default -> condition.putObject("DateGreaterThan").put("aws:CurrentTime", "2026-01-01T00:00:00Z");
    }
  }

  private String policyResource(String service) {
    int n = random.nextInt(20);
    return switch (service) {
      case "s3" -> random.nextBoolean() ? "arn:aws:s3:::bucket-" + n + "/*" : "arn:aws:s3:::bucket-" + n + "/home/${aws:username}/*";
      case "dynamodb" -> "arn:aws:dynamodb:us-east-1:" + ACCOUNT_ID + ":table/table-" + n;
      case "sqs", "sns" -> "arn:aws:" + service + ":*:" + ACCOUNT_ID + ":queue-" + n + "*";
      case "lambda" -> "arn:aws:lambda:us-east-1:" + ACCOUNT_ID + ":function:fn-" + n + "-*";
      case "iam" -> "arn:aws:iam::" + ACCOUNT_ID + ":user/${aws:username}";
      case "kms" -> "arn:aws:kms:us-east-1:" + ACCOUNT_ID + ":key/*";
      case "ssm" -> "arn:aws:ssm:us-east-1:" + ACCOUNT_ID + ":parameter/app-" + n + "/*";
      default -> random.nextInt(3) == 0 ? "arn:aws:" + service + ":us-east-1:" + ACCOUNT_ID + ":*" : "*";
    };
  }

  private String requestResource(String service) {
    int n = random.nextInt(20);
    return switch (service) {
      case "s3" -> random.nextBoolean() ? "arn:aws:s3:::bucket-" + n + "/data/part-1" : "arn:aws:s3:::bucket-" + n + "/home/alice/notes.txt";
      case "dynamodb" -> "arn:aws:dynamodb:us-east-1:" + ACCOUNT_ID + ":table/table-" + n;
      case "sqs", "sns" -> "arn:aws:" + service + ":us-east-1:" + ACCOUNT_ID + ":queue-" + n + "-orders";
      case "lambda" -> "arn:aws:lambda:us-east-1:" + ACCOUNT_ID + ":function:fn-" + n + "-worker";
      case "iam" -> "arn:aws:iam::" + ACCOUNT_ID + ":user/" + (random.nextBoolean() ? "alice" : "bob");
      case "kms" -> "arn:aws:kms:us-east-1:" + ACCOUNT_ID + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
      case "ssm" -> "arn:aws:ssm:us-east-1:" + ACCOUNT_ID + ":parameter/app-" + n + "/db-password";
      default -> random.nextBoolean() ? "arn:aws:ec2:us-east-1:" + ACCOUNT_ID + ":instance/i-0" + n : "*";
    };
  }

  /** The boundary: broad allows for most services, a few denies. */
  private Policy boundary() {
    ObjectNode document = JSON.createObjectNode().put("Version", "2012-10-17");
    ArrayNode statementArray = document.putArray("Statement");
    for (int s = 0; s < 40; s++) {
      String service = SERVICES[s % SERVICES.length];
      ObjectNode statement = statementArray.addObject().put("Sid", "Boundary" + s);
      boolean deny = s >= 34;
      statement.put("Effect", deny ? "Deny" : "Allow");
      statement.putArray("Action").add(deny ? service + ":Delete*" : service + ":" + VERBS[s % VERBS.length] + "*");
      statement.put("Resource", deny ? policyResource(service) : "*");
    }
    return PolicyParser.parse(document.toString(), "generated/boundary.json", PolicyKind.PERMISSIONS_BOUNDARY, "developer-boundary");
  }

  private static Policy fullAccess(String name) {
    return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
        "generated/" + name + ".json", PolicyKind.SERVICE_CONTROL, name);
  }

  /** The OU's allow list: one statement per service, all but ssm. */
  private static Policy serviceAllowList() {
    ObjectNode document = JSON.createObjectNode().put("Version", "2012-10-17");
    ArrayNode statementArray = document.putArray("Statement");
    for (String service : SERVICES) {
      if (!service.equals("ssm")) {
        statementArray.addObject().put("Effect", "Allow").put("Action", service + ":*").put("Resource", "*");
      }
    }
    statementArray.addObject().put("Effect", "Allow").put("Action", "sts:*").put("Resource", "*");
    return PolicyParser.parse(document.toString(), "generated/ou-allow-list.json", PolicyKind.SERVICE_CONTROL, "ou-allow-list");
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
