package dev.iamunit.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamunit.eval.BoundRequest;
import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Accounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: one source statement deployed into several accounts counts once per account, as an SCP
 * statement does. A StackSet "lets you create stacks in AWS accounts across regions by using a
 * single CloudFormation template" (AWS CloudFormation User Guide, "Managing stacks across accounts
 * and Regions with StackSets"): each target account gets a role of its own, so a test of the audit
 * role in prod says nothing about the audit role in dev.
 *
 * <p>{@code deployed/cloudformation/stack-set.yaml} deploys {@code audit-role.yaml} (the role
 * audit-readonly with its trust policy TrustSecurityAccount and inline policy ReadTrails; the
 * bucket audit-logs-ACCOUNT with the policy AuditorsRead) to prod 111111111111 and dev
 * 222222222222. {@code deployed/terraform} instantiates one module (the role reader, ReadBuckets)
 * through a provider alias of each account, and declares DescribeInstances in prod only.
 */
class DeployedInSeveralAccountsCoverageTests {

  private static final String PROD = "111111111111";
  private static final String DEV = "222222222222";
  private static final Path ROOT = Path.of("src/test/resources/deployed");
  private static final String ROLE_FILE = "cloudformation/audit-role.yaml";
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static Accounts load(String source, Map<String, String> values) {
    LoadedSources loaded = SourceFormats.standard().load(List.of(ROOT.resolve(source)),
        LoadOptions.defaults().withProjectRoot(ROOT).withAccountId(PROD).withValues(values).withBundledAwsManagedPolicies());
    assertThat(loaded.report().problems()).as("problems of " + source).isEmpty();
    return loaded.accounts();
  }

  private static Accounts stackSet() {
    return load("cloudformation/stack-set.yaml", Map.of());
  }

  private static CoverageRecorder inventory(Accounts accounts) {
    CoverageRecorder recorder = CoverageRecorder.withDecisionLog();
    recorder.recordInventory(accounts);
    return recorder;
  }

  /** The audit role of {@code account} asks for {@code action} on {@code resource}; the decision is recorded. */
  private static void asAuditor(CoverageRecorder recorder, Accounts accounts, String account, String action, String resource,
      Outcome expected) {
    BoundRequest bound = Caller.roleSession(accounts, accounts.byId(account).orElseThrow(), "audit-readonly", "auditor")
        .request(action, resource, CredentialKind.ASSUMED_ROLE, NOW, Map.of());
    Decision decision = Evaluator.standard().explain(bound);
    assertThat(decision.outcome()).as(action + " on " + resource + " in " + account).isEqualTo(expected);
    recorder.record(bound.request(), bound.policies(), decision, "AuditTests." + account + "." + action);
  }

  private static List<StatementCoverage> withSid(CoverageAnalysis analysis, String sid) {
    return analysis.statementsWithSid(sid);
  }

  @Test
  void theInventoryHasAnEntryPerAccountTheStackSetDeploysTheStatementTo() {
    CoverageAnalysis analysis = CoverageAnalysis.of(inventory(stackSet()).snapshot());

    assertThat(analysis.statements()).extracting(s -> s.sid().orElse("#" + s.key().index()), s -> s.key().account(), StatementCoverage::status)
        .containsExactlyInAnyOrder(
            tuple("TrustSecurityAccount", PROD, StatementStatus.MISSED), tuple("TrustSecurityAccount", DEV, StatementStatus.MISSED),
            tuple("ReadTrails", PROD, StatementStatus.MISSED), tuple("ReadTrails", DEV, StatementStatus.MISSED),
            tuple("AuditorsRead", PROD, StatementStatus.MISSED), tuple("AuditorsRead", DEV, StatementStatus.MISSED));
    assertThat(analysis.statements()).allSatisfy(s -> assertThat(s.key().file()).isEqualTo(ROLE_FILE));
    assertThat(withSid(analysis, "ReadTrails")).extracting(StatementCoverage::displayName, StatementCoverage::principals)
        .containsExactly(tuple("ReadTrails in " + PROD, List.of("role/audit-readonly")),
            tuple("ReadTrails in " + DEV, List.of("role/audit-readonly")));
  }

