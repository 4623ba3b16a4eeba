package dev.iamunit.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageRecorderTests {

  private static final StatementKey ALLOW_EC2 = new StatementKey(Fixture.FILE, 4, 5, 0);
  private static final StatementKey DENY_RUN = new StatementKey(Fixture.FILE, 10, 5, 1);
  private static final String ALLOW_ALL = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
  private static final StatementKey ALLOW_S3 = new StatementKey(Fixture.FILE, 19, 5, 2);

  @Test
  void keysStatementsByFileLineColumnAndIndex() {
    assertThat(Fixture.recordedRun().snapshot()).extracting(StatementCoverage::key).containsExactly(ALLOW_EC2, DENY_RUN, ALLOW_S3);
    assertThat(StatementKey.parse("dir:with:colons/a.tf:12:3#4")).isEqualTo(new StatementKey("dir:with:colons/a.tf", 12, 3, 4));
    assertThat(ALLOW_EC2.id()).isEqualTo("policies/ec2.json:4:5#0");
  }

  @Test
  void policiesBuiltInCodeAreKeyedByTheirNameSoTheyDoNotShareCounters() {
    Policy first = PolicyParser.parse(ALLOW_ALL, SourceLocation.UNKNOWN, PolicyKind.IDENTITY, "First");
    Policy second = PolicyParser.parse(ALLOW_ALL, SourceLocation.UNKNOWN, PolicyKind.IDENTITY, "Second");
    CoverageRecorder recorder = new CoverageRecorder();
    recorder.recordInventory(List.of(first, second));
    assertThat(recorder.snapshot()).extracting(s -> s.key().id()).allMatch(id -> id.startsWith("<First>:") || id.startsWith("<Second>:")).hasSize(2);
  }

  @Test
  void countsDecisiveOverriddenAndEachReasonForNotApplying() {
    Map<StatementKey, StatementCoverage> byKey = byKey(Fixture.recordedRun().snapshot());

    StatementCoverage allow = byKey.get(ALLOW_EC2);
    assertThat(allow.decisive()).as("decided RunInstances with MFA and DescribeInstances").isEqualTo(2);
    assertThat(allow.overridden()).as("beaten by the Deny without MFA").isEqualTo(1);
    assertThat(allow.decisiveTests()).containsExactly("Ec2Tests.describeIsAllowed", "Ec2Tests.runWithMfaIsAllowed");
    assertThat(allow.tests()).hasSize(3);

    StatementCoverage deny = byKey.get(DENY_RUN);
    assertThat(deny.decisive()).isEqualTo(1);
    assertThat(deny.notAppliedCondition()).isEqualTo(1);
    assertThat(deny.notAppliedAction()).as("DescribeInstances").isEqualTo(1);
    assertThat(deny.conditions()).singleElement().satisfies(c -> {
      assertThat(c.describe()).isEqualTo("BoolIfExists aws:MultiFactorAuthPresent \"false\"");
      assertThat(c.timesTrue()).isEqualTo(1);
      assertThat(c.timesFalse()).isEqualTo(1);
      assertThat(c.line()).isEqualTo(16);
    });
    assertThat(deny.status()).isEqualTo(StatementStatus.COVERED);

    StatementCoverage s3 = byKey.get(ALLOW_S3);
    assertThat(s3.notAppliedAction()).isEqualTo(3);
    assertThat(s3.tests()).isEmpty();
    assertThat(s3.status()).isEqualTo(StatementStatus.MISSED);
    assertThat(s3.displayName()).isEqualTo("#2 at policies/ec2.json:19");
  }

  @Test
  void countsResourceMismatchAndOnlyOverriddenStatementsAsNeverDecisive() {
    CoverageRecorder recorder = new CoverageRecorder();
    Policy allowS3 = parse("""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"ReadReports","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"},
          {"Sid":"NoS3","Effect":"Deny","Action":"s3:*","Resource":"*"}]}""");
    PolicySet set = PolicySet.ofIdentity(allowS3);
    Decision decision = Fixture.evaluate(set, "s3:GetObject", false);
    recorder.record(set, decision, "t1");
    recorder.record(set, Fixture.evaluate(set.withResourcePolicy(allowS3), "s3:PutObject", false), "t2");

    Map<StatementKey, StatementCoverage> byKey = byKey(recorder.snapshot());
    StatementCoverage read = byKey.values().stream().filter(s -> s.sid().orElseThrow().equals("ReadReports")).findFirst().orElseThrow();
    assertThat(read.notAppliedResource()).as("Resource * of the request is not reports/*").isEqualTo(1);
    assertThat(read.status()).isEqualTo(StatementStatus.MISSED);
    StatementCoverage deny = byKey.values().stream().filter(s -> s.sid().orElseThrow().equals("NoS3")).findFirst().orElseThrow();
    assertThat(deny.decisive()).isEqualTo(2);
  }

  @Test
  void aStatementAlwaysBeatenByADenyIsNeverDecisive() {
    CoverageRecorder recorder = new CoverageRecorder();
    Policy policy = parse("""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"AllowAll","Effect":"Allow","Action":"*","Resource":"*"},
          {"Sid":"DenyAll","Effect":"Deny","Action":"*","Resource":"*"}]}""");
    PolicySet set = PolicySet.ofIdentity(policy);
    recorder.record(set, Fixture.evaluate(set, "ec2:RunInstances", false), "t");

    CoverageAnalysis analysis = CoverageAnalysis.of(recorder.snapshot());
    assertThat(analysis.total().neverDecisive()).extracting(StatementCoverage::displayName).containsExactly("AllowAll");
    assertThat(analysis.statementsWithSid("AllowAll")).singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo(StatementStatus.PARTLY));
  }

  @Test
  void recordsFromManyThreadsWithoutLosingCounts() throws Exception {
    CoverageRecorder recorder = new CoverageRecorder();
    PolicySet set = Fixture.policySet();
    Decision denied = Fixture.evaluate(set, "ec2:RunInstances", false);
    Decision allowed = Fixture.evaluate(set, "ec2:RunInstances", true);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int thread = 0; thread < 8; thread++) {
      String test = "test-" + thread;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 1_000; i++) {
          recorder.record(set, i % 2 == 0 ? denied : allowed, test);
        }
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    StatementCoverage deny = byKey(recorder.snapshot()).get(DENY_RUN);
    assertThat(deny.decisive()).isEqualTo(4_000);
    assertThat(deny.notAppliedCondition()).isEqualTo(4_000);
    assertThat(deny.conditions().get(0).timesTrue()).isEqualTo(4_000);
    assertThat(deny.conditions().get(0).timesFalse()).isEqualTo(4_000);
    assertThat(deny.tests()).hasSize(8);
  }

  @Test
  void twoForksWriteTwoFragmentsThatMerge(@TempDir Path dir) throws Exception {
    PolicySet set = Fixture.policySet();
    CoverageRecorder fork1 = new CoverageRecorder();
    fork1.recordInventory(set.policies());
    fork1.record(set, Fixture.evaluate(set, "ec2:RunInstances", false), "Fork1Tests.denied");
    CoverageRecorder fork2 = new CoverageRecorder();
    fork2.recordInventory(set.policies());
    fork2.record(set, Fixture.evaluate(set, "ec2:RunInstances", true), "Fork2Tests.allowed");
    fork2.recordFailure("Fork2Tests.failing", "expected denied but was ALLOWED", SourceLocation.of(Fixture.FILE, 4, 5));

    Path first = fork1.writeFragment(dir);
    Path second = fork2.writeFragment(dir);
    assertThat(first.getFileName().toString()).matches("coverage-" + ProcessHandle.current().pid() + "-[0-9a-f-]{36}\\.json");
    assertThat(first).isNotEqualTo(second);
    assertThat(fork1.writeFragment(dir)).as("writing again replaces").isEqualTo(first);
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(2);
    }

    CoverageAnalysis merged = CoverageAnalysis.read(dir);
    StatementCoverage deny = merged.statement(DENY_RUN).orElseThrow();
    assertThat(deny.conditions().get(0).covered()).as("true in fork 1, false in fork 2").isTrue();
    assertThat(merged.statement(ALLOW_EC2).orElseThrow().decisiveTests()).containsExactly("Fork2Tests.allowed");
    assertThat(merged.statement(ALLOW_EC2).orElseThrow().tests()).containsExactly("Fork1Tests.denied", "Fork2Tests.allowed");
    assertThat(merged.total().counter(CounterKind.STATEMENT)).isEqualTo(new Counter(2, 1));
    assertThat(merged.failures()).containsExactly(
        new AssertionFailure("Fork2Tests.failing", "expected denied but was ALLOWED", Fixture.FILE, 4));
  }

  @Test
  void inventoryOfAnAccountCountsUnevaluatedStatementsAndNamesPrincipalsButNotAwsManagedPolicies() {
    Policy fixture = Fixture.policy();
    Policy awsPolicy = parse("""
        {"Version":"2012-10-17","Statement":[{"Sid":"AwsOwn","Effect":"Allow","Action":"*","Resource":"*"}]}""")
        .named("AdministratorAccess");
    String awsArn = "arn:aws:iam::aws:policy/AdministratorAccess";
    Account account = Account.builder()
        .group(new Group("Ec2Users", "/", "arn:aws:iam::111122223333:group/Ec2Users", List.of(fixture), List.of(awsArn),
            SourceLocation.UNKNOWN))
        .user(new User("alice", "/", Fixture.USER, Map.of(), List.of("Ec2Users"), List.of(), List.of(), Optional.empty(),
            SourceLocation.UNKNOWN))
        .managedPolicy(new ManagedPolicy(awsArn, "AdministratorAccess", "/", awsPolicy, true))
        .build();
    CoverageRecorder recorder = new CoverageRecorder();
    recorder.recordInventory(account);
    PolicySet set = PolicySet.ofIdentity(fixture, awsPolicy);
    recorder.record(set, Fixture.evaluate(set, "ec2:DescribeInstances", false), "t");

    CoverageAnalysis analysis = CoverageAnalysis.of(recorder.snapshot());
    assertThat(analysis.statements()).extracting(StatementCoverage::displayName)
        .containsExactly("AllowEc2", "DenyRunWithoutMfa", "#2 at policies/ec2.json:19");
    assertThat(analysis.elements(ElementKind.PRINCIPAL)).singleElement().satisfies(principal -> {
      assertThat(principal.name()).isEqualTo("user/alice");
      assertThat(principal.counter(CounterKind.STATEMENT)).isEqualTo(new Counter(1, 2));
    });
  }

  /**
   * "When you enable SCPs, AWS Organizations attaches an AWS managed SCP policy named FullAWSAccess"
   * (AWS Organizations User Guide, SCP evaluation, How SCPs work with Allow): IAMUnit adds it to
   * every level by that rule, named by its ARN. No source declares it, so like an AWS managed policy
   * it is not in the inventory, even once a decision applies it; the SCP the sources declare is.
   */
  @Test
  void theFullAwsAccessScpIamUnitAddsByAwsRuleIsNotInTheInventoryButDeclaredScpsAre() {
    Policy fullAwsAccess = PolicyParser.parse(ALLOW_ALL, "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
        PolicyKind.SERVICE_CONTROL, "FullAWSAccess");
    Policy regionLock = PolicyParser.parse("""
        {"Version":"2012-10-17","Statement":[{"Sid":"RegionLock","Effect":"Deny","Action":"ec2:*","Resource":"*",
          "Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}""",
        "organization/main.tf", PolicyKind.SERVICE_CONTROL, "region-lock");
    Account account = Account.builder().id("111122223333")
        .organization(new Organization(List.of(List.of(fullAwsAccess), List.of(fullAwsAccess, regionLock)), List.of()))
        .build();
    CoverageRecorder recorder = new CoverageRecorder();
    recorder.recordInventory(account);
    PolicySet set = PolicySet.builder().identity(Fixture.policy())
        .scpLevel(List.of(fullAwsAccess)).scpLevel(List.of(fullAwsAccess, regionLock)).build();
    Request request = Fixture.request("ec2:DescribeInstances", false);
    Decision decision = Evaluator.standard().explain(request, set);
    assertThat(decision.explanation().statements()).as("the decision applied FullAWSAccess")
        .anyMatch(result -> result.policy() == fullAwsAccess && result.applied());
    recorder.record(request, set, decision, "t");

    assertThat(recorder.snapshot()).as("recorded: FullAWSAccess too, but outside the inventory")
        .anyMatch(s -> s.key().file().startsWith("arn:aws:organizations::aws:") && !s.inventory());
    assertThat(CoverageAnalysis.of(recorder.snapshot()).statements()).extracting(s -> s.key().file())
        .containsOnly("organization/main.tf");
    assertThat(CoverageRecorder.declaredInSources(fullAwsAccess)).isFalse();
    assertThat(CoverageRecorder.declaredInSources(regionLock)).isTrue();
    assertThat(CoverageRecorder.declaredInSources(parse(ALLOW_ALL).named("AdministratorAccess"))).isTrue();
    assertThat(CoverageRecorder.declaredInSources(PolicyParser.parse(ALLOW_ALL, "arn:aws:iam::aws:policy/AdministratorAccess",
        PolicyKind.IDENTITY, "AdministratorAccess"))).as("AWS managed, by the same rule").isFalse();
    assertThat(CoverageRecorder.declaredInSources(PolicyParser.parse(ALLOW_ALL, "arn:aws:iam::111122223333:policy/Mine",
        PolicyKind.IDENTITY, "Mine"))).as("a customer's ARN is not AWS's").isTrue();
  }

  @Test
  void aDecisionLogKeepsEveryDecisionOfEveryThreadInTestOrderAndMergesAcrossForks(@TempDir Path dir) throws Exception {
    PolicySet set = Fixture.policySet();
    CoverageRecorder fork1 = CoverageRecorder.withDecisionLog();
    CoverageRecorder fork2 = CoverageRecorder.withDecisionLog();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int thread = 0; thread < 8; thread++) {
      CoverageRecorder recorder = thread % 2 == 0 ? fork1 : fork2;
      String test = "Ec2Tests.test" + thread;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 100; i++) {
          Request request = Fixture.request("ec2:RunInstances", i % 2 == 0);
          recorder.record(request, set, Evaluator.standard().explain(request, set), test);
        }
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    fork1.writeFragment(dir);
    fork2.writeFragment(dir);

    List<RecordedDecision> log = CoverageAnalysis.read(dir).decisions();
    assertThat(log).hasSize(800).isSorted();
    assertThat(log).extracting(RecordedDecision::testId).containsOnly(
        "Ec2Tests.test0", "Ec2Tests.test1", "Ec2Tests.test2", "Ec2Tests.test3",
        "Ec2Tests.test4", "Ec2Tests.test5", "Ec2Tests.test6", "Ec2Tests.test7");
    // The wall-clock key aws:CurrentTime is left out: it differs between two runs of one test.
    assertThat(log.get(0)).isEqualTo(new RecordedDecision("Ec2Tests.test0",
        "UNSPECIFIED ec2:RunInstances on * by " + Fixture.USER + " {aws:MultiFactorAuthPresent=\"true\", aws:username=\"alice\"}",
        Outcome.ALLOWED, List.of(ALLOW_EC2.id())));
    assertThat(log).filteredOn(d -> d.outcome() == Outcome.ALLOWED).hasSize(400)
        .allSatisfy(d -> assertThat(d.deciding()).containsExactly(ALLOW_EC2.id()));
  }

  @Test
  void withoutADecisionLogFragmentsCarryNoDecisions(@TempDir Path dir) {
    PolicySet set = Fixture.policySet();
    CoverageRecorder recorder = new CoverageRecorder();
    Request request = Fixture.request("ec2:RunInstances", false);
    recorder.record(request, set, Evaluator.standard().explain(request, set), "t");
    recorder.writeFragment(dir);

    assertThat(recorder.decisionLog()).isEmpty();
    assertThat(CoverageAnalysis.read(dir).decisions()).isEmpty();
    assertThat(CoverageAnalysis.read(dir).statement(DENY_RUN).orElseThrow().decisive()).isEqualTo(1);
  }

  private static Policy parse(String json) {
    return PolicyParser.parse(json, "inline/test.json", PolicyKind.IDENTITY, "Test");
  }

  private static Map<StatementKey, StatementCoverage> byKey(List<StatementCoverage> statements) {
    Map<StatementKey, StatementCoverage> map = new java.util.TreeMap<>();
    statements.forEach(s -> map.put(s.key(), s));
    return map;
  }
}
