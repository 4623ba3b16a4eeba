package dev.iamunit.diff.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.aws.AwsData;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DiffRow;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.space.ActionClasses;
import dev.iamunit.eval.space.ApplicablePolicies;
import dev.iamunit.eval.space.PolicyStatement;
import dev.iamunit.model.Account;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Proof that the proof is right, at scale (issue 26): hundreds of random account pairs of the
 * differential generator's families ({@link PolicyPairs}: NotAction and NotResource, Allow and
 * Deny, actions of several services, {@code ${aws:username}} and {@code ${aws:PrincipalTag/team}},
 * a permissions boundary, SCPs at one to three levels, RCPs, a bucket policy and a role's trust
 * policy, users and roles with each kind of credentials the diff asks), each diffed over the
 * complete space by {@link AccessDiffer}, and then
 * <ul>
 *   <li>against brute force: thousands of random requests per pair, millions in all, each decided
 *       directly in both versions; every request whose decision changes must have a finding of the
 *       same change, principal and credentials, on its action or one the finding names alike
 *       (actions of services neither version names included, which a {@code NotAction} Allow or
 *       {@code *} opens);
 *   <li>every finding, and up to {@value #ALIKE_CHECKED} of the actions it names alike, decided
 *       again directly, is the change it says.
 * </ul>
 * The pair of each seed is the same in every run; a failure names the seed, the pair and the
 * request, and {@code PolicyPairs.pair(seed, family)} gives it back.
 */
class BruteForceAgreementTests {

  private static final int SERVICE_PAIRS = 150;
  private static final int CATALOG_PAIRS = 16;
  private static final int REQUESTS_PER_PAIR = 10_000;
  private static final int ALIKE_CHECKED = 8;
  private static final long FIRST_SEED = 26_000;

  private static final List<CredentialKind> USER_KINDS =
      List.of(CredentialKind.CONSOLE_WITH_MFA, CredentialKind.CONSOLE_WITHOUT_MFA, CredentialKind.ACCESS_KEYS);
  private static final List<CredentialKind> ROLE_KINDS = List.of(CredentialKind.ASSUMED_ROLE_WITH_MFA, CredentialKind.ASSUMED_ROLE);

  private static final String ID = PolicyPairs.ID;

  /**
   * The actions the brute force asks, with the resources AWS sends them with (the formats of the
   * Service Authorization Reference; {@code *} for an action without resource types): the
   * services the policies name, and DynamoDB, Lambda, SNS and CloudWatch Logs, which no policy names.
   */
  private static final Map<String, Function<Random, String>> ACTIONS = new LinkedHashMap<>();

  static {
    Function<Random, String> object = r -> "arn:aws:s3:::" + one(r, "b", "c", "cc", "d") + "/"
        + one(r, "k", "kx", "k1", "alice/x", "bob/y", "teams/red/x", "teams/blue/x", "home/a", "");
    Function<Random, String> bucket = r -> "arn:aws:s3:::" + one(r, "b", "c", "cc", "d");
    Function<Random, String> instance = r -> "arn:aws:ec2:" + one(r, "us-east-1", "eu-west-1") + ":" + one(r, ID, ID, ID, "999999999999")
        + ":instance/" + one(r, "i-1", "i-2");
    Function<Random, String> role = r -> "arn:aws:iam::" + one(r, ID, ID, ID, "999999999999") + ":role/" + one(r, "Deployer", "Other", "ops/x");
    Function<Random, String> queue = r -> "arn:aws:sqs:" + one(r, "us-east-1", "eu-west-1") + ":" + one(r, ID, ID, ID, "999999999999") + ":"
        + one(r, "q1", "queue", "other");
    ACTIONS.put("s3:GetObject", object);
    ACTIONS.put("s3:GetObjectAcl", object);
    ACTIONS.put("s3:PutObject", object);
    ACTIONS.put("s3:DeleteObject", object);
    ACTIONS.put("s3:ListBucket", bucket);
    ACTIONS.put("s3:DeleteBucket", bucket);
    ACTIONS.put("ec2:DescribeInstances", r -> "*");
    ACTIONS.put("ec2:TerminateInstances", instance);
    ACTIONS.put("ec2:RunInstances", instance);
    ACTIONS.put("iam:GetRole", role);
    ACTIONS.put("iam:PassRole", role);
    ACTIONS.put("iam:CreateUser", r -> "arn:aws:iam::" + ID + ":user/" + one(r, "alice", "bob"));
    ACTIONS.put("sts:AssumeRole", role);
    ACTIONS.put("sqs:SendMessage", queue);
    ACTIONS.put("sqs:ReceiveMessage", queue);
    ACTIONS.put("kms:Decrypt", r -> "arn:aws:kms:us-east-1:" + ID + ":key/" + one(r, "k1", "1234abcd"));
    ACTIONS.put("dynamodb:GetItem", r -> "arn:aws:dynamodb:us-east-1:" + ID + ":table/t");
    ACTIONS.put("lambda:InvokeFunction", r -> "arn:aws:lambda:us-east-1:" + ID + ":function:f");
    ACTIONS.put("sns:Publish", r -> "arn:aws:sns:us-east-1:" + ID + ":t");
    ACTIONS.put("logs:PutLogEvents", r -> "arn:aws:logs:us-east-1:" + ID + ":log-group:g:log-stream:s");
  }

  private static final List<String> ACTION_NAMES = List.copyOf(ACTIONS.keySet());

  private static final List<String> TAG_KEYS = List.of("team", "env", "cost", "tier");

  /** The services of the brute force's actions that no policy of {@link PolicyPairs} names. */
  private static final Set<String> UNNAMED = Set.of("dynamodb", "lambda", "sns", "logs");

  @Test
  void theBruteForceAsksActionsOfTheCatalog() {
    assertThat(ACTION_NAMES).allSatisfy(action -> assertThat(AwsData.bundled().action(action)).as(action).isPresent());
  }

  /**
   * What one pair's comparison counted.
   *
   * @param differences brute-force requests whose decision changed
   * @param byClass of those, the ones a finding stands for only through the action's class, not by name
   */
  private record Tally(long requests, long differences, long byClass, long findings, long unnamedServices, boolean proved, List<String> failures) {}

  /** Pairs whose statements name their services' actions: many pairs, each cheap to diff. */
  @Test
  void overPairsOfNamedServicesTheCompleteSpaceFindsWhatBruteForceFindsAndOnlyRealChanges() {
    Totals totals = run(PolicyPairs.Family.SERVICES, SERVICE_PAIRS, REQUESTS_PER_PAIR);

    assertThat(totals.requests()).isEqualTo(1_500_000L);
    // The families make differences often enough that brute force is tested, not skipped.
    assertThat(totals.differences()).as("requests whose decision changed").isGreaterThan(totals.requests() / 200);
  }

  /**
   * Pairs with {@code NotAction} and {@code *} in Allow and Deny statements, boundaries, SCP levels
   * and bucket policies added and removed: each change can apply to every action of the catalog,
   * services neither version names included ("NotAction ... with the Allow effect ... allows access
   * to all of the actions that aren't listed", IAM User Guide, IAM JSON policy elements: NotAction),
   * so each diff walks the whole catalog, and the brute force asks actions of DynamoDB, Lambda, SNS
   * and CloudWatch Logs, which no policy names, beside the others.
   */
  @Test
  void overPairsThatReachTheWholeCatalogTheCompleteSpaceFindsWhatBruteForceFindsAndOnlyRealChanges() {
    Totals totals = run(PolicyPairs.Family.CATALOG, CATALOG_PAIRS, 4 * REQUESTS_PER_PAIR);

    assertThat(totals.requests()).isEqualTo(640_000L);
    assertThat(totals.differences()).as("requests whose decision changed").isGreaterThan(totals.requests() / 500);
    assertThat(totals.unnamedServices()).as("differences on actions of services no policy names").isPositive();
  }

  /** What the pairs of one family counted. */
  private record Totals(long requests, long differences, long byClass, long findings, long unnamedServices) {}

  private static Totals run(PolicyPairs.Family family, int pairs, int requestsPerPair) {
    long requests = 0;
    long differences = 0;
    long byClass = 0;
    long findings = 0;
    long unnamed = 0;
    int sampledPairs = 0;
    List<String> failures = new ArrayList<>();
    for (long seed = FIRST_SEED; seed < FIRST_SEED + pairs; seed++) {
      Tally tally = compare(PolicyPairs.pair(seed, family), requestsPerPair);
      requests += tally.requests();
      differences += tally.differences();
      byClass += tally.byClass();
      findings += tally.findings();
      unnamed += tally.unnamedServices();
      sampledPairs += tally.proved() ? 0 : 1;
      failures.addAll(tally.failures());
    }
    assertThat(failures).as("%d failures of %d pairs, %,d requests", failures.size(), pairs, requests).isEmpty();
    assertThat(findings).isGreaterThan(pairs);
    assertThat(sampledPairs).as("pairs with a part decided over the sampled space").isZero();
    assertThat(byClass).as("differences found only through the action's class").isLessThan(differences);
    return new Totals(requests, differences, byClass, findings, unnamed);
  }

  private static Tally compare(PolicyPairs.Pair pair, int requestCount) {
    Account base = pair.base().account();
    Account head = pair.head().account();
    AccessDiff diff;
    try {
      diff = AccessDiffer.standard().compare(base, head, "base", "head");
    } catch (RuntimeException e) {
      throw new AssertionError("the diff of " + pair + " failed", e);
    }
    DirectDecisions direct = new DirectDecisions(base, head, List.of(PolicyPairs.USER), List.of(PolicyPairs.ROLE));
    List<String> failures = new ArrayList<>();
    for (DiffRow row : diff.rows()) {
      if (!direct.real(row, row.action())) {
        failures.add("finding " + row.change() + " " + DirectDecisions.of(row, row.action()) + " is not real when decided directly\n" + pair);
      }
      for (String alike : row.alike().subList(0, Math.min(ALIKE_CHECKED, row.alike().size()))) {
        if (!direct.real(row, alike)) {
          failures.add("alike action of finding " + row.change() + " " + DirectDecisions.of(row, alike) + " is not real when decided directly\n"
              + pair);
        }
      }
    }
    boolean proved = diff.space().proof().complete();
    // The actions each (principal, credentials, change) has a finding for, by name or alike; and
    // by class, the action of a finding for each class (ActionClasses), indexed once for the pair.
    Map<String, Set<String>> named = new HashMap<>();
    for (DiffRow row : diff.rows()) {
      Set<String> actions = named.computeIfAbsent(row.principal() + " " + row.credentials() + " " + row.change(), k -> new HashSet<>());
      actions.add(row.action().toLowerCase(Locale.ROOT));
      row.alike().forEach(a -> actions.add(a.toLowerCase(Locale.ROOT)));
    }
    Map<String, String> byClassFinding = null;
    Random random = new Random(pair.seed() * 31 + 7);
    long differences = 0;
    long byClass = 0;
    long unnamed = 0;
    for (int n = 0; n < requestCount; n++) {
      DirectDecisions.Request request = request(random);
      Change change = direct.change(request);
      if (change == null) {
        continue;
      }
      differences++;
      if (UNNAMED.contains(request.action().substring(0, request.action().indexOf(':')))) {
        unnamed++;
      }
      String key = request.principal() + " " + request.kind() + " " + change;
      if (named.getOrDefault(key, Set.of()).contains(request.action().toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (byClassFinding == null) {
        byClassFinding = classFindings(diff, classes(base, head));
      }
      // A finding on another member of the action's class (ActionClasses) stands for it: the class's
      // actions are decided alike on every request, which the brute force's own request checks.
      String found = byClassFinding.get(key + " " + request.action().toLowerCase(Locale.ROOT));
      if (found != null && direct.change(request.withAction(found)) == change) {
        byClass++;
        continue;
      }
      if (failures.size() < 5) {
        failures.add("no " + change + " finding for " + request + (proved ? "" : " (the diff says it sampled part of the space)") + "\n" + pair);
      }
    }
    return new Tally(requestCount, differences, byClass, diff.rows().size(), unnamed, proved, failures);
  }

  /**
   * For each (principal, credentials, change) and each member of a class of actions a finding names,
   * the finding's action: {@code user alice ACCESS_KEYS NEWLY_DENIED ec2:terminateinstances} to
   * {@code ec2:AcceptAddressTransfer}.
   */
  private static Map<String, String> classFindings(AccessDiff diff, ActionClasses classes) {
    Map<String, ActionClasses.ActionClass> classOf = new HashMap<>();
    for (ActionClasses.ActionClass c : classes.classes()) {
      c.members().forEach(m -> classOf.put(m.toLowerCase(Locale.ROOT), c));
    }
    Map<String, String> found = new HashMap<>();
    for (DiffRow row : diff.rows()) {
      ActionClasses.ActionClass c = classOf.get(row.action().toLowerCase(Locale.ROOT));
      String key = row.principal() + " " + row.credentials() + " " + row.change();
      if (c != null && found.putIfAbsent(key + " " + row.action().toLowerCase(Locale.ROOT), row.action()) == null) {
        c.members().forEach(m -> found.putIfAbsent(key + " " + m.toLowerCase(Locale.ROOT), row.action()));
      }
    }
    return found;
  }

  /** The actions' classes of every policy either version's principals meet. */
  private static ActionClasses classes(Account base, Account head) {
    List<Caller> callers = new ArrayList<>();
    for (Account account : List.of(base, head)) {
      callers.add(Caller.user(account, PolicyPairs.USER));
      callers.add(Caller.roleSession(account, PolicyPairs.ROLE, AccessDiffer.ROLE_SESSION));
    }
    return ActionClasses.of(PolicyStatement.of(ApplicablePolicies.of(callers, List.of(base, head))), AwsData.bundled());
  }

  /** A random request of the user or the role, with the credentials the diff asks for each. */
  private static DirectDecisions.Request request(Random random) {
    boolean user = random.nextInt(10) < 7;
    String principal = user ? "user " + PolicyPairs.USER : "role " + PolicyPairs.ROLE;
    CredentialKind kind = user ? USER_KINDS.get(random.nextInt(USER_KINDS.size())) : ROLE_KINDS.get(random.nextInt(ROLE_KINDS.size()));
    String action = ACTION_NAMES.get(random.nextInt(ACTION_NAMES.size()));
    String resource = ACTIONS.get(action).apply(random);
    Map<String, List<String>> context = new LinkedHashMap<>();
    Set<String> absent = Set.of();
    if (action.startsWith("s3:") && random.nextBoolean()) {
      context.put("s3:prefix", List.of(one(random, "home/", "home/x", "Home/", "a1", "ab", "", "other", "alice/", "bob/", "teams/red/x",
          "teams/blue/")));
    }
    if (action.startsWith("s3:") && random.nextInt(3) == 0) {
      context.put("s3:max-keys", List.of(String.valueOf(random.nextInt(16))));
    }
    if (random.nextBoolean()) {
      context.put("aws:SourceIp", List.of(one(random, "10.1.2.3", "10.2.0.1", "10.0.0.0", "10.255.255.255", "11.0.0.0", "192.168.0.1",
          "203.0.113.9", "2001:db8::1", "2001:db9::1", "2001:db8:1234::5")));
    }
    if (random.nextBoolean()) {
      context.put("aws:CurrentTime", List.of(one(random, "2026-01-15T00:00:00Z", "2026-02-01T00:00:00Z", "2026-01-31T23:59:59Z",
          "2026-02-15T00:00:00Z", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")));
    }
    if (random.nextInt(4) == 0) {
      context.put("aws:SecureTransport", List.of("false"));
    }
    if (random.nextInt(3) == 0) {
      context.put("aws:RequestedRegion", List.of(one(random, "eu-west-1", "ap-south-1", "us-west-2")));
    }
    if (random.nextInt(3) == 0) {
      context.put("aws:ResourceTag/team", List.of(one(random, "red", "blue", "RED")));
    }
    if (random.nextInt(5) == 0) {
      context.put("aws:RequestTag/env", List.of("prod"));
    }
    if (kind.withMfa() && random.nextBoolean()) {
      context.put("aws:MultiFactorAuthAge", List.of(one(random, "100", "3599", "3600", "5000")));
    }
    if (random.nextBoolean()) {
      // A subset of the tag keys, each kept by its bit.
      int kept = random.nextInt(16);
      context.put("aws:TagKeys", IntStream.range(0, TAG_KEYS.size()).filter(i -> (kept >> i & 1) == 1).mapToObj(TAG_KEYS::get).toList());
    }
    if (random.nextInt(4) == 0 && !action.startsWith("ec2:")) {
      // "aws:ViaAWSService ... always included in the request context for most services", and "The
      // following services do not currently support aws:ViaAWSService: Amazon EC2, ..." (AWS global
      // condition context keys): the request of an AWS service for the principal, or one without it.
      if (random.nextBoolean()) {
        context.put("aws:ViaAWSService", List.of("true"));
      } else {
        absent = Set.of("aws:ViaAWSService");
      }
    }
    return new DirectDecisions.Request(principal, action, resource, kind, context, absent);
  }

  private static String one(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }
}
