package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.Effect;
import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The evaluator keeps the statements that applied as numbers and finds the deciding ones again by
 * the kind the deciding rule names (every Deny; the resource-based Allows; the identity-based
 * ones; both), instead of keeping a list per kind. Checked here against the explanation's own
 * list of applied statements, in evaluation order, over random sets of SCP levels, identity-based,
 * resource-based (granting to the user, its account or another account) and boundary policies,
 * in the caller's account and across accounts; and SCP levels past the 64 that one word counts.
 */
class DecidingStatementsTests {

  private static final String PRINCIPAL = "arn:aws:iam::111122223333:user/alice";
  private static final String[] ACTIONS = {"s3:GetObject", "s3:PutObject", "s3:DeleteObject", "ec2:RunInstances", "kms:Decrypt"};
  private static final String[] PATTERNS = {"*", "s3:*", "s3:Get*", "s3:GetObject", "*:*Object", "ec2:*", "kms:*", "s3:Put*"};
  private static final String[] GRANTEES = {PRINCIPAL, "111122223333", "arn:aws:iam::111122223333:root", "*", "444455556666"};

  /** Which applied statements the rule named by a reason reads, as the IAM User Guide's evaluation logic names them. */
  private static List<StatementResult> expectedDeciding(Decision explained) {
    List<StatementResult> applied = explained.explanation().applied();
    String reason = explained.explanation().reasons().get(0);
    return switch (explained.outcome()) {
      case IMPLICIT_DENY -> List.of();
      case EXPLICIT_DENY -> applied.stream().filter(s -> s.statement().effect() == Effect.DENY).toList();
      case ALLOWED -> {
        Set<PolicyType> types = reason.equals("allowed by an identity-based policy") ? Set.of(PolicyType.IDENTITY)
            : reason.startsWith("allowed by a resource-based policy that names") ? Set.of(PolicyType.RESOURCE)
            : Set.of(PolicyType.RESOURCE, PolicyType.IDENTITY);
        yield applied.stream().filter(s -> s.statement().effect() == Effect.ALLOW && types.contains(s.policyType())).toList();
      }
    };
  }

  @Test
  void theDecidingStatementsAreTheAppliedOnesOfTheKindTheRuleNamesInEvaluationOrder() {
    Random random = new Random(2424);
    int[] outcomes = new int[Outcome.values().length];
    for (int round = 0; round < 300; round++) {
      PolicySet set = randomSet(random);
      for (int ask = 0; ask < 12; ask++) {
        Request request = Request.of(PRINCIPAL, ACTIONS[random.nextInt(ACTIONS.length)],
            random.nextBoolean() ? "arn:aws:s3:::bucket/key" : "arn:aws:kms:us-east-1:111122223333:key/k1", RequestContext.empty());
        Request asked = random.nextInt(4) == 0 ? request.withResourceAccount("444455556666") : request;
        // The first decision of a set matches pattern by pattern, later ones through the index's tables.
        Decision decided = Evaluator.standard().decide(asked, set);
        Decision explained = Evaluator.standard().explain(asked, set);
        assertThat(explained.deciding()).as("round %d, %s", round, asked).isEqualTo(expectedDeciding(explained));
        assertThat(decided.deciding()).as("round %d, %s", round, asked).isEqualTo(explained.deciding());
        assertThat(decided.explanation().reasons()).isEqualTo(explained.explanation().reasons());
        outcomes[explained.outcome().ordinal()]++;
      }
    }
    // Every rule was reached often enough for the comparison to mean something.
    for (Outcome outcome : Outcome.values()) {
      assertThat(outcomes[outcome.ordinal()]).as("%s decisions", outcome).isGreaterThan(200);
    }
  }

