package dev.iamunit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A policy set finds the statements its action selects once for all the policies a principal
 * holds (SCPs of every level, identity-based policies, boundary), and once for each other kind
 * (RCPs, resource-based, endpoint policies): the decision and its explanation must be what
 * deciding policy by policy gave, in the order of the policies' types (RCPs, SCPs level by level,
 * resource-based, identity-based, boundary, session, endpoint), at a set's first decision
 * (pattern by pattern) and at later ones (the index's tables), with more statements than one
 * 64-bit word of the index holds.
 */
class ManyPoliciesDecisionTests {

  private static final String PRINCIPAL = "arn:aws:iam::111122223333:user/alice";
  private static final String OBJECT = "arn:aws:s3:::bucket/key";

  private static Policy policy(PolicyKind kind, String... statements) {
    return PolicyParser.parse(
        "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}", kind + ".json", kind, "p");
  }

  private static String statement(String sid, String effect, String action) {
    return "{\"Sid\":\"" + sid + "\",\"Effect\":\"" + effect + "\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}";
  }

  private static String resourceStatement(String sid, String effect, String action) {
    return principalStatement(sid, effect, "{\"AWS\":\"" + PRINCIPAL + "\"}", action);
  }

  private static String principalStatement(String sid, String effect, String principal, String action) {
    return "{\"Sid\":\"" + sid + "\",\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":\"" + action
        + "\",\"Resource\":\"*\"}";
  }

  /** Statements that select nothing the tests ask, so that the deciding ones sit past the first 64. */
  private static String[] filler(String prefix, int count) {
    String[] statements = new String[count];
    for (int i = 0; i < count; i++) {
      statements[i] = statement(prefix + i, i % 2 == 0 ? "Allow" : "Deny", "dynamodb:GetItem" + i);
    }
    return statements;
  }

  private static String[] with(String[] statements, String... more) {
    List<String> all = new ArrayList<>(List.of(statements));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** Three SCP levels of 30 statements each before the identity policies: the held policies' deciding statements sit in two words. */
  private static PolicySet.Builder organization() {
    return PolicySet.builder()
        .scpLevel(List.of(policy(PolicyKind.SERVICE_CONTROL, with(filler("Root", 29), statement("RootAllowsAll", "Allow", "*")))))
        .scpLevel(List.of(policy(PolicyKind.SERVICE_CONTROL, with(filler("Ou", 29),
            statement("OuAllowsS3", "Allow", "s3:*"), statement("OuDeniesDelete", "Deny", "s3:Delete*")))))
        .scpLevel(List.of(
            policy(PolicyKind.SERVICE_CONTROL, statement("AccountAllowsGets", "Allow", "*:Get*")),
            policy(PolicyKind.SERVICE_CONTROL, with(filler("Account", 30), statement("AccountDeniesDeleteObject", "Deny", "S3:DELETEOBJECT")))))
        .identity(policy(PolicyKind.IDENTITY, with(filler("Identity", 10),
            statement("IdentityAllowsS3", "Allow", "s3:*"), statement("IdentityDeniesDeleteBucket", "Deny", "s3:DeleteBucket"))))
        .identity(policy(PolicyKind.IDENTITY, statement("IdentityAllowsGetObject", "Allow", "s3:GetObject")))
        .boundary(policy(PolicyKind.IDENTITY, statement("BoundaryAllowsS3", "Allow", "s3:*"),
            statement("BoundaryDeniesDelete", "Deny", "s3:Delete*")));
  }

  private static Request request(String action) {
    return Request.of(PRINCIPAL, action, OBJECT, RequestContext.empty());
  }

  private static List<String> sids(List<StatementResult> results) {
    return results.stream().map(r -> r.policyType() + ":" + r.statement().sid().orElse("?")).toList();
  }

  @Test
  void decidesWithTheDecidingStatementsOfEveryKindInTheOrderOfTheirTypes() {
    PolicySet set = organization()
        .rcpLevel(List.of(policy(PolicyKind.RESOURCE_CONTROL, principalStatement("RcpAllowsAll", "Allow", "\"*\"", "*"),
            principalStatement("RcpDeniesDeleteObject", "Deny", "\"*\"", "s3:DeleteObject"))))
        .resource(policy(PolicyKind.RESOURCE, resourceStatement("BucketDeniesDeleteObject", "Deny", "s3:DeleteObject")))
        .build();
    for (int decision = 0; decision < 3; decision++) {
      Decision deleteObject = Evaluator.standard().decide(request("s3:DeleteObject"), set);
      assertThat(deleteObject.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
      assertThat(sids(deleteObject.deciding())).as("decision %d", decision).containsExactly(
          "RESOURCE_CONTROL:RcpDeniesDeleteObject", "SERVICE_CONTROL:OuDeniesDelete", "SERVICE_CONTROL:AccountDeniesDeleteObject",
          "RESOURCE:BucketDeniesDeleteObject", "PERMISSIONS_BOUNDARY:BoundaryDeniesDelete");

      Decision getObject = Evaluator.standard().explain(request("s3:GetObject"), set);
      assertThat(getObject.outcome()).isEqualTo(Outcome.ALLOWED);
      assertThat(sids(getObject.deciding())).containsExactly("IDENTITY:IdentityAllowsS3", "IDENTITY:IdentityAllowsGetObject");
      assertThat(sids(getObject.explanation().statements())).containsExactly(
          "RESOURCE_CONTROL:RcpAllowsAll", "SERVICE_CONTROL:RootAllowsAll", "SERVICE_CONTROL:OuAllowsS3",
          "SERVICE_CONTROL:AccountAllowsGets", "IDENTITY:IdentityAllowsS3", "IDENTITY:IdentityAllowsGetObject",
          "PERMISSIONS_BOUNDARY:BoundaryAllowsS3");

      // The account level allows only Get*: "every level on the path must allow".
      Decision putObject = Evaluator.standard().decide(request("s3:PutObject"), set);
      assertThat(putObject.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(putObject.explanation().reasons()).containsExactly("no service control policy at organization level 2 allows the request");
    }
  }

  /** A set derived for a resource shares the held policies' index, and its first decision on them may be another set's tenth. */
  @Test
  void setsDerivedForResourcesDecideAsSetsBuiltWithTheirPolicies() {
    PolicySet caller = organization().build();
    Policy bucket = policy(PolicyKind.RESOURCE, resourceStatement("BucketAllowsPut", "Allow", "s3:PutObject"),
        resourceStatement("BucketDeniesGetObject", "Deny", "s3:GetObject"));
    for (int i = 0; i < 10; i++) {
      Evaluator.standard().decide(request("s3:GetObject"), caller);
    }
    PolicySet derived = caller.withResourcePolicy(bucket);
    PolicySet built = organization().resource(bucket).build();
    for (String action : List.of("s3:GetObject", "s3:PutObject", "s3:DeleteBucket", "dynamodb:GetItem3", "ec2:RunInstances")) {
      for (int decision = 0; decision < 3; decision++) {
        assertThat(describe(Evaluator.standard().explain(request(action), derived)))
            .as("%s, decision %d", action, decision)
            .isEqualTo(describe(Evaluator.standard().explain(request(action), built)));
      }
    }
    assertThat(Evaluator.standard().decide(request("s3:GetObject"), derived).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(Evaluator.standard().decide(request("s3:GetObject"), caller).outcome()).isEqualTo(Outcome.ALLOWED);
  }

  /**
   * Random sets of many policies, each asked random actions: every decision, with its deciding
   * statements, considered statements and reasons, equals the first decision of a freshly built
   * copy of the set, which matches each statement's patterns one by one.
   */
  @Test
  void laterDecisionsOfRandomSetsEqualFirstDecisions() {
    Random random = new Random(24);
    String[] actions = {"s3:GetObject", "s3:getobject", "S3:PutObject", "s3:DeleteObject", "ec2:RunInstances", "ec2:Describe*",
        "iam:CreateUser", "dynamodb:GetItem7", "kms:Decrypt", "sts:AssumeRole"};
    for (int round = 0; round < 60; round++) {
      long seed = random.nextLong();
      PolicySet set = randomSet(new Random(seed)).build();
      Map<String, String> firstDecisions = new HashMap<>();
      for (int ask = 0; ask < 30; ask++) {
        Request request = request(actions[random.nextInt(actions.length)]);
        String later = describe(Evaluator.standard().explain(request, set));
        String first = firstDecisions.computeIfAbsent(
            request.action(), action -> describe(Evaluator.standard().explain(request, randomSet(new Random(seed)).build())));
        assertThat(later).as("round %d, %s", round, request.action()).isEqualTo(first);
      }
    }
  }

  private static PolicySet.Builder randomSet(Random random) {
    String[] patterns = {"*", "s3:*", "s3:Get*", "s3:GetObject", "S3:GETOBJECT", "*:Get*", "ec2:*", "ec2:Run?nstances", "iam:Create*",
        "dynamodb:GetItem7", "kms:*", "*:*Object", "s?:*"};
    PolicySet.Builder set = PolicySet.builder();
    int[] sid = {0};
    Supplier<Policy> identity = () -> policy(PolicyKind.IDENTITY, randomStatements(random, patterns, sid, false));
    for (int level = 0, levels = random.nextInt(4); level < levels; level++) {
      List<Policy> scps = new ArrayList<>();
      for (int p = 0, n = 1 + random.nextInt(3); p < n; p++) {
        scps.add(policy(PolicyKind.SERVICE_CONTROL, randomStatements(random, patterns, sid, false)));
      }
      set.scpLevel(scps);
    }
    for (int p = 0, n = 1 + random.nextInt(4); p < n; p++) {
      set.identity(identity.get());
    }
    if (random.nextBoolean()) {
      set.boundary(identity.get());
    }
    if (random.nextBoolean()) {
      set.resource(policy(PolicyKind.RESOURCE, randomStatements(random, patterns, sid, true)));
    }
    return set;
  }

  private static String[] randomStatements(Random random, String[] patterns, int[] sid, boolean resource) {
    String[] statements = new String[1 + random.nextInt(30)];
    for (int i = 0; i < statements.length; i++) {
      String effect = random.nextInt(4) == 0 ? "Deny" : "Allow";
      String element = random.nextInt(5) == 0 ? "NotAction" : "Action";
      String principal = resource ? "\"Principal\":{\"AWS\":\"" + PRINCIPAL + "\"}," : "";
      statements[i] = "{\"Sid\":\"S" + sid[0]++ + "\",\"Effect\":\"" + effect + "\"," + principal + "\"" + element + "\":\""
          + patterns[random.nextInt(patterns.length)] + "\",\"Resource\":\"*\"}";
    }
    return statements;
  }

  /** The decision as text: outcome, deciding and considered statements (type, Sid, how they applied) and reasons. */
  private static String describe(Decision decision) {
    return decision.outcome() + " deciding " + sids(decision.deciding()) + " considered "
        + decision.explanation().statements().stream()
            .map(r -> r.policyType() + ":" + r.statement().sid().orElse("?") + ":" + r.applicability()).toList()
        + " reasons " + decision.explanation().reasons();
  }
}
