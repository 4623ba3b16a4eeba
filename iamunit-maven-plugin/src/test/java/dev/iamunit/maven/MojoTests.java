package dev.iamunit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals' logic, run on their classes with {@link Ec2Fragment}: two statements, one covered. */
class MojoTests {

  @TempDir
  Path project;

  private Path data;
  private final CapturingLog log = new CapturingLog();

  @BeforeEach
  void recordAFragment() {
    data = Ec2Fragment.record(project);
  }

  @Test
  void prepareRemovesTheFragmentsOfAnEarlierBuildOnly() throws Exception {
    Files.writeString(data.resolve("coverage.json"), "{}");  // a report, not a fragment
    PrepareMojo mojo = new PrepareMojo();
    mojo.setLog(log);
    mojo.dataDirectory = data.toFile();
    mojo.execute();

    try (var files = Files.list(data)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("coverage.json");
    }
    assertThat(log.lines).containsExactly("[INFO] IAMUnit: removed 1 coverage fragment(s) of an earlier build from " + data);
  }

  /** A template no test loads is counted, as missed: the gate sees a new template nobody tests. */
  @Test
  void prepareCountsTheStatementsOfSourcesNoTestLoads() throws Exception {
    Files.writeString(project.resolve("iam/untested.yaml"), """
        Resources:
          Untested:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Sid: AllowS3
                    Effect: Allow
                    Action: s3:GetObject
                    Resource: "*"
        """);
    Path tests = project.resolve("target/tests");
    Files.createDirectories(tests);
    try (var fragments = Files.list(data)) {
      for (Path fragment : fragments.toList()) {
        Files.move(fragment, tests.resolve(fragment.getFileName()));  // what the tests will write
      }
    }
    PrepareMojo prepare = new PrepareMojo();
    prepare.setLog(log);
    prepare.dataDirectory = data.toFile();
    prepare.basedir = project.toFile();
    prepare.sources = List.of("iam/untested.yaml");
    prepare.execute();
    try (var fragments = Files.list(tests)) {
      for (Path fragment : fragments.toList()) {
        Files.move(fragment, data.resolve(fragment.getFileName()));
      }
    }

    var analysis = dev.iamunit.coverage.CoverageAnalysis.read(data);
    assertThat(analysis.statementsWithSid("AllowS3")).singleElement().satisfies(s -> {
      assertThat(s.covered()).isFalse();
      assertThat(s.key().file()).isEqualTo("iam/untested.yaml");
    });
    assertThat(analysis.statementsWithSid("AllowDescribe")).singleElement().extracting(s -> s.covered()).isEqualTo(true);
    assertThat(log.lines).anySatisfy(line ->
        assertThat(line).startsWith("[INFO] IAMUnit: 1 statement(s) of iam/untested.yaml counted, tested or not (coverage-"));
  }

  /**
   * Class 2 of issue 20: prepare dropped a policy it could not read. It counts as one missed
   * statement at its file:line, with the reason, and the log says so.
   */
  @Test
  void prepareCountsAPolicyItCouldNotReadAsMissedWithItsReason() throws Exception {
    Files.writeString(project.resolve("iam/worker.yaml"), """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: python3.12
              CodeUri: src/
              Policies:
                - NoSuchSamPolicy:
                    BucketName: reports
        """);
    PrepareMojo prepare = new PrepareMojo();
    prepare.setLog(log);
    prepare.dataDirectory = data.toFile();
    prepare.basedir = project.toFile();
    prepare.sources = List.of("iam/worker.yaml");
    prepare.execute();

    var analysis = dev.iamunit.coverage.CoverageAnalysis.read(data);
    assertThat(analysis.statements()).filteredOn(s -> s.notRead().isPresent()).singleElement().satisfies(s -> {
      assertThat(s.status()).isEqualTo(dev.iamunit.coverage.StatementStatus.MISSED);
      assertThat(s.key().fileAndLine()).isEqualTo("iam/worker.yaml:10");
      assertThat(s.notRead()).hasValueSatisfying(reason -> assertThat(reason).contains("\"NoSuchSamPolicy\""));
      assertThat(s.describe()).startsWith("not read at iam/worker.yaml:10: Worker Policies: \"NoSuchSamPolicy\"");
    });
    // The function role's trust policy statement, and the policy not read.
    assertThat(dev.iamunit.coverage.CounterKind.STATEMENT.count(analysis.statements()).missed()).isEqualTo(2);
    assertThat(dev.iamunit.coverage.CounterKind.ALLOW.count(analysis.statements()).total()).isEqualTo(1);
    assertThat(analysis.statements()).flatExtracting(s -> s.principals())
        .containsExactly("role/worker-WorkerRole-<unresolved: WorkerRole name>");
    assertThat(log.lines).anySatisfy(line -> assertThat(line)
        .startsWith("[WARNING] IAMUnit: not read, counted as a missed statement: iam/worker.yaml:10"));
  }

