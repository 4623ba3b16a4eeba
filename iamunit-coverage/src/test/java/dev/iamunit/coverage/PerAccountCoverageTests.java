package dev.iamunit.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.eval.BoundRequest;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.OrganizationTree.ControlPolicy;
import dev.iamunit.model.OrganizationTree.Member;
import dev.iamunit.model.OrganizationTree.ScpRule;
import dev.iamunit.model.OrganizationTree.Target;
import dev.iamunit.model.OrganizationTree.Unit;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.User;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SCP or RCP counts once per account it applies to: "an explicit Allow statement" is needed "at
 * every level from the root through each OU in the direct path to the account (including the
 * target account itself)" (AWS Organizations User Guide, SCP evaluation), and "any RCP from the
 * root through each OU in the direct path to the account (including the target account itself)
 * can deny" (RCP evaluation). So a "protect CloudTrail" SCP exercised in dev is still missed in
 * prod.
 *
 * <p>The organization: root (management account 999999999999 and the RCP ProtectQueues), OU
 * Workloads (prod 111111111111, dev 222222222222, the SCP ProtectCloudTrail), OU Sandbox (no
 * account, the SCP DenyEc2). alice is an administrator in dev, bob in prod.
 */
class PerAccountCoverageTests {

  private static final String PROD = "111111111111";
  private static final String DEV = "222222222222";
  private static final String MANAGEMENT = "999999999999";
  private static final String SCP_FILE = "organization/protect-cloudtrail.json";
  private static final String RCP_FILE = "organization/protect-queues.json";
  private static final String SANDBOX_FILE = "organization/sandbox.json";
  private static final String PROD_QUEUE = "arn:aws:sqs:us-east-1:" + PROD + ":orders";

  private static final Policy PROTECT_CLOUDTRAIL = PolicyParser.parse("""
      {"Version":"2012-10-17","Statement":[
        {"Sid":"DenyStopLogging","Effect":"Deny","Action":"cloudtrail:StopLogging","Resource":"*"}]}""",
      SCP_FILE, PolicyKind.SERVICE_CONTROL, "ProtectCloudTrail");
  private static final Policy PROTECT_QUEUES = PolicyParser.parse("""
      {"Version":"2012-10-17","Statement":[
        {"Sid":"DenyPurge","Effect":"Deny","Principal":"*","Action":"sqs:PurgeQueue","Resource":"*"}]}""",
      RCP_FILE, PolicyKind.RESOURCE_CONTROL, "ProtectQueues");
  private static final Policy SANDBOX = PolicyParser.parse("""
      {"Version":"2012-10-17","Statement":[{"Sid":"DenyEc2","Effect":"Deny","Action":"ec2:*","Resource":"*"}]}""",
      SANDBOX_FILE, PolicyKind.SERVICE_CONTROL, "Sandbox");

  private final Accounts accounts = organization();

  private static Accounts organization() {
    SourceLocation at = SourceLocation.of("organization/main.tf", 1, 1);
    OrganizationTree tree = new OrganizationTree("r-root", Optional.of(MANAGEMENT), ScpRule.AWS_DEFAULT, true,
        List.of(new Unit("ou-work", "Workloads", "r-root", at), new Unit("ou-sandbox", "Sandbox", "r-root", at)),
        List.of(new Member(MANAGEMENT, "management", "r-root", at), new Member(PROD, "prod", "ou-work", at),
            new Member(DEV, "dev", "ou-work", at)),
        List.of(new ControlPolicy("p-trail", false, PROTECT_CLOUDTRAIL, List.of(new Target("ou-work", at))),
            new ControlPolicy("p-queues", true, PROTECT_QUEUES, List.of(new Target("r-root", at))),
            new ControlPolicy("p-sandbox", false, SANDBOX, List.of(new Target("ou-sandbox", at)))),
        at);
    Accounts.Builder builder = Accounts.builder(MANAGEMENT, "aws", "us-east-1").organization(tree, OrganizationTree.FULL_AWS_ACCESS);
    builder.account(DEV).user(administrator("alice", DEV));
    builder.account(PROD).user(administrator("bob", PROD));
    return builder.build();
  }

