package dev.iamunit.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.coverage.Counter.Value;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate on the fixture run: statements 2 of 3, Allow 1 of 2, Deny 1 of 1, conditions 1 of 1. */
class CoverageCheckTests {

  private final CoverageAnalysis analysis = Fixture.analysis();

  @Test
  void aMinimumCoveredRatioOnTheBundleFailsNamingTheMissedStatements() {
    CheckResult result = CoverageCheck.of(List.of(
        CoverageRule.of(ElementKind.BUNDLE, Limit.minimum(CounterKind.STATEMENT, Value.COVEREDRATIO, "0.80")))).run(analysis);

    assertThat(result.passed()).isFalse();
    assertThat(result.violations()).singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("""
        Rule violated for all statements: statements covered ratio is 0.66, but expected minimum is 0.80; missed:
        Allow #2 at policies/ec2.json:19"""));
    assertThat(result.describe()).isEqualTo("""
        IAMUnit coverage checks have not been met (1 violation):
          Rule violated for all statements: statements covered ratio is 0.66, but expected minimum is 0.80; missed:
            Allow #2 at policies/ec2.json:19
        """);
  }

  @Test
  void ratiosAreComparedAtThePrecisionTheLimitIsWrittenWithAsJacocoDoes() {
    assertThat(check(ElementKind.BUNDLE, Limit.minimum(CounterKind.STATEMENT, Value.COVEREDRATIO, "0.66"))).isEmpty();
    assertThat(check(ElementKind.BUNDLE, Limit.minimum(CounterKind.STATEMENT, Value.COVEREDRATIO, "0.67"))).hasSize(1);
    assertThat(check(ElementKind.BUNDLE, Limit.minimum(CounterKind.STATEMENT, Value.COVEREDRATIO, "66%"))).isEmpty();
    assertThat(check(ElementKind.BUNDLE, Limit.minimum(CounterKind.STATEMENT, Value.COVEREDRATIO, "67%"))).hasSize(1);
    assertThat(check(ElementKind.BUNDLE, Limit.maximum(CounterKind.STATEMENT, Value.MISSEDRATIO, "0.3")))
        .containsExactly("Rule violated for all statements: statements missed ratio is 0.4, but expected maximum is 0.3; "
            + "missed:\nAllow #2 at policies/ec2.json:19");
  }

  @Test
  void eachCounterAndValueCanBeLimited() {
    assertThat(check(ElementKind.TEMPLATE, Limit.maximum(CounterKind.ALLOW, Value.MISSEDCOUNT, "0"))).containsExactly(
        "Rule violated for template policies/ec2.json: Allow statements missed count is 1, but expected maximum is 0; "
            + "missed:\nAllow #2 at policies/ec2.json:19");
    assertThat(check(ElementKind.POLICY, Limit.minimum(CounterKind.DENY, Value.COVEREDRATIO, "1.0"))).isEmpty();
    assertThat(check(ElementKind.POLICY, Limit.minimum(CounterKind.CONDITION, Value.COVEREDCOUNT, "2"))).containsExactly(
        "Rule violated for policy Ec2Access: conditions covered count is 1, but expected minimum is 2");
    assertThat(check(ElementKind.BUNDLE, Limit.minimum(CounterKind.STATEMENT, Value.TOTALCOUNT, "4"))).hasSize(1);
  }

  @Test
  void aConditionSeenOnlyOneWayIsListedWithTheOutcomeSeen() {
    CoverageRecorder recorder = new CoverageRecorder();
    var set = Fixture.policySet();
    recorder.record(set, Fixture.evaluate(set, "ec2:RunInstances", false), "t");
    CheckResult result = CoverageCheck.of(List.of(CoverageRule.of(ElementKind.BUNDLE,
        Limit.minimum(CounterKind.CONDITION, Value.COVEREDRATIO, "1.0")))).run(CoverageAnalysis.of(recorder.snapshot()));
    assertThat(result.violations()).extracting(Violation::message).containsExactly("""
        Rule violated for all statements: conditions covered ratio is 0.0, but expected minimum is 1.0; missed:
        Deny DenyRunWithoutMfa (policies/ec2.json:10) [BoolIfExists aws:MultiFactorAuthPresent "false" seen only true]""");
  }

  @Test
  void includesAndExcludesSelectElementsByGlob() {
    Limit strict = Limit.minimum(CounterKind.STATEMENT, Value.COVEREDRATIO, "1.0");
    assertThat(run(new CoverageRule(ElementKind.TEMPLATE, List.of("policies/*.json"), List.of(), List.of(strict)))).hasSize(1);
    assertThat(run(new CoverageRule(ElementKind.TEMPLATE, List.of("terraform/*"), List.of(), List.of(strict)))).isEmpty();
    assertThat(run(new CoverageRule(ElementKind.TEMPLATE, List.of(), List.of("*/ec2.js?n"), List.of(strict)))).isEmpty();
    assertThat(run(new CoverageRule(ElementKind.POLICY, List.of("Ec2*"), List.of(), List.of(strict)))).hasSize(1);
  }

  @Test
  void limitsReadRatiosPercentagesAndCountsAndRejectAnythingElse() {
    assertThat(Limit.parse("0.80")).isEqualByComparingTo("0.8");
    assertThat(Limit.parse(" 80% ")).isEqualByComparingTo("0.8");
    assertThat(Limit.parse("3")).isEqualByComparingTo("3");
    assertThatThrownBy(() -> Limit.parse("most")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'most' is not a limit: write a ratio (0.80), a percentage (80%) or a count");
  }

  @Test
  void requiredSidsMustExistAndBeCovered() {
    StatementCoverage s3 = analysis.statements().get(2);
    var named = new StatementCoverage(s3.key(), java.util.Optional.of("ReadReports"), s3.effect(), s3.policy(), s3.address(),
        true, List.of(), 0, 0, 3, 0, 0, 0, List.of(), List.of(), List.of());
    CoverageAnalysis withSid = CoverageAnalysis.of(List.of(analysis.statements().get(0), analysis.statements().get(1), named));

    CheckResult result = CoverageCheck.of(List.of()).requiringSids(List.of("DenyRunWithoutMfa", "ReadReports", "Typo"))
        .run(withSid);
    assertThat(result.violations()).extracting(Violation::message).containsExactly(
        "Required Sid ReadReports (policies/ec2.json:19, Allow in Ec2Access) was not exercised by any test",
        "Required Sid Typo is in no loaded template: fix the Sid in <requiredSids> or load the template that holds it");
    assertThat(result.violations().get(0).file()).isEqualTo("policies/ec2.json");
    assertThat(result.violations().get(0).line()).isEqualTo(19);
  }

  @Test
  void aBaselineToleratesItsMissesFailsNewOnesAndSaysWhenItCanShrink(@TempDir Path dir) throws Exception {
    Path file = Baseline.of(analysis).write(dir.resolve("iamunit-baseline.txt"));
    assertThat(Files.readAllLines(file)).last().isEqualTo("policies/ec2.json\tEc2Access\t#2");
    assertThat(CoverageCheck.of(List.of()).withBaseline(Baseline.read(file)).run(analysis).describe())
        .isEqualTo("IAMUnit coverage checks have been met.\n");

    // A run that misses AllowEc2 too (only the Deny decides), and covers the s3 statement.
    CoverageRecorder recorder = new CoverageRecorder();
    var set = Fixture.policySet();
    recorder.recordInventory(set.policies());
    recorder.record(set, Fixture.evaluate(set, "ec2:RunInstances", false), "Ec2Tests.denied");
    Request read = Request.of(Fixture.USER, "s3:GetObject", "arn:aws:s3:::reports/q1.csv", RequestContext.empty());
    recorder.record(set, Evaluator.standard().explain(read, set), "S3Tests.read");
    CheckResult result = CoverageCheck.of(List.of()).withBaseline(Baseline.read(file)).run(CoverageAnalysis.of(recorder.snapshot()));

    assertThat(result.violations()).extracting(Violation::message).containsExactly(
        "New missed statement Allow AllowEc2 (policies/ec2.json:4) in Ec2Access applied 1 time(s) but never decided: "
            + "another statement always overrode it; it is not in the baseline: add a test for it");
    assertThat(result.notes()).containsExactly("""
        The baseline can shrink: 1 of its statements are covered now or gone; remove these lines:
          policies/ec2.json Ec2Access #2""");
  }

  private List<String> check(ElementKind element, Limit limit) {
    return run(CoverageRule.of(element, limit));
  }

  private List<String> run(CoverageRule rule) {
    return CoverageCheck.of(List.of(rule)).run(analysis).violations().stream().map(Violation::message).toList();
  }
}
