package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import dev.iamunit.policy.PolicyWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Algebraic properties of AWS's evaluation logic, checked on seeded random policies and requests.
 * The seed and the number of cases can be raised for a longer run: {@code
 * -Diamunit.properties.seed=7 -Diamunit.properties.cases=100000}. (jqwik is not used: its output
 * says it must not be used by AI agents, and this project respects that.)
 */
class EvaluatorAlgebraTests {

  private static final long SEED = Long.getLong("iamunit.properties.seed", 20261122L);
  private static final int CASES = Integer.getInteger("iamunit.properties.cases", 2000);
  private static final Evaluator EVALUATOR = Evaluator.standard();

  private interface Property {
    void check(RandomCases random, int index);
  }

  private static void forAll(String name, Property property) {
    RandomCases random = new RandomCases(SEED ^ name.hashCode());
    for (int i = 0; i < CASES; i++) {
      property.check(random, i);
    }
  }

  private static Outcome outcome(Request request, PolicySet set) {
    return EVALUATOR.decide(request, set).outcome();
  }

  /** "An explicit deny in any policy overrides any allows": adding a Deny never grants. */
  @Test
  void addingADenyNeverAllowsMore() {
    forAll("deny", (random, i) -> {
      List<String> statements = random.statements(4);
      Request request = random.request();
      Outcome before = outcome(request, PolicySet.ofIdentity(RandomCases.policy(statements, "p")));
      List<String> more = new ArrayList<>(statements);
      more.add(random.statementJson("Deny"));
      Outcome after = outcome(request, PolicySet.ofIdentity(RandomCases.policy(more, "p")));
      if (after == Outcome.ALLOWED) {
        assertThat(before).as("case %d: %s with %s", i, request, more).isEqualTo(Outcome.ALLOWED);
      }
      if (before == Outcome.EXPLICIT_DENY) {
        assertThat(after).as("case %d", i).isEqualTo(Outcome.EXPLICIT_DENY);
      }
    });
  }

  /** Adding an Allow never turns ALLOWED into a deny, nor removes an explicit deny. */
  @Test
  void addingAnAllowNeverDeniesMore() {
    forAll("allow", (random, i) -> {
      List<String> statements = random.statements(4);
      Request request = random.request();
      Outcome before = outcome(request, PolicySet.ofIdentity(RandomCases.policy(statements, "p")));
      List<String> more = new ArrayList<>(statements);
      more.add(random.statementJson("Allow"));
      Outcome after = outcome(request, PolicySet.ofIdentity(RandomCases.policy(more, "p")));
      if (before == Outcome.ALLOWED) {
        assertThat(after).as("case %d", i).isEqualTo(Outcome.ALLOWED);
      }
      if (before == Outcome.EXPLICIT_DENY) {
        assertThat(after).as("case %d", i).isEqualTo(Outcome.EXPLICIT_DENY);
      }
    });
  }

  /** Permissions boundaries and SCPs only ever remove access. */
  @Test
  void boundariesAndScpsOnlyRemoveAccess() {
    forAll("limits", (random, i) -> {
      Policy identity = RandomCases.policy(random.statements(4), "identity");
      Policy limit = RandomCases.policy(random.statements(3), "limit");
      Request request = random.request();
      Outcome alone = outcome(request, PolicySet.ofIdentity(identity));
      Outcome bounded = outcome(request, PolicySet.builder().identity(identity).boundary(limit).build());
      Outcome underScp = outcome(request, PolicySet.builder().identity(identity).scpLevel(List.of(limit)).build());
      if (alone != Outcome.ALLOWED) {
        assertThat(bounded).as("case %d boundary", i).isNotEqualTo(Outcome.ALLOWED);
        assertThat(underScp).as("case %d SCP", i).isNotEqualTo(Outcome.ALLOWED);
      }
    });
  }

  /** Statement order never matters, nor the order of policies. */
  @Test
  void orderNeverMatters() {
    forAll("order", (random, i) -> {
      List<String> statements = random.statements(5);
      Request request = random.request();
      Outcome original = outcome(request, PolicySet.ofIdentity(RandomCases.policy(statements, "p")));
      List<String> shuffled = new ArrayList<>(statements);
      Collections.shuffle(shuffled, new Random(i));
      assertThat(outcome(request, PolicySet.ofIdentity(RandomCases.policy(shuffled, "p")))).as("case %d", i).isEqualTo(original);
      int split = random.nextInt(statements.size()) + 1;
      Policy first = RandomCases.policy(statements.subList(0, split), "a");
      List<Policy> policies = new ArrayList<>(List.of(first));
      if (split < statements.size()) {
        policies.add(0, RandomCases.policy(statements.subList(split, statements.size()), "b"));
      }
      assertThat(outcome(request, PolicySet.builder().identity(policies).build())).as("case %d split", i).isEqualTo(original);
    });
  }

  /** A policy and its JSON round-trip give the same decisions. */
  @Test
  void jsonRoundTripKeepsDecisions() {
    forAll("roundtrip", (random, i) -> {
      Policy policy = RandomCases.policy(random.statements(5), "p");
      Policy again = PolicyParser.parse(PolicyWriter.write(policy), "again.json", PolicyKind.IDENTITY, "p");
      Request request = random.request();
      assertThat(outcome(request, PolicySet.ofIdentity(again))).as("case %d", i).isEqualTo(outcome(request, PolicySet.ofIdentity(policy)));
    });
  }

  /** The bare and the explained decision agree. */
  @Test
  void explanationNeverChangesTheDecision() {
    forAll("explain", (random, i) -> {
      PolicySet set = PolicySet.ofIdentity(RandomCases.policy(random.statements(5), "p"));
      Request request = random.request();
      Decision bare = EVALUATOR.decide(request, set);
      Decision explained = EVALUATOR.explain(request, set);
      assertThat(explained.outcome()).as("case %d", i).isEqualTo(bare.outcome());
      assertThat(explained.deciding()).as("case %d", i).extracting(StatementResult::statement)
          .isEqualTo(bare.deciding().stream().map(StatementResult::statement).toList());
    });
  }
}