  private static User administrator(String name, String account) {
    Policy admin = PolicyParser.parse("""
        {"Version":"2012-10-17","Statement":[{"Sid":"Admin","Effect":"Allow","Action":"*","Resource":"*"}]}""",
        "iam/" + name + ".json", PolicyKind.IDENTITY, name + "-admin");
    return new User(name, "/", "arn:aws:iam::" + account + ":user/" + name, Map.of(), List.of(), List.of(admin), List.of(),
        Optional.empty(), SourceLocation.UNKNOWN);
  }

  private CoverageRecorder inventory() {
    CoverageRecorder recorder = new CoverageRecorder();
    accounts.all().forEach(recorder::recordInventory);
    return recorder;
  }

  private void record(CoverageRecorder recorder, String account, String user, String action, String resource, Outcome expected) {
    Account in = accounts.byId(account).orElseThrow();
    BoundRequest bound = Caller.user(accounts, in, user).request(action, resource, CredentialKind.ACCESS_KEYS, Instant.now(), Map.of());
    var decision = Evaluator.standard().explain(bound);
    assertThat(decision.outcome()).as(action + " by " + user).isEqualTo(expected);
    recorder.record(bound.request(), bound.policies(), decision, "OrgTests." + user + "." + action);
  }

  private static StatementKey key(Policy policy, String account) {
    return StatementKey.of(policy, policy.statements().get(0), account);
  }

