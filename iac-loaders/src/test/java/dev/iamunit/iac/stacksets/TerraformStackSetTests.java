package dev.iamunit.iac.stacksets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.Outcome;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import dev.iamunit.model.Unresolved;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 24: Terraform's {@code aws_cloudformation_stack_set} with {@code template_body} and its
 * {@code aws_cloudformation_stack_set_instance}s; an OU target expands through the organization the
 * same configuration declares ({@code stack-sets/terraform}).
 */
class TerraformStackSetTests {

  static final Path SOURCES = Path.of("src/test/resources/stack-sets/terraform");

  static LoadedSources load(String accountId) {
    return SourceFormats.standard().load(List.of(SOURCES), LoadOptions.defaults().withAccountId(accountId));
  }

  /** deploy-role targets the Workloads OU (prod, dev); reader has no targets, so "Defaults to current account". */
  @ParameterizedTest(name = "account {0}: deploy role {1}, reader role {2}")
  @CsvSource({
      "111111111111, true,  true",
      "222222222222, true,  true",
      "333333333333, false, true",   // sandbox is under the root, not Workloads
  })
  void anOuTargetDeploysToTheOusAccounts(String accountId, boolean deploy, boolean reader) {
    Account account = load(accountId).account();

    assertThat(account.role("deploy").isPresent()).isEqualTo(deploy);
    assertThat(account.role("reader").isPresent()).isEqualTo(reader);
  }

  @Test
  void theInstancesRoleIsEvaluatedWithTheStackSetsParameters() {
    Account prod = load("111111111111").account();

    assertThat(prod.role("deploy").orElseThrow().trustPolicy().orElseThrow().statements().get(0).principal().orElseThrow()
        .byType().get("AWS")).containsExactly("arn:aws:iam::999999999999:role/pipeline");
    Decision decision = Evaluator.standard().explain(Caller.roleSession(prod, "deploy", "pipeline").request("lambda:UpdateFunctionCode",
        "arn:aws:lambda:us-east-1:111111111111:function:api", CredentialKind.ASSUMED_ROLE, Instant.parse("2026-01-01T00:00:00Z"), Map.of()));
    assertThat(decision.outcome()).as(DecisionText.explained(decision)).isEqualTo(Outcome.ALLOWED);
  }

  /** One load holds the instance in every target: dev (under Workloads) gets deploy too, in its own account's ARNs. */
  @Test
  void oneLoadPutsTheTemplateIntoEveryTargetAccount() {
    LoadedSources prod = load("111111111111");

    assertThat(prod.report().problems()).isEmpty();
    assertThat(prod.report().unresolved()).extracting(Unresolved::reason).noneMatch(r -> r.startsWith("stack set"));
    Account dev = prod.accounts().byId("222222222222").orElseThrow();
    assertThat(dev.role("deploy")).hasValueSatisfying(r -> assertThat(r.arn()).isEqualTo("arn:aws:iam::222222222222:role/deploy"));
    assertThat(prod.accounts().byId("333333333333")).hasValueSatisfying(sandbox -> assertThat(sandbox.role("deploy")).isEmpty());
  }
}