  /**
   * Every SCP level on the path must allow, or the request is implicitly denied (IAM User Guide,
   * How AWS enforcement code logic evaluates requests), whatever the level: AWS nests OUs five
   * deep, but a hand-built set may hold more levels than one 64-bit word counts.
   */
  @Test
  void everyOneOfSeventyScpLevelsMustAllow() {
    Policy allowsAll = policy(PolicyKind.SERVICE_CONTROL, statement("FullAWSAccess", "Allow", "*"));
    Policy allowsEc2 = policy(PolicyKind.SERVICE_CONTROL, statement("AllowsEc2", "Allow", "ec2:*"));
    for (int missing : new int[] {3, 63, 64, 66, 69}) {
      PolicySet.Builder set = PolicySet.builder().identity(allowsAll);
      for (int level = 0; level < 70; level++) {
        set.scpLevel(List.of(level == missing ? allowsEc2 : allowsAll));
      }
      PolicySet built = set.build();
      for (int decision = 0; decision < 2; decision++) {
        Decision s3 = Evaluator.standard().decide(Request.of(PRINCIPAL, "s3:GetObject", "*", RequestContext.empty()), built);
        assertThat(s3.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(s3.explanation().reasons()).containsExactly("no service control policy at organization level " + missing + " allows the request");
        assertThat(Evaluator.standard().decide(Request.of(PRINCIPAL, "ec2:RunInstances", "*", RequestContext.empty()), built).outcome())
            .isEqualTo(Outcome.ALLOWED);
      }
    }
    PolicySet.Builder twoMissing = PolicySet.builder().identity(allowsAll);
    for (int level = 0; level < 70; level++) {
      twoMissing.scpLevel(List.of(level == 5 || level == 68 ? allowsEc2 : allowsAll));
    }
    assertThat(Evaluator.standard().decide(Request.of(PRINCIPAL, "s3:GetObject", "*", RequestContext.empty()), twoMissing.build())
        .explanation().reasons()).containsExactly(
            "no service control policy at organization level 5 allows the request",
            "no service control policy at organization level 68 allows the request");
  }

  private static PolicySet randomSet(Random random) {
    PolicySet.Builder set = PolicySet.builder();
    for (int level = 0, levels = random.nextInt(3); level < levels; level++) {
      // Mostly FullAWSAccess first, as organizations attach it at every level.
      List<String> statements = new ArrayList<>(random.nextInt(4) > 0 ? List.of(statement("Full", "Allow", "*")) : List.of());
      statements.addAll(statements(random, 3, null));
      set.scpLevel(List.of(policy(PolicyKind.SERVICE_CONTROL, statements.toArray(String[]::new))));
    }
    for (int p = 0, n = random.nextInt(3); p < n; p++) {
      set.identity(policy(PolicyKind.IDENTITY, statements(random, 4, null).toArray(String[]::new)));
    }
    if (random.nextInt(4) == 0) {
      set.boundary(policy(PolicyKind.PERMISSIONS_BOUNDARY, statements(random, 2, null).toArray(String[]::new)));
    }
    if (random.nextBoolean()) {
      set.resource(policy(PolicyKind.RESOURCE, statements(random, 4, GRANTEES).toArray(String[]::new)));
    }
    return set.build();
  }

  private static List<String> statements(Random random, int max, String[] grantees) {
    List<String> statements = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(max); i < n; i++) {
      String effect = random.nextInt(4) == 0 ? "Deny" : "Allow";
      String principal = grantees == null ? "" : "\"Principal\":{\"AWS\":\"" + grantees[random.nextInt(grantees.length)] + "\"},";
      statements.add("{\"Sid\":\"S" + i + "\",\"Effect\":\"" + effect + "\"," + principal
          + (random.nextInt(6) == 0 ? "\"NotAction\":\"" : "\"Action\":\"") + PATTERNS[random.nextInt(PATTERNS.length)] + "\",\"Resource\":\"*\"}");
    }
    Collections.shuffle(statements, random);
    return statements;
  }

  private static String statement(String sid, String effect, String action) {
    return "{\"Sid\":\"" + sid + "\",\"Effect\":\"" + effect + "\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}";
  }

  private static Policy policy(PolicyKind kind, String... statements) {
    return PolicyParser.parse(
        "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}", kind + ".json", kind, "p");
  }
}
