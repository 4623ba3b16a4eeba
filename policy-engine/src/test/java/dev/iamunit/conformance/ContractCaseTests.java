package dev.iamunit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.IamUnitException;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.jsonl.CaseFormat;
import dev.iamunit.jsonl.EvaluationCase;
import dev.iamunit.policy.InvalidPolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The 389 evaluation cases from iam-simulate's test suite (AGPL test data, read from ../shared at
 * test time, never copied). A case passes when our decision is the expected one; otherwise it
 * must be listed below with the reason, which cites AWS's documentation or the README beside the
 * cases.
 */
class ContractCaseTests {

  /** Cases whose expectation departs from AWS, by id prefix. */
  private static final Map<String, String> KNOWN_DIFFERENCES = Map.ofEntries(
      Map.entry("core_engine/coreEngineTests/resourceWildcards/",
          "iam-simulate expands wildcard request resources (DEVIATIONS.md 11); an AWS request names one resource, matched literally"),
      Map.entry("simulation_engine/simulationEngineIntegrationTests/resourcePatterns/",
          "wildcard request resources expanded by iam-simulate (DEVIATIONS.md 11)"),
      Map.entry("simulation_engine/simulationEngineIntegrationTests/mixedResults/",
          "wildcard request resources expanded by iam-simulate (DEVIATIONS.md 11)"),
      Map.entry("simulation_engine/simulationEngineIntegrationTests/multiResource/",
          "wildcard request resources expanded by iam-simulate (DEVIATIONS.md 11)"),
      Map.entry("simulation_engine/simulationEngineIntegrationTests/permissionBoundaries/exactPatternImplicitDenyRisks.json#1",
          "wildcard request resources expanded by iam-simulate (DEVIATIONS.md 11)"),
      Map.entry("simulation_engine/simulationEngineIntegrationTests/policyTypes/allowedPatterns.json#0",
          "wildcard request resources expanded by iam-simulate (DEVIATIONS.md 11)"),
      Map.entry("simulation_engine/simulationEngineIntegrationTests/contextKeys/conditionKeys.json#0",
          "wildcard request resource arn:aws:s3:::examplebucket/* expanded by iam-simulate (DEVIATIONS.md 11)"),
      Map.entry("core_engine/coreEngineTests/boundaryNotPrincipalDenyResource.json#0",
          "NotPrincipal lists the role but not its account: \"if the NotPrincipal element was missing the ARN of the AWS "
              + "account that the role belongs to, the effect of the policy might be to explicitly deny access to the AWS "
              + "account and all entities in that account\" (IAM User Guide, NotPrincipal, \"NotPrincipal with Deny\"), so the "
              + "Deny applies; iam-simulate exempts a caller when any of its layers is listed"),
      Map.entry("core_engine/coreEngineTests/sessionPolicies.json#7",
          "\"A resource-based policy can specify the ARN of the session as a principal. In that case, the permissions from the "
              + "resource-based policy are added after the session policy is applied\" (IAM User Guide, Session policies); "
              + "DEVIATIONS.md 3"));

  /**
   * Inputs AWS's policy validator refuses, which IAMUnit rejects with an error (README beside the
   * cases: "the policy.errors and unknown-action cases are inputs IAMUnit should reject").
   */
  private static final Map<String, String> REJECTED = Map.ofEntries(
      Map.entry("cannot have Principal", "an identity-based policy with Principal"),
      Map.entry("neither Principal nor NotPrincipal", "a resource-based policy without Principal"),
      Map.entry("Principal as a string must be \"*\"", "Principal given as a bare ARN string, which the policy grammar does not allow"),
      Map.entry("has spaces around it", "an action padded with spaces"),
      Map.entry("is not an action", "an action without a name after the service prefix"),
      Map.entry("malformed ARN", "a Resource that is not an ARN"));

  /**
   * Cases that describe no request AWS could receive, which the evaluator refuses with an error,
   * by id, with the reason.
   */
  private static final Map<String, String> REFUSED = Map.of(
      "simulation_engine/simulationEngineIntegrationTests/edgeCases/allowNotArnLike.json#0",
      "the account's root user with an identity-based policy: IAM attaches identity-based policies to users, groups and roles "
          + "(IAM User Guide, Identity-based policies and resource-based policies); and the root user cannot call "
          + "sts:AssumeRole at all: \"You cannot call AssumeRole by using AWS root account credentials; access is denied\" "
          + "(AWS STS API Reference, AssumeRole), where iam-simulate reads the root ARN as any principal and allows");

  private static Path cases() {
    return Path.of(System.getProperty("iamunit.shared", "../../shared"), "conformance", "iam-simulate", "contract-cases.jsonl");
  }

  @TestFactory
  Stream<DynamicTest> everyContractCase() throws IOException {
    List<String> lines = Files.readAllLines(cases());
    assertThat(lines).hasSize(389);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String source = "contract-cases.jsonl:" + (i + 1);
      String id = CaseFormat.idOf(line).orElseThrow();
      tests.add(DynamicTest.dynamicTest(id, () -> check(id, line, source)));
    }
    return tests.stream();
  }

  private static void check(String id, String line, String source) {
    EvaluationCase testCase;
    try {
      testCase = CaseFormat.read(line, source);
    } catch (InvalidPolicyException e) {
      assertThat(REJECTED.keySet()).as("rejected %s: %s", id, e.getMessage()).anyMatch(e.getMessage()::contains);
      return;
    }
    Decision decision;
    try {
      decision = Evaluator.standard().explain(testCase.request(), testCase.policies());
    } catch (IamUnitException e) {
      if (REFUSED.containsKey(id)) {
        return;
      }
      throw new AssertionError(id + ": " + e.getMessage(), e);
    }
    assertThat(REFUSED).as("%s is decided, not refused", id).doesNotContainKey(id);
    Optional<String> known = KNOWN_DIFFERENCES.entrySet().stream()
        .filter(entry -> id.startsWith(entry.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
    if (known.isPresent() && decision.outcome() != testCase.expected().orElseThrow()) {
      return;
    }
    assertThat(decision.outcome()).as("%s\n%s", id, DecisionText.explained(decision)).isEqualTo(testCase.expected().orElseThrow());
  }
}
