package dev.iamunit.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.PolicyType;
import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The action index answers, for every statement of every policy it holds, exactly what matching
 * the action against each of the statement's patterns answers ({@link
 * CompiledStatement#listsAction}, negated for NotAction), which is how the evaluator decided
 * before the index existed.
 */
class ActionIndexTests {

  private static final String[] ACTIONS = {
    "ec2:RunInstances", "EC2:runinstances", "ec2:DescribeInstances", "iam:EnableMFADevice", "iam:ListMFADevices",
    "iam:CreateUser", "s3:GetObject", "s3:getobject", "sts:AssumeRole", "ec2", "EC2", "ec2:", ":RunInstances",
    " ec2:RunInstances", "ec2:RunInstances ", "ec2:Run:Instances", "ec2:Run*", "*", "", "e\u0130c2:x", "ec2:\u212Aill",
    "iam:\u0130nfo", "ecs:RunTask", "ec22:RunInstances", "autoscaling:CreateAutoScalingGroup"};

  @Test
  void findsTheStatementsThatMatchingEachPatternFinds() {
    List<CompiledPolicy> policies = List.of(
        compile(
            statement("Allow", "\"ec2:*\""),
            statement("Allow", "[\"iam:*MFA*\", \"iam:ListMFADevices\", \"IAM:CreateUser\"]"),
            statement("Deny", "\"*\"", true),
            statement("Allow", "[\"e?2:Run*\", \"*:GetObject\", \"s3:Get*\", \"*2:*\"]")),
        compile(
            statement("Allow", "\"ec2:kill\""),
            statement("Allow", "[\"ec2:RunInstances\", \"ec2:runinstances\"]", true),
            statement("Deny", "[\"*\", \"ec2:RunInstances\"]")),
        compile(statement("Allow", "\"EC2:RunInstances\""), statement("Deny", "[\"iam:*\", \"*\"]", true)));

    for (String action : ACTIONS) {
      assertAgrees(policies, action);
    }
  }

  @Test
  void agreesWithPatternMatchingOnRandomPoliciesAndActions() {
    Random random = new Random(20261204L);
    // Patterns the parser accepts: "*" or service:action; requests may be anything.
    String[] pieces = {"ec2", "EC2", "iam", "s3", "*", "?", "Run", "run", "MFA", "Get", "Instances", "e", "c", "2", "\u212A", "k"};
    for (int round = 0; round < 400; round++) {
      List<String> statements = new ArrayList<>();
      for (int s = 0, n = 1 + random.nextInt(6); s < n; s++) {
        String actions = IntStream.range(0, 1 + random.nextInt(4))
            .mapToObj(i -> "\"" + (random.nextInt(8) == 0 ? "*" : word(random, pieces) + ":" + word(random, pieces)) + "\"")
            .collect(Collectors.joining(", ", "[", "]"));
        statements.add(statement(random.nextBoolean() ? "Allow" : "Deny", actions, random.nextInt(4) == 0));
      }
      // One to three policies, the statements dealt among them in order.
      List<CompiledPolicy> policies = new ArrayList<>();
      for (int from = 0, cut = 1 + random.nextInt(3); from < statements.size(); from += cut) {
        policies.add(compile(statements.subList(from, Math.min(statements.size(), from + cut)).toArray(String[]::new)));
      }
      for (int a = 0; a < 20; a++) {
        String service = random.nextInt(6) == 0 ? "" : word(random, pieces) + (random.nextInt(6) == 0 ? " :" : ":");
        assertAgrees(policies, service + word(random, pieces).replace("?", "x") + (random.nextInt(6) == 0 ? ":x" : ""));
      }
      for (String action : ACTIONS) {
        assertAgrees(policies, action);
      }
    }
  }

