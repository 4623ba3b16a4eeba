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
 * The action index answers, for every statement, exactly what matching the action against each
 * of its patterns answers ({@link CompiledStatement#listsAction}), which is how the evaluator
 * decided before the index existed.
 */
class ActionIndexTests {

  private static final String[] ACTIONS = {
    "ec2:RunInstances", "EC2:runinstances", "ec2:DescribeInstances", "iam:EnableMFADevice", "iam:ListMFADevices",
    "iam:CreateUser", "s3:GetObject", "s3:getobject", "sts:AssumeRole", "ec2", "EC2", "ec2:", ":RunInstances",
    " ec2:RunInstances", "ec2:RunInstances ", "ec2:Run:Instances", "ec2:Run*", "*", "", "e\u0130c2:x", "ec2:\u212Aill",
    "iam:\u0130nfo", "ecs:RunTask", "ec22:RunInstances", "autoscaling:CreateAutoScalingGroup"};

  @Test
  void findsTheStatementsThatMatchingEachPatternFinds() {
    CompiledPolicy policy = compile(
        statement("Allow", "\"ec2:*\""),
        statement("Allow", "[\"iam:*MFA*\", \"iam:ListMFADevices\", \"IAM:CreateUser\"]"),
        statement("Deny", "\"*\"", true),
        statement("Allow", "[\"e?2:Run*\", \"*:GetObject\", \"s3:Get*\", \"*2:*\"]"),
        statement("Allow", "\"ec2:kill\""),
        statement("Allow", "[\"ec2:RunInstances\", \"ec2:runinstances\"]", true));

    assertThat(policy.actionIndex()).isNotNull();
    for (String action : ACTIONS) {
      assertAgrees(policy, action);
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
      CompiledPolicy policy = compile(statements.toArray(String[]::new));
      for (int a = 0; a < 20; a++) {
        String service = random.nextInt(6) == 0 ? "" : word(random, pieces) + (random.nextInt(6) == 0 ? " :" : ":");
        assertAgrees(policy, service + word(random, pieces).replace("?", "x") + (random.nextInt(6) == 0 ? ":x" : ""));
      }
      for (String action : ACTIONS) {
        assertAgrees(policy, action);
      }
    }
  }

  @Test
  void answersForPoliciesWithNonAsciiActionsAndLeavesLargePoliciesWithoutAnIndex() {
    CompiledPolicy kelvin = compile(statement("Allow", "[\"ec2:\u212Aill\", \"ec2:Run*\"]"), statement("Allow", "\"EC2:kill\""));
    for (String action : ACTIONS) {
      assertAgrees(kelvin, action);
    }

    String[] many = new String[ActionIndex.MAX_STATEMENTS + 1];
    for (int i = 0; i < many.length; i++) {
      many[i] = statement("Allow", "\"s3:GetObject" + i + "\"");
    }
    assertThat(compile(many).actionIndex()).isNull();
    assertThat(compile(Arrays.copyOf(many, ActionIndex.MAX_STATEMENTS)).actionIndex()).isNotNull();
  }

  /** Threads racing to build a policy's tables each get the answer matching gives. */
  @Test
  void answersAlikeWhenThreadsRaceToBuildTheTables() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 50; round++) {
        CompiledPolicy policy = compile(
            statement("Allow", "\"ec2:*\""),
            statement("Allow", "[\"iam:*MFA*\", \"iam:ListMFADevices\"]"),
            statement("Deny", "[\"iam:CreateUser\", \"s3:Get*\"]", true));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          tasks.add(() -> {
            for (String action : ACTIONS) {
              assertAgrees(policy, action);
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

  /** Twice: a policy's first decision matches pattern by pattern, later ones use the tables. */
  private static void assertAgrees(CompiledPolicy policy, String action) {
    for (String decision : new String[] {"first", "later"}) {
      long listing = policy.actionIndex().statementsListing(ActionIndex.key(action));
      CompiledStatement[] statements = policy.statements();
      for (int i = 0; i < statements.length; i++) {
        assertThat((listing >>> i & 1) != 0)
            .as("%s decision: statement %d %s lists \"%s\"", decision, i, statements[i].statement().action().values(), action)
            .isEqualTo(statements[i].listsAction(action));
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
    return CompiledPolicy.compile(policy, PolicyType.IDENTITY, "identity[0]");
  }
}