  /**
   * Sources that declare an organization and, beside it, templates that name no account: given no
   * {@code <accountId>}, prepare loads them into the organization's management account, the account
   * the sources declare as theirs, not into IAMUnit's default account, which the organization does
   * not know (and would be warned about as "not an account of the organization"). Given one, it
   * loads into that account.
   */
  @Test
  void prepareLoadsIntoTheAccountTheSourcesDeclareUnlessGivenOne() throws Exception {
    Files.createDirectories(project.resolve("organization"));
    Files.writeString(project.resolve("organization/main.tf"), """
        provider "aws" { allowed_account_ids = ["999999999999"] }
        resource "aws_organizations_organization" "org" {
          feature_set          = "ALL"
          enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
        }
        resource "aws_organizations_account" "prod" {
          name      = "prod"
          email     = "prod@example.com"
          parent_id = aws_organizations_organization.org.roots[0].id
        }
        import {
          to = aws_organizations_account.prod
          id = "111111111111"
        }
        """);
    Files.writeString(project.resolve("iam/ci.yaml"), """
        Resources:
          Ci:
            Type: AWS::IAM::User
            Properties:
              UserName: ci
        """);
    List<String> warnings = new java.util.ArrayList<>();
    for (String given : new String[] {null, "111111111111"}) {
      log.lines.clear();
      PrepareMojo prepare = new PrepareMojo();
      prepare.setLog(log);
      prepare.dataDirectory = data.toFile();
      prepare.basedir = project.toFile();
      prepare.sources = List.of("organization", "iam/ci.yaml");
      prepare.accountId = given;
      prepare.execute();
      log.lines.stream().filter(line -> line.startsWith("[WARNING]")).forEach(warnings::add);
    }
    assertThat(warnings).isEmpty();

    PrepareMojo outside = new PrepareMojo();
    outside.setLog(log);
    outside.dataDirectory = data.toFile();
    outside.basedir = project.toFile();
    outside.sources = List.of("organization", "iam/ci.yaml");
    outside.accountId = "123456789012";
    outside.execute();
    assertThat(log.lines).anySatisfy(line -> assertThat(line).startsWith("[WARNING] IAMUnit: unresolved ")
        .contains("the loaded account 123456789012 is not an account of the organization"));

    outside.accountId = "prod";
    assertThatThrownBy(outside::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("IAMUnit: <accountId> takes an account id of 12 digits, such as 123456789012, not \"prod\"");
  }

  @Test
  void prepareFailsClearlyOnASourceThatDoesNotLoad() {
    PrepareMojo prepare = new PrepareMojo();
    prepare.setLog(log);
    prepare.dataDirectory = data.toFile();
    prepare.basedir = project.toFile();
    prepare.sources = List.of("iam/missing.yaml");

    assertThatThrownBy(prepare::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("IAMUnit cannot load <sources> to count their statements: ")
        .hasMessageContaining("missing.yaml does not exist")
        .hasMessageEndingWith("; give <values> what the tests give, or leave the source out of <sources>");
  }

  @Test
  void prepareWithoutAFolderDoesNothing() throws Exception {
    PrepareMojo mojo = new PrepareMojo();
    mojo.setLog(log);
    mojo.dataDirectory = project.resolve("target/none").toFile();
    mojo.execute();

    assertThat(project.resolve("target/none")).doesNotExist();
  }

  @Test
  void reportWritesEveryFormatAndLogsTheSummary() throws Exception {
    ReportMojo mojo = new ReportMojo();
    mojo.setLog(log);
    mojo.dataDirectory = data.toFile();
    mojo.outputDirectory = data.toFile();
    mojo.basedir = project.toFile();
    mojo.execute();

    assertThat(data.resolve("coverage.json")).exists();
    assertThat(data.resolve("coverage.csv")).exists();
    assertThat(data.resolve("iamunit.sarif")).exists();
    assertThat(Files.readString(data.resolve("html/templates").toFile().listFiles()[0].toPath()))
        .as("source found under the project folder").contains("<h2>Source</h2>");
    assertThat(log.lines).contains(
        "[INFO] IAMUnit coverage: statements 1 of 2 (50%), Allow 1 of 2 (50%), Deny n/a, conditions n/a",
        "[INFO]   Allow AllowRun (iam/ec2.json:5) in Ec2");
  }

  @Test
  void reportWithoutDataSaysSoAndDoesNotFail() throws Exception {
    ReportMojo mojo = new ReportMojo();
    mojo.setLog(log);
    mojo.dataDirectory = project.resolve("nothing").toFile();
    mojo.outputDirectory = project.resolve("out").toFile();
    mojo.basedir = project.toFile();
    mojo.execute();
    assertThat(log.lines).singleElement().asString().startsWith("[INFO] IAMUnit coverage report skipped: no coverage data");
  }

  /** What {@code iamunit coverage report} exits 3 on fails the build, naming the fragment (CoverageCommandTests). */
  @Test
  void reportFailsTheBuildOnAFragmentItCannotReadNamingIt() throws Exception {
    Path broken = Files.writeString(data.resolve("coverage-broken.json"), "{\"format\": \"iamunit-coverage-fr");
    ReportMojo mojo = new ReportMojo();
    mojo.setLog(log);
    mojo.dataDirectory = data.toFile();
    mojo.outputDirectory = project.resolve("out").toFile();
    mojo.basedir = project.toFile();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("cannot read coverage fragment " + broken + ": not JSON at line 1, column 32 (");
    assertThat(project.resolve("out")).doesNotExist();
    assertThat(log.lines).isEmpty();
  }

  @Test
  void checkFailsTheBuildListingEveryViolationAndWritesThemIntoTheSarif() {
    CheckMojo mojo = check(rule("BUNDLE", limit("STATEMENT", "COVEREDRATIO", "0.80", null)));
    mojo.requiredSids = List.of("AllowRun");

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessage("""
        IAMUnit coverage checks have not been met (2 violations):
          Rule violated for all statements: statements covered ratio is 0.50, but expected minimum is 0.80; missed:
            Allow AllowRun (iam/ec2.json:5)
          Required Sid AllowRun (iam/ec2.json:5, Allow in Ec2) was not exercised by any test""");
    assertThat(data.resolve("iamunit.sarif")).content().contains("iamunit/coverage-rule", "Required Sid AllowRun");
  }

  @Test
  void checkPassesWhenTheRulesHold() throws Exception {
    CheckMojo mojo = check(rule("TEMPLATE", limit("ALLOW", "MISSEDCOUNT", null, "1")));
    mojo.execute();
    assertThat(log.lines).containsExactly("[INFO] IAMUnit coverage checks have been met.");
  }

  @Test
  void checkWithHaltOnFailureOffOnlyWarns() throws Exception {
    CheckMojo mojo = check(rule("POLICY", limit("STATEMENT", "MISSEDCOUNT", null, "0")));
    mojo.haltOnFailure = false;
    mojo.execute();
    assertThat(log.lines).singleElement().asString().startsWith("[WARNING] IAMUnit coverage checks have not been met");
  }

  @Test
  void misconfiguredRulesNameTheRuleAndTheAllowedWords() {
    assertThatThrownBy(check(rule("CLASS", limit("STATEMENT", "COVEREDRATIO", "1", null)))::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("<rule> 1 of <rules>: <element>CLASS</element> is not one of [BUNDLE, TEMPLATE, POLICY, PRINCIPAL]");
    assertThatThrownBy(check(rule("BUNDLE", limit("LINE", "COVEREDRATIO", "1", null)))::execute)
        .hasMessage("<rule> 1 of <rules>: <counter>LINE</counter> is not one of [STATEMENT, ALLOW, DENY, CONDITION]");
    assertThatThrownBy(check(rule("BUNDLE", limit("STATEMENT", "COVEREDRATIO", null, null)))::execute)
        .hasMessage("<rule> 1 of <rules>: a <limit> needs a <minimum> or a <maximum>");
    assertThatThrownBy(check(rule("BUNDLE", limit("STATEMENT", "COVEREDRATIO", "lots", null)))::execute)
        .hasMessage("<rule> 1 of <rules>: 'lots' is not a limit: write a ratio (0.80), a percentage (80%) or a count");
  }

  @Test
  void baselineGoalWritesTheMissesAndCheckThenToleratesThem() throws Exception {
    BaselineMojo baseline = new BaselineMojo();
    baseline.setLog(log);
    baseline.dataDirectory = data.toFile();
    baseline.baseline = project.resolve("iamunit-baseline.txt").toFile();
    baseline.execute();
    assertThat(Files.readAllLines(project.resolve("iamunit-baseline.txt"))).last().isEqualTo("iam/ec2.json\tEc2\tAllowRun");

    CheckMojo mojo = check();
    mojo.baseline = baseline.baseline;
    mojo.execute();
    assertThat(log.lines).last().isEqualTo("[INFO] IAMUnit coverage checks have been met.");

    mojo.baseline = project.resolve("missing.txt").toFile();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageEndingWith("missing.txt does not exist: create it with mvn iamunit:baseline");
  }

  @Test
  void checkWithoutDataFailsSayingWhatToDo() {
    CheckMojo mojo = check();
    mojo.dataDirectory = project.resolve("nothing").toFile();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("run the IAMUnit tests first");
  }

  private CheckMojo check(RuleConfiguration... rules) {
    CheckMojo mojo = new CheckMojo();
    mojo.setLog(log);
    mojo.dataDirectory = data.toFile();
    mojo.sarifFile = data.resolve("iamunit.sarif").toFile();
    mojo.rules = List.of(rules);
    return mojo;
  }

  static RuleConfiguration rule(String element, LimitConfiguration... limits) {
    RuleConfiguration rule = new RuleConfiguration();
    rule.setElement(element);
    rule.setLimits(List.of(limits));
    return rule;
  }

  static LimitConfiguration limit(String counter, String value, String minimum, String maximum) {
    LimitConfiguration limit = new LimitConfiguration();
    limit.setCounter(counter);
    limit.setValue(value);
    limit.setMinimum(minimum);
    limit.setMaximum(maximum);
    return limit;
  }
}