  /** The question of the security reviewer: exercised in prod, missed in dev. */
  @Test
  void anIdentityStatementExercisedInProdIsStillMissedInDev() {
    Accounts accounts = stackSet();
    CoverageRecorder recorder = inventory(accounts);
    asAuditor(recorder, accounts, PROD, "cloudtrail:DescribeTrails", "*", Outcome.ALLOWED);

    CoverageAnalysis analysis = CoverageAnalysis.of(recorder.snapshot());
    assertThat(withSid(analysis, "ReadTrails")).extracting(s -> s.key().account(), StatementCoverage::status, StatementCoverage::decisiveTests)
        .containsExactly(tuple(PROD, StatementStatus.COVERED, List.of("AuditTests." + PROD + ".cloudtrail:DescribeTrails")),
            tuple(DEV, StatementStatus.MISSED, List.of()));
    assertThat(analysis.total().counter(CounterKind.STATEMENT)).isEqualTo(new Counter(1, 5));
    assertThat(recorder.decisionLog()).singleElement().satisfies(d -> assertThat(d.deciding()).singleElement().asString().endsWith("@" + PROD));
  }

  /**
   * A resource policy statement counts for the resource's account, whoever asks: dev's auditor asking
   * for prod's log is refused by prod's AuditorsRead, which names prod's role only (a cross-account
   * request needs the resource policy to allow it: IAM User Guide, "Cross-account policy evaluation logic").
   */
  @Test
  void aResourcePolicyStatementCountsForTheResourcesAccount() {
    Accounts accounts = stackSet();
    CoverageRecorder recorder = inventory(accounts);
    asAuditor(recorder, accounts, PROD, "s3:GetObject", "arn:aws:s3:::audit-logs-" + PROD + "/trail.json", Outcome.ALLOWED);
    asAuditor(recorder, accounts, DEV, "s3:GetObject", "arn:aws:s3:::audit-logs-" + PROD + "/trail.json", Outcome.IMPLICIT_DENY);

    assertThat(withSid(CoverageAnalysis.of(recorder.snapshot()), "AuditorsRead"))
        .extracting(s -> s.key().account(), StatementCoverage::status, StatementCoverage::notAppliedPrincipal)
        .containsExactly(tuple(PROD, StatementStatus.COVERED, 1L), tuple(DEV, StatementStatus.MISSED, 0L));
  }

  /**
   * Which statements are deployed in several accounts is decided when the counts are read, so the
   * order of the loads does not matter: a test class that loaded the template into prod alone
   * recorded first; a later load deploys it to prod and dev.
   */
  @Test
  void aDecisionRecordedBeforeTheLoadThatDeploysTheStatementInSeveralAccountsStaysInItsAccount() {
    Accounts prodAlone = load(ROLE_FILE, Map.of("SecurityAccountId", "999999999999"));
    CoverageRecorder recorder = inventory(prodAlone);
    asAuditor(recorder, prodAlone, PROD, "cloudtrail:DescribeTrails", "*", Outcome.ALLOWED);
    assertThat(withSid(CoverageAnalysis.of(recorder.snapshot()), "ReadTrails")).singleElement()
        .satisfies(s -> assertThat(s.key().inAccount()).as("one account so far").isFalse());

    recorder.recordInventory(stackSet());

    assertThat(withSid(CoverageAnalysis.of(recorder.snapshot()), "ReadTrails")).extracting(s -> s.key().account(), StatementCoverage::covered)
        .containsExactly(tuple(PROD, true), tuple(DEV, false));
  }

  /**
   * Folders per account sharing one module, tested in forked JVMs: a JVM whose tests loaded only
   * prod's folder knows the statement in prod alone and writes it without account; the analysis,
   * reading every fragment, knows it is in dev too, and counts that JVM's decisions for prod.
   */
  @Test
  void aJvmThatLoadedOneAccountOnlyHasItsCountsInThatAccountOnceAnotherJvmLoadedBoth(@TempDir Path dir) {
    Accounts accounts = stackSet();
    CoverageRecorder prodOnly = CoverageRecorder.withDecisionLog();
    prodOnly.recordInventory(accounts.byId(PROD).orElseThrow());
    asAuditor(prodOnly, accounts, PROD, "cloudtrail:DescribeTrails", "*", Outcome.ALLOWED);
    prodOnly.writeFragment(dir);
    inventory(accounts).writeFragment(dir);

    CoverageAnalysis analysis = CoverageAnalysis.read(dir);
    assertThat(withSid(analysis, "ReadTrails")).extracting(s -> s.key().account(), StatementCoverage::covered)
        .containsExactly(tuple(PROD, true), tuple(DEV, false));
    assertThat(analysis.statements()).hasSize(6).allMatch(s -> s.key().inAccount());
    assertThat(analysis.decisions()).singleElement().satisfies(d -> assertThat(d.deciding()).singleElement().asString().endsWith("@" + PROD));
  }