  @Test
  void anScpStatementTestedInDevIsStillMissedInProd() {
    CoverageRecorder recorder = inventory();
    record(recorder, DEV, "alice", "cloudtrail:StopLogging", "*", Outcome.EXPLICIT_DENY);

    CoverageAnalysis analysis = CoverageAnalysis.of(recorder.snapshot());
    assertThat(analysis.statements()).filteredOn(s -> s.key().file().equals(SCP_FILE))
        .extracting(s -> s.key().account(), StatementCoverage::status, StatementCoverage::displayName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PROD, StatementStatus.MISSED, "DenyStopLogging in prod (" + PROD + ")"),
            org.assertj.core.groups.Tuple.tuple(DEV, StatementStatus.COVERED, "DenyStopLogging in dev (" + DEV + ")"));
    assertThat(analysis.statement(key(PROTECT_CLOUDTRAIL, DEV)).orElseThrow().decisiveTests())
        .containsExactly("OrgTests.alice.cloudtrail:StopLogging");
  }

  /** "SCPs don't affect users or roles in the management account" (AWS Organizations User Guide, Service control policies (SCPs)). */
  @Test
  void scpsCountInTheAccountsUnderTheirAttachmentOnlyAndAnScpAttachedWhereNoAccountIsCountsOnce() {
    CoverageAnalysis analysis = CoverageAnalysis.of(inventory().snapshot());
    assertThat(analysis.statements()).filteredOn(s -> s.key().file().startsWith("organization/"))
        .extracting(s -> s.key().id())
        .containsExactlyInAnyOrder(
            key(PROTECT_CLOUDTRAIL, PROD).id(), key(PROTECT_CLOUDTRAIL, DEV).id(),
            key(PROTECT_QUEUES, PROD).id(), key(PROTECT_QUEUES, DEV).id(),
            key(SANDBOX, "").id());
    assertThat(analysis.statement(key(SANDBOX, "")).orElseThrow()).satisfies(s -> {
      assertThat(s.status()).isEqualTo(StatementStatus.MISSED);
      assertThat(s.displayName()).isEqualTo("DenyEc2");
    });
  }

  @Test
  void anRcpStatementCountsForTheResourcesAccountNotThePrincipals() {
    CoverageRecorder recorder = inventory();
    record(recorder, DEV, "alice", "sqs:PurgeQueue", PROD_QUEUE, Outcome.EXPLICIT_DENY);

    CoverageAnalysis analysis = CoverageAnalysis.of(recorder.snapshot());
    assertThat(analysis.statement(key(PROTECT_QUEUES, PROD)).orElseThrow().status()).isEqualTo(StatementStatus.COVERED);
    assertThat(analysis.statement(key(PROTECT_QUEUES, DEV)).orElseThrow().status()).isEqualTo(StatementStatus.MISSED);
    assertThat(analysis.statement(key(PROTECT_CLOUDTRAIL, DEV)).orElseThrow().notAppliedAction())
        .as("the principal's SCPs were in the set, for dev").isEqualTo(1);
    assertThat(analysis.statement(key(PROTECT_CLOUDTRAIL, PROD)).orElseThrow().notAppliedAction()).isZero();
  }

  @Test
  void everyAccountTestedCoversTheStatementInEach() {
    CoverageRecorder recorder = inventory();
    record(recorder, DEV, "alice", "cloudtrail:StopLogging", "*", Outcome.EXPLICIT_DENY);
    record(recorder, PROD, "bob", "cloudtrail:StopLogging", "*", Outcome.EXPLICIT_DENY);

    CoverageAnalysis analysis = CoverageAnalysis.of(recorder.snapshot());
    assertThat(analysis.elements(ElementKind.POLICY)).filteredOn(e -> e.name().equals("ProtectCloudTrail")).singleElement()
        .satisfies(policy -> assertThat(policy.counter(CounterKind.STATEMENT)).isEqualTo(new Counter(2, 0)));
  }

  @Test
  void reportsShowARowPerAccount() {
    CoverageRecorder recorder = inventory();
    record(recorder, DEV, "alice", "cloudtrail:StopLogging", "*", Outcome.EXPLICIT_DENY);
    CoverageReport report = CoverageReport.of(CoverageAnalysis.of(recorder.snapshot()));

    assertThat(report.consoleSummary())
        .contains("  Deny ProtectCloudTrail/DenyStopLogging (" + SCP_FILE + ":2) in prod (" + PROD + ")\n")
        .doesNotContain("ProtectCloudTrail/DenyStopLogging (" + SCP_FILE + ":2) in dev");
    assertThat(report.csv().lines().filter(line -> line.startsWith(SCP_FILE)))
        .containsExactly(SCP_FILE + ",2,3,0,prod (" + PROD + "),DenyStopLogging,ProtectCloudTrail,Deny,MISSED,0,0,0,0,0,0,0,0,",
            SCP_FILE + ",2,3,0,dev (" + DEV + "),DenyStopLogging,ProtectCloudTrail,Deny,COVERED,1,0,0,0,0,0,0,0,"
                + "OrgTests.alice.cloudtrail:StopLogging");
    assertThat(report.sarif().json()).contains("statement DenyStopLogging in prod (" + PROD + ") of ProtectCloudTrail was not exercised",
        key(PROTECT_CLOUDTRAIL, PROD).id());
  }

  /** A source line is as covered as its statement in the account where it fares worst; the table below has a row per account. */
  @Test
  void theHtmlSourceShowsTheAccountWhereTheStatementFaresWorstAndARowPerAccount(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("src/organization"));
    Files.writeString(dir.resolve("src/" + SCP_FILE), """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"DenyStopLogging","Effect":"Deny","Action":"cloudtrail:StopLogging","Resource":"*"}]}
        """);
    CoverageRecorder recorder = inventory();
    record(recorder, DEV, "alice", "cloudtrail:StopLogging", "*", Outcome.EXPLICIT_DENY);
    CoverageReport.of(CoverageAnalysis.of(recorder.snapshot())).withSourceRoots(List.of(dir.resolve("src"))).writeHtml(dir.resolve("html"));

    String page;
    try (var pages = Files.list(dir.resolve("html/templates"))) {
      page = Files.readString(pages.filter(p -> p.getFileName().toString().contains("protect-cloudtrail")).findFirst().orElseThrow());
    }
    assertThat(page).contains("<span class=\"line nc\" title=\"Deny DenyStopLogging in prod (" + PROD + "): MISSED")
        .contains("<tr id=\"S2-3-0-" + PROD + "\">", "<tr id=\"S2-3-0-" + DEV + "\">")
        .contains(">DenyStopLogging in dev (" + DEV + ")</td>");
  }

  @Test
  void fragmentsKeepTheAccountAndItsName(@TempDir Path dir) {
    CoverageRecorder recorder = inventory();
    record(recorder, DEV, "alice", "cloudtrail:StopLogging", "*", Outcome.EXPLICIT_DENY);
    recorder.writeFragment(dir);

    CoverageAnalysis read = CoverageAnalysis.read(dir);
    assertThat(read.statements()).isEqualTo(CoverageAnalysis.of(recorder.snapshot()).statements());
    assertThat(read.statement(key(PROTECT_CLOUDTRAIL, PROD)).orElseThrow().account()).isEqualTo("prod (" + PROD + ")");
    assertThat(StatementKey.parse(key(PROTECT_CLOUDTRAIL, PROD).id())).isEqualTo(key(PROTECT_CLOUDTRAIL, PROD));
    assertThat(key(PROTECT_CLOUDTRAIL, PROD).id()).isEqualTo(SCP_FILE + ":2:3#0@" + PROD);
  }

  /** A fragment of an earlier IAMUnit cannot tell which account its SCP statements were tested in: it is named, not guessed at. */
  @Test
  void aFragmentOfTheFormatBeforeAccountsIsNamedWithWhatToDo(@TempDir Path dir) throws Exception {
    Path old = Files.writeString(dir.resolve("coverage-old.json"), "{\"format\":\"iamunit-coverage-fragment/1\",\"statements\":[]}");
    assertThatThrownBy(() -> CoverageAnalysis.read(dir)).isInstanceOf(CoverageDataException.class)
        .hasMessageStartingWith("cannot read coverage fragment " + old + ": an earlier IAMUnit wrote it")
        .hasMessageContaining("run the tests again");
  }

  @Test
  void theDecisionLogNamesTheAccountOfADecidingScpStatement() {
    CoverageRecorder recorder = CoverageRecorder.withDecisionLog();
    accounts.all().forEach(recorder::recordInventory);
    record(recorder, DEV, "alice", "cloudtrail:StopLogging", "*", Outcome.EXPLICIT_DENY);
    assertThat(recorder.decisionLog()).singleElement()
        .satisfies(d -> assertThat(d.deciding()).containsExactly(key(PROTECT_CLOUDTRAIL, DEV).id()));
  }

  @Test
  void aPolicySetWithScpsIsRecordedOnlyWithItsRequest() {
    PolicySet set = PolicySet.builder().scpLevel(List.of(PROTECT_CLOUDTRAIL)).build();
    var decision = Evaluator.standard().explain(Fixture.request("cloudtrail:StopLogging", false), set);
    assertThatThrownBy(() -> new CoverageRecorder().record(set, decision, "t")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record(request, policies, decision, testId)");
  }

  @Test
  void aBaselineListsTheAccountAndAnOlderEntryWithoutOneToleratesEveryAccountWithANote(@TempDir Path dir) throws Exception {
    CoverageRecorder recorder = inventory();
    record(recorder, DEV, "alice", "cloudtrail:StopLogging", "*", Outcome.EXPLICIT_DENY);
    CoverageAnalysis analysis = CoverageAnalysis.of(recorder.snapshot());
    StatementCoverage prod = analysis.statement(key(PROTECT_CLOUDTRAIL, PROD)).orElseThrow();
    assertThat(Baseline.entry(prod)).isEqualTo(SCP_FILE + "\tProtectCloudTrail\tDenyStopLogging\t" + PROD);

    Baseline written = Baseline.of(analysis);
    written.write(dir.resolve("now.txt"));
    assertThat(CoverageCheck.of(List.of()).withBaseline(Baseline.read(dir.resolve("now.txt"))).run(analysis).passed()).isTrue();

    List<String> older = Baseline.of(analysis).entries().stream()
        .map(e -> e.startsWith(SCP_FILE) ? SCP_FILE + "\tProtectCloudTrail\tDenyStopLogging" : e).distinct().toList();
    Files.write(dir.resolve("older.txt"), older);
    CheckResult result = CoverageCheck.of(List.of()).withBaseline(Baseline.read(dir.resolve("older.txt"))).run(analysis);
    assertThat(result.passed()).isTrue();
    assertThat(result.notes()).singleElement().asString()
        .startsWith("The baseline names 1 statement(s) counted per account (of an SCP or RCP, or deployed in several accounts) "
            + "without an account")
        .contains("tolerated in every account", SCP_FILE + " ProtectCloudTrail DenyStopLogging");
  }

  @Test
  void aRequiredSidOfAnScpMustBeCoveredInEveryAccount() {
    CoverageRecorder recorder = inventory();
    record(recorder, DEV, "alice", "cloudtrail:StopLogging", "*", Outcome.EXPLICIT_DENY);
    CheckResult result = CoverageCheck.of(List.of()).requiringSids(List.of("DenyStopLogging"))
        .run(CoverageAnalysis.of(recorder.snapshot()));
    assertThat(result.violations()).extracting(Violation::message).containsExactly("Required Sid DenyStopLogging ("
        + SCP_FILE + ":2, Deny in ProtectCloudTrail) in prod (" + PROD + ") was not exercised by any test");
  }
}
