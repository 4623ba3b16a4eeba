package dev.iamunit.diff.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.DecidingStatement;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.diff.Scope;
import dev.iamunit.diff.SideDecision;
import dev.iamunit.eval.ResourcePolicyOwner;
import dev.iamunit.model.Account;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Organization;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 26, "cost in proportion to the change": the diff decides only the principals a change can
 * affect, and says which and why: one test per reason, then the proof that scoping misses nothing.
 * For random edits the scoped diff and the diff deciding every principal ({@link
 * AccessDiffer#everyPrincipal()}) find the same: same change, principal, credentials and deciding
 * statements on each side. A finding the scoped diff lacks would be access a reviewer never sees.
 *
 * <p>The organization: in account {@value Accounts#ID}, user alice (an inline policy), bob (in
 * group devs, with the managed policy Shared attached), carol (Shared too, and the permissions
 * boundary Boundary), dave (a policy nothing changes), role deployer (a trust policy naming
 * alice), a queue whose policy names eve of account {@value #OTHER}; there, eve and frank. SCPs:
 * a root level over both accounts, an OU level over {@value Accounts#ID} only.
 *
 * <p>Each level allows the services the organization's policies use, the "allow list" strategy
 * ("If you want to replace the default FullAWSAccess policy with an SCP that limits the permissions
 * that can be delegated, you must attach the replacement SCP before you can remove the default
 * SCP. This is the authorization strategy of an 'allow list'", Organizations API Reference,
 * DetachPolicy), rather than FullAWSAccess itself: no policy here, and no edit the tests make,
 * allows an action of another service, so either way every version refuses those. With
 * FullAWSAccess each class of another service is asked on every ARN format and account (more than
 * half the requests of the diff deciding every principal); with the allow list, once. The scope
 * and the findings are the same.
 */
class ScopedDiffTests {

  static final String OTHER = "111122223333";
  private static final String READ = "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}";
  private static final String QUEUE = "arn:aws:sqs:us-east-1:" + Accounts.ID + ":q";

  /** The parts of the organization a test edits, each a list of statements (JSON objects, comma-separated). */
  private static Map<String, String> parts() {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("alice", READ);
    parts.put("devs", "{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\", \"Resource\": \"*\"}");
    parts.put("shared", "{\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"arn:aws:s3:::b\"}");
    parts.put("boundary", "{\"Effect\": \"Allow\", \"Action\": [\"s3:*\", \"sqs:*\"], \"Resource\": \"*\"}");
    parts.put("queue", "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::" + OTHER + ":user/eve\"},"
        + " \"Action\": \"sqs:SendMessage\", \"Resource\": \"" + QUEUE + "\"}");
    parts.put("trust", "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::" + Accounts.ID + ":user/alice\"},"
        + " \"Action\": \"sts:AssumeRole\"}");
    parts.put("root", "{\"Effect\": \"Deny\", \"Action\": \"s3:DeleteBucket\", \"Resource\": \"*\"}");
    parts.put("ou", "{\"Effect\": \"Deny\", \"Action\": \"sqs:DeleteQueue\", \"Resource\": \"*\"}");
    return parts;
  }

  /** The SCP at each level: the services the organization uses (see the class comment). */
  private static final Policy ALLOW_LIST = policy("{\"Effect\": \"Allow\", \"Action\": [\"s3:*\", \"sqs:*\", \"sts:*\"], \"Resource\": \"*\"}",
      PolicyKind.SERVICE_CONTROL, "AllowUsedServices");

  private static Policy policy(String statements, PolicyKind kind, String name) {
    return PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}", "main.tf", kind, name);
  }

  private static dev.iamunit.model.Accounts organization(Map<String, String> parts) {
    String id = Accounts.ID;
    String shared = "arn:aws:iam::" + id + ":policy/Shared";
    String boundary = "arn:aws:iam::" + id + ":policy/Boundary";
    Policy root = policy(parts.get("root"), PolicyKind.SERVICE_CONTROL, "RootGuardrails");
    Policy ou = policy(parts.get("ou"), PolicyKind.SERVICE_CONTROL, "WorkloadGuardrails");
    Account home = Account.builder().id(id)
        .user(user(id, "alice", List.of(), List.of(policy(parts.get("alice"), PolicyKind.IDENTITY, "AliceReads")), List.of(), null))
        .user(user(id, "bob", List.of("devs"), List.of(), List.of(shared), null))
        .user(user(id, "carol", List.of(), List.of(), List.of(shared), boundary))
        .user(user(id, "dave", List.of(), List.of(policy(READ, PolicyKind.IDENTITY, "DaveReads")), List.of(), null))
        .group(new Group("devs", "/", "arn:aws:iam::" + id + ":group/devs", List.of(policy(parts.get("devs"), PolicyKind.IDENTITY, "DevsSend")),
            List.of(), SourceLocation.UNKNOWN))
        .managedPolicy(new ManagedPolicy(shared, "Shared", "/", policy(parts.get("shared"), PolicyKind.IDENTITY, "Shared"), false))
        .managedPolicy(new ManagedPolicy(boundary, "Boundary", "/", policy(parts.get("boundary"), PolicyKind.PERMISSIONS_BOUNDARY, "Boundary"), false))
        .role(new Role("deployer", "/", "arn:aws:iam::" + id + ":role/deployer", Optional.of(policy(parts.get("trust"), PolicyKind.TRUST, "deployer-trust")),
            Map.of(), List.of(policy("{\"Effect\": \"Allow\", \"Action\": \"sqs:*\", \"Resource\": \"*\"}", PolicyKind.IDENTITY, "Deploy")), List.of(),
            Optional.empty(), SourceLocation.UNKNOWN))
        .resourcePolicy(QUEUE, policy(parts.get("queue"), PolicyKind.RESOURCE, "queue-policy"))
        .organization(new Organization(List.of(List.of(ALLOW_LIST, root), List.of(ALLOW_LIST, ou)), List.of()))
        .build();
    Account other = Account.builder().id(OTHER)
        .user(user(OTHER, "eve", List.of(), List.of(policy("{\"Effect\": \"Allow\", \"Action\": \"sqs:*\", \"Resource\": \"*\"}",
            PolicyKind.IDENTITY, "EveSends")), List.of(), null))
        .user(user(OTHER, "frank", List.of(), List.of(policy("{\"Effect\": \"Allow\", \"Action\": \"sqs:*\", \"Resource\": \"*\"}",
            PolicyKind.IDENTITY, "FrankSends")), List.of(), null))
        .organization(new Organization(List.of(List.of(ALLOW_LIST, root)), List.of()))
        .build();
    return dev.iamunit.model.Accounts.builder(id, "aws", "us-east-1").add(home).add(other).build();
  }

  private static User user(String account, String name, List<String> groups, List<Policy> inline, List<String> managed, String boundary) {
    return new User(name, "/", "arn:aws:iam::" + account + ":user/" + name, Map.of(), groups, inline, managed, Optional.ofNullable(boundary),
        SourceLocation.UNKNOWN);
  }

  /** The scope of the diff of the organization with {@code part} replaced by {@code statements}. */
  private static Scope scopeOf(String part, String statements) {
    Map<String, String> head = parts();
    head.put(part, statements);
    AccessDiff diff = AccessDiffer.standard().compare(organization(parts()), organization(head), "base", "head");
    assertThat(diff.space().proof().complete()).isTrue();
    return diff.space().scope();
  }

  private static AccessDiff scopedEqualsFull(Map<String, String> base, Map<String, String> head) {
    AccessDiff scoped = AccessDiffer.standard().compare(organization(base), organization(head), "base", "head");
    AccessDiff full = AccessDiffer.standard().everyPrincipal().compare(organization(base), organization(head), "base", "head");
    String described = "base " + base + "\nhead " + head;
    assertThat(scoped.space().proof().complete()).as(described).isTrue();
    assertThat(full.space().proof().complete()).as(described).isTrue();
    assertThat(findings(scoped)).as("the scoped diff finds what the full diff finds\n%s\n%s", scoped.space().scope().describe(), described)
        .isEqualTo(findings(full));
    return scoped;
  }

  /** What a finding says, whichever request of its region stands for it: change, who, credentials, how each side decided. */
  static Set<String> findings(AccessDiff diff) {
    return diff.rows().stream().map(ScopedDiffTests::finding).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String finding(DiffRow row) {
    return row.change() + " " + row.principal() + " " + row.credentials() + ": " + side(row.base()) + " -> " + side(row.head());
  }

  private static String side(SideDecision side) {
    return side.outcome() + " " + side.deciding().stream().map(DecidingStatement::identity).sorted().toList();
  }

  @Test
  void anOwnInlinePolicyChangeReDecidesOnlyItsPrincipal() {
    Scope scope = scopeOf("alice", READ.replace("s3:GetObject", "s3:GetObject*"));

    assertThat(scope.principals()).isEqualTo(7);
    assertThat(scope.decided()).isEqualTo(1);
    assertThat(scope.describe()).startsWith("Re-decided 1 of 7 principals: user alice in ").contains("'s inline policy AliceReads changed.");
  }

  @Test
  void aGroupPolicyChangeReDecidesItsMembers() {
    Scope scope = scopeOf("devs", "{\"Effect\": \"Allow\", \"Action\": \"sqs:*\", \"Resource\": \"*\"}");

    assertThat(scope.decided()).isEqualTo(1);
    assertThat(scope.reasons()).singleElement().satisfies(r -> {
      assertThat(r.why()).isEqualTo("group devs's inline policy DevsSend changed");
      assertThat(r.examples()).singleElement().asString().startsWith("user bob");
    });
  }

  @Test
  void aManagedPolicyChangeReDecidesEveryPrincipalItIsAttachedTo() {
    Scope scope = scopeOf("shared", "{\"Effect\": \"Allow\", \"Action\": \"s3:List*\", \"Resource\": \"*\"}");

    assertThat(scope.decided()).isEqualTo(2);
    assertThat(scope.reasons()).singleElement().satisfies(r -> {
      assertThat(r.why()).isEqualTo("managed policy arn:aws:iam::" + Accounts.ID + ":policy/Shared changed");
      assertThat(r.principals()).isEqualTo(2);
    });
  }

  @Test
  void aBoundaryChangeReDecidesThePrincipalItBounds() {
    Scope scope = scopeOf("boundary", "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}");

    assertThat(scope.decided()).isEqualTo(1);
    assertThat(scope.reasons()).singleElement().satisfies(r -> assertThat(r.examples()).singleElement().asString().startsWith("user carol"));
  }

  @Test
  void anScpChangeAtAnOuReDecidesEveryPrincipalOfItsAccountsOnly() {
    Scope scope = scopeOf("ou", "{\"Effect\": \"Deny\", \"Action\": \"sqs:*\", \"Resource\": \"*\"}");

    // The five principals of the OU's account; eve and frank, of the other account, are under the root only.
    assertThat(scope.decided()).isEqualTo(5);
    assertThat(scope.describe()).isEqualTo("Re-decided 5 of 7 principals: SCP WorkloadGuardrails at level 2 above account "
        + Accounts.ID + " changed (5).");
  }

  @Test
  void anScpChangeAtTheRootReDecidesEverythingItReachesAndSaysSo() {
    Scope scope = scopeOf("root", "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}");

    assertThat(scope.decided()).isEqualTo(7);
    assertThat(scope.describe()).isEqualTo("Re-decided 7 of 7 principals: SCP RootGuardrails at root changed (7).");
  }

  @Test
  void aResourcePolicyChangeReDecidesItsAccountAndThePrincipalsItNames() {
    Scope scope = scopeOf("queue", "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::" + OTHER + ":user/eve\"},"
        + " \"Action\": \"sqs:*\", \"Resource\": \"" + QUEUE + "\"}");

    // Every principal of the queue's account, and eve whom it names; not frank.
    assertThat(scope.decided()).isEqualTo(6);
    assertThat(scope.reasons()).singleElement().satisfies(r -> assertThat(r.why()).isEqualTo("resource policy of " + QUEUE + " changed"));
  }

  @Test
  void aTrustPolicyChangeReDecidesTheCallersOfTheRole() {
    Scope scope = scopeOf("trust", "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::" + OTHER + ":user/frank\"},"
        + " \"Action\": \"sts:AssumeRole\"}");

    // The role's account, and frank, named in the head.
    assertThat(scope.decided()).isEqualTo(6);
    assertThat(scope.reasons()).singleElement().satisfies(r -> assertThat(r.why()).isEqualTo("trust policy of role deployer changed (the trust "
        + "actions sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:SetContext, sts:SetSourceIdentity, sts:TagSession only)"));
  }

  /**
   * A trust policy governs only the trust actions on its role ("Trust policy - A JSON policy
   * document in which you define the principals that you trust to assume the role", IAM User
   * Guide, Roles terms and concepts; the STS actions whose resource type is {@code role}, Service
   * Authorization Reference, AWS Security Token Service): its change, even its removal or an
   * Allow of every action, re-decides the trust actions of the principals it can name and nothing
   * else, and the scope says so. The findings are the full diff's.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::" + OTHER + ":user/frank\"}, \"Action\": \"sts:AssumeRole\"}",
      "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::" + Accounts.ID + ":user/bob\"}, \"Action\": \"*\"}",
      "{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"sts:*\"}"})
  void aTrustPolicyOnlyChangeReDecidesOnlyTheTrustActionsAndSaysSo(String trust) {
    Map<String, String> head = parts();
    head.put("trust", trust);

    AccessDiff diff = scopedEqualsFull(parts(), head);

    // Every other pair of the principals decided is proved without a request, and the notes count them.
    long unaffected = diff.space().notes().stream().filter(n -> n.startsWith("Only what the change can affect: "))
        .mapToLong(n -> Long.parseLong(n.substring("Only what the change can affect: ".length()).split(" ")[0].replace(",", ""))).sum();
    long asked = diff.space().proof().proved() - unaffected;
    assertThat(asked).isPositive().isLessThanOrEqualTo((long) diff.space().scope().decided() * ResourcePolicyOwner.trustActions().size());
    assertThat(diff.rows()).isNotEmpty().allSatisfy(row -> assertThat(ResourcePolicyOwner.readsTrustPolicy(row.action())).as(row.action()).isTrue());
    assertThat(diff.space().scope().reasons()).allSatisfy(r -> assertThat(r.why()).startsWith("trust policy of role deployer changed (the trust actions"));
  }

  @Test
  void aFormattingOnlyChangeReDecidesNothing() {
    Map<String, String> head = parts();
    // Another layout: other lines and columns, the same policy.
    head.replaceAll((part, statements) -> "\n\n   " + statements.replace(", ", ",\n      ").replace(": ", " :  "));

    AccessDiff diff = AccessDiffer.standard().compare(organization(parts()), organization(head), "base", "head");

    assertThat(diff.space().scope().decided()).isZero();
    assertThat(diff.space().scope().describe()).isEqualTo("Re-decided 0 of 7 principals: no policy that applies to a principal changed.");
    assertThat(diff.space().requests()).isZero();
    assertThat(diff.rows()).isEmpty();
  }

  /**
   * Random edits of random parts, statements from the differential generator's families
   * ({@link RandomPolicyPairTests}): the scoped diff finds exactly what the full diff finds.
   */
  @Test
  void forRandomEditsTheScopedDiffFindsWhatTheFullDiffFinds() {
    Random random = new Random(2626_26);
    List<String> editable = List.of("alice", "devs", "shared", "boundary", "queue", "trust", "root", "ou");
    int found = 0;
    List<Integer> decided = new ArrayList<>();
    for (int pair = 0; pair < 4; pair++) {
      Map<String, String> base = parts();
      Map<String, String> head = parts();
      for (int edits = random.nextInt(2) + 1; edits > 0; edits--) {
        String part = editable.get(random.nextInt(editable.size()));
        String statement = RandomPolicyPairTests.statement(random);
        if (part.equals("queue") || part.equals("trust")) {
          // A resource policy's statement names whom it grants: a user of either account.
          String who = List.of("arn:aws:iam::" + OTHER + ":user/eve", "arn:aws:iam::" + Accounts.ID + ":user/bob", OTHER).get(random.nextInt(3));
          statement = "{\"Principal\": {\"AWS\": \"" + who + "\"}, " + statement.substring(1);
          if (part.equals("trust")) {
            statement = statement.replaceAll("\"Action\": \"[^\"]*\", \"Resource\": \"[^\"]*\"", "\"Action\": \"sts:AssumeRole\"");
          }
        }
        (random.nextBoolean() ? base : head).put(part, statement);
      }
      AccessDiff diff = scopedEqualsFull(base, head);
      found += diff.rows().size();
      decided.add(diff.space().scope().decided());
    }
    // The edits change decisions, and scoping leaves principals out: both sides of the check are exercised.
    assertThat(found).isPositive();
    assertThat(decided).anyMatch(n -> n < 7);
  }
}