  @Test
  void everyReportShowsARowPerAccount(@TempDir Path dir) throws Exception {
    Accounts accounts = stackSet();
    CoverageRecorder recorder = inventory(accounts);
    asAuditor(recorder, accounts, PROD, "cloudtrail:DescribeTrails", "*", Outcome.ALLOWED);
    recorder.writeFragment(dir.resolve("data"));
    CoverageAnalysis analysis = CoverageAnalysis.read(dir.resolve("data"));
    assertThat(analysis.statements()).as("a fragment keeps the accounts").isEqualTo(CoverageAnalysis.of(recorder.snapshot()).statements());
    StatementCoverage dev = withSid(analysis, "ReadTrails").get(1);
    CoverageReport report = CoverageReport.of(analysis).withSourceRoots(List.of(ROOT));
    int line = dev.key().line();

    assertThat(report.consoleSummary()).contains("/ReadTrails (" + ROLE_FILE + ":" + line + ") in " + DEV + "\n")
        .doesNotContain("/ReadTrails (" + ROLE_FILE + ":" + line + ") in " + PROD);
    assertThat(report.csv().lines().filter(l -> l.contains(",ReadTrails,")))
        .extracting(l -> String.join(",", List.of(l.split(",", -1)).subList(4, 9)))
        .containsExactly(PROD + ",ReadTrails,read-trails,Allow,COVERED", DEV + ",ReadTrails,read-trails,Allow,MISSED");
    JsonNode json = new ObjectMapper().readTree(report.json());
    assertThat(StreamSupport.stream(json.path("statements").spliterator(), false).filter(s -> s.path("sid").asText().equals("ReadTrails")))
        .extracting(s -> s.path("id").asText(), s -> s.path("account").asText(), s -> s.path("status").asText())
        .containsExactly(tuple(dev.key().withoutAccount().id() + "@" + PROD, PROD, "COVERED"), tuple(dev.key().id(), DEV, "MISSED"));
    assertThat(report.sarif().json()).contains("statement ReadTrails in " + DEV + " of read-trails was not exercised", dev.key().id())
        .doesNotContain("statement ReadTrails in " + PROD);
    report.writeHtml(dir.resolve("html"));
    String page;
    try (var pages = Files.list(dir.resolve("html/templates"))) {
      page = Files.readString(pages.filter(p -> p.getFileName().toString().contains("audit-role")).findFirst().orElseThrow());
    }
    assertThat(page).contains("<tr id=\"S" + line + "-" + dev.key().column() + "-0-" + PROD + "\">",
        "<tr id=\"S" + line + "-" + dev.key().column() + "-0-" + DEV + "\">", ">ReadTrails in " + DEV + "</td>");
    assertThat(Baseline.entry(dev)).isEqualTo(ROLE_FILE + "\tread-trails\tReadTrails\t" + DEV);
  }

  /**
   * A baseline names the account a deployed statement is missed in; a line written before (without
   * one) tolerates the statement in every account, and the check says so until it is written again.
   */
  @Test
  void aBaselineNamesTheAccountAndAnOlderLineWithoutOneToleratesEveryAccountWithANote(@TempDir Path dir) throws Exception {
    Accounts accounts = stackSet();
    CoverageRecorder recorder = inventory(accounts);
    asAuditor(recorder, accounts, PROD, "cloudtrail:DescribeTrails", "*", Outcome.ALLOWED);
    CoverageAnalysis analysis = CoverageAnalysis.of(recorder.snapshot());
    assertThat(Baseline.of(analysis).entries()).contains(ROLE_FILE + "\tread-trails\tReadTrails\t" + DEV)
        .doesNotContain(ROLE_FILE + "\tread-trails\tReadTrails\t" + PROD);

    List<String> older = Baseline.of(analysis).entries().stream().map(e -> e.replaceFirst("\t\\d{12}$", "")).distinct().toList();
    Files.write(dir.resolve("older.txt"), older);
    CheckResult result = CoverageCheck.of(List.of()).withBaseline(Baseline.read(dir.resolve("older.txt"))).run(analysis);
    assertThat(result.passed()).isTrue();
    assertThat(result.notes()).singleElement().asString()
        .startsWith("The baseline names 3 statement(s) counted per account (of an SCP or RCP, or deployed in several accounts) without "
            + "an account")
        .contains(ROLE_FILE + " read-trails ReadTrails");
  }