  /** A non-ASCII pattern is matched pattern by pattern, and only its statement: the others still go through the tables. */
  @Test
  void answersForPoliciesWithNonAsciiActionsAndForMoreStatementsThanOneWordHolds() {
    List<CompiledPolicy> kelvin = List.of(
        compile(statement("Allow", "[\"ec2:\u212Aill\", \"ec2:Run*\"]"), statement("Allow", "\"EC2:kill\"")),
        compile(statement("Deny", "\"ec2:K*\"", true), statement("Allow", "\"ec2:kill\"")));
    for (String action : ACTIONS) {
      assertAgrees(kelvin, action);
    }

    // 64 statements a word: a run of 150 crosses two word boundaries, with hits on both sides.
    String[] many = new String[150];
    for (int i = 0; i < many.length; i++) {
      many[i] = i % 7 == 0 ? statement("Deny", "\"s3:Get*\"", i % 2 == 0) : statement("Allow", "\"s3:GetObject" + i % 65 + "\"");
    }
    List<CompiledPolicy> large = List.of(compile(Arrays.copyOf(many, 63)), compile(Arrays.copyOfRange(many, 63, 150)));
    for (String action : new String[] {"s3:GetObject0", "S3:getobject64", "s3:GetObject1", "s3:PutObject", "s3:GetObject63"}) {
      assertAgrees(large, action);
    }
  }

  /** Threads racing to build an index's tables each get the answer matching gives. */
  @Test
  void answersAlikeWhenThreadsRaceToBuildTheTables() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 50; round++) {
        List<CompiledPolicy> policy = List.of(compile(
            statement("Allow", "\"ec2:*\""),
            statement("Allow", "[\"iam:*MFA*\", \"iam:ListMFADevices\"]"),
            statement("Deny", "[\"iam:CreateUser\", \"s3:Get*\"]", true)));
        ActionIndex index = ActionIndex.of(policy);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          tasks.add(() -> {
            for (String action : ACTIONS) {
              assertAgrees(index, policy, action);
            }
            return null;
          });
        }
        for (Future<Void> result : threads.invokeAll(tasks)) {
          result.get();
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** Twice: an index's first decision matches pattern by pattern, later ones use the tables. */
  private static void assertAgrees(List<CompiledPolicy> policies, String action) {
    assertAgrees(ActionIndex.of(policies), policies, action);
  }

  private static void assertAgrees(ActionIndex index, List<CompiledPolicy> policies, String action) {
    List<CompiledStatement> statements = policies.stream().flatMap(p -> Arrays.stream(p.statements())).toList();
    assertThat(index.size()).isEqualTo(statements.size());
    for (String decision : new String[] {"first", "later"}) {
      long[] selected = index.statementsSelecting(ActionIndex.key(action));
      for (int i = 0; i < statements.size(); i++) {
        CompiledStatement statement = statements.get(i);
        assertThat(index.statement(i)).isSameAs(statement);
        assertThat((selected[i >>> 6] >>> i & 1) != 0)
            .as("%s decision: statement %d %s%s selects \"%s\"", decision, i, statement.actionNegated() ? "NotAction " : "",
                statement.statement().action().values(), action)
            .isEqualTo(statement.listsAction(action) != statement.actionNegated());
      }
    }
  }

  private static String word(Random random, String[] pieces) {
    StringBuilder word = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
      word.append(pieces[random.nextInt(pieces.length)]);
    }
    return word.toString();
  }

  private static String statement(String effect, String actions) {
    return statement(effect, actions, false);
  }

  private static String statement(String effect, String actions, boolean negated) {
    return "{\"Effect\": \"" + effect + "\", \"" + (negated ? "NotAction" : "Action") + "\": " + actions + ", \"Resource\": \"*\"}";
  }

  private static CompiledPolicy compile(String... statements) {
    Policy policy = PolicyParser.parse(
        "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}", "test.json", PolicyKind.IDENTITY, "p");
    return CompiledPolicy.compile(policy, PolicyType.IDENTITY, 0, "identity[0]");
  }
}