  /**
   * Two loads that give one single-account template two account ids (two test classes' {@code
   * accountId}, or the {@code prepare} goal's declared home and a test's default) load one
   * deployment twice, not two: its keys stay without account.
   */
  @Test
  void oneTemplateLoadedTwiceWithTwoAccountIdsIsStillOneDeployment() {
    CoverageRecorder recorder = inventory(load(ROLE_FILE, Map.of("SecurityAccountId", "999999999999")));
    recorder.recordInventory(SourceFormats.standard().load(List.of(ROOT.resolve(ROLE_FILE)), LoadOptions.defaults().withProjectRoot(ROOT)
        .withAccountId("333333333333").withValues(Map.of("SecurityAccountId", "999999999999"))).accounts());

    assertThat(CoverageAnalysis.of(recorder.snapshot()).statements()).hasSize(3).noneMatch(s -> s.key().inAccount());
  }

  /** The same template loaded as one stack is one account's: its keys are what they always were. */
  @Test
  void theTemplateLoadedIntoOneAccountKeepsItsKeysWithoutAccount() {
    Accounts accounts = load(ROLE_FILE, Map.of("SecurityAccountId", "999999999999"));
    CoverageRecorder recorder = inventory(accounts);
    asAuditor(recorder, accounts, PROD, "cloudtrail:DescribeTrails", "*", Outcome.ALLOWED);

    CoverageAnalysis analysis = CoverageAnalysis.of(recorder.snapshot());
    assertThat(analysis.statements()).hasSize(3).noneMatch(s -> s.key().inAccount());
    StatementCoverage readTrails = withSid(analysis, "ReadTrails").get(0);
    assertThat(readTrails.covered()).isTrue();
    assertThat(readTrails.key().id()).doesNotContain("@");
    assertThat(readTrails.displayName()).isEqualTo("ReadTrails");
    assertThat(recorder.decisionLog()).singleElement().satisfies(d -> assertThat(d.deciding()).containsExactly(readTrails.key().id()));
  }

  /**
   * IAM Identity Center provisions a permission set as a role in each account it is assigned to
   * ("When you assign a permission set to an AWS account, IAM Identity Center creates a role", IAM
   * Identity Center User Guide, Referencing permission sets in resource policies, Amazon EKS, and
   * AWS KMS), but the sources place the permission set once, in the instance's account: its inline
   * policy counts once, as it always did, whichever account's role a test asks as.
   */
  @Test
  void aPermissionSetsInlinePolicyCountsOnceThoughIdentityCenterProvisionsItInEachAssignedAccount() {
    Accounts accounts = load("identity-center", Map.of());
    var permissionSet = accounts.home().permissionSets().get("Developers");
    assertThat(List.of(PROD, DEV)).allSatisfy(id -> assertThat(accounts.byId(id).orElseThrow().provisionedRole(permissionSet)).isPresent());
    CoverageRecorder recorder = inventory(accounts);
    var developers = accounts.byId(DEV).orElseThrow().provisionedRole(permissionSet).orElseThrow();
    BoundRequest bound = Caller.roleSession(accounts, accounts.byId(DEV).orElseThrow(), developers.name(), "dana")
        .request("s3:GetObject", "arn:aws:s3:::app-data/report.csv", CredentialKind.ASSUMED_ROLE, NOW, Map.of());
    recorder.record(bound.request(), bound.policies(), Evaluator.standard().explain(bound), "DevelopersTests.read");

    assertThat(withSid(CoverageAnalysis.of(recorder.snapshot()), "ReadAppData")).singleElement()
        .satisfies(s -> assertThat(s.key().inAccount()).isFalse())
        .satisfies(s -> assertThat(s.covered()).isTrue());
  }

  /**
   * The rule is the statement's, not the StackSet's: a Terraform module instantiated through a
   * provider alias of each account puts its statements in both; a statement declared once, in prod
   * only, keeps its key.
   */
  @Test
  void aModuleInstantiatedPerAccountThroughProviderAliasesCountsPerAccount() {
    CoverageAnalysis analysis = CoverageAnalysis.of(inventory(load("terraform", Map.of())).snapshot());

    assertThat(withSid(analysis, "ReadBuckets")).extracting(s -> s.key().account()).containsExactly(PROD, DEV);
    assertThat(withSid(analysis, "ReadBuckets")).allSatisfy(s -> assertThat(s.key().file()).isEqualTo("terraform/modules/reader/main.tf"));
    assertThat(withSid(analysis, "DescribeInstances")).singleElement().satisfies(s -> assertThat(s.key().inAccount()).isFalse());
  }
}
