package dev.iamunit.oracle.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannedPoliciesTests {

  /**
   * A queue whose policy attribute the configuration does not write is planned "known after
   * apply" by the provider; only what the configuration writes is a policy someone declared.
   */
  @Test
  void listsThePolicyAttributesTheConfigurationWrites(@TempDir Path dir) throws Exception {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, """
        {"format_version": "1.2",
         "resource_changes": [
           {"address": "aws_sqs_queue.q", "mode": "managed", "type": "aws_sqs_queue",
            "change": {"after": {"name": "q"}, "after_unknown": {"policy": true}}},
           {"address": "aws_sqs_queue_policy.q", "mode": "managed", "type": "aws_sqs_queue_policy",
            "change": {"after": {}, "after_unknown": {"policy": true}}},
           {"address": "module.m.aws_iam_role.r[\\"a\\"]", "mode": "managed", "type": "aws_iam_role",
            "change": {"after": {"assume_role_policy": "{\\"Statement\\": []}",
                                 "inline_policy": [{"name": "x", "policy": "{}"}]}, "after_unknown": {}}},
           {"address": "aws_organizations_policy.tags", "mode": "managed", "type": "aws_organizations_policy",
            "change": {"after": {"content": "{}"}, "after_unknown": {}}},
           {"address": "data.aws_iam_policy_document.d", "mode": "data", "type": "aws_iam_policy_document",
            "change": {"after": {"json": "{}"}, "after_unknown": {}}}],
         "configuration": {"root_module": {
           "resources": [
             {"address": "aws_sqs_queue.q", "expressions": {"name": {}}},
             {"address": "aws_sqs_queue_policy.q", "expressions": {"policy": {}}},
             {"address": "aws_organizations_policy.tags", "expressions": {"content": {}}}],
           "module_calls": {"m": {"module": {"resources": [
             {"address": "aws_iam_role.r", "expressions": {"assume_role_policy": {}, "inline_policy": [{}]}}]}}}}}}
        """);
    assertThat(PlannedPolicies.in(plan)).containsExactlyInAnyOrder(
        new PlannedPolicies.Planned("aws_sqs_queue_policy.q", "policy"),
        new PlannedPolicies.Planned("module.m.aws_iam_role.r[\"a\"]", "assume_role_policy"),
        new PlannedPolicies.Planned("module.m.aws_iam_role.r[\"a\"]", "inline_policy[0].policy"),
        new PlannedPolicies.Planned("aws_organizations_policy.tags", "content"));
  }

  @Test
  void aLoadAccountsForAResourceItHoldsOrReports() {
    SourceLocation at = new SourceLocation("plan.json#x", 0, 0, "aws_sqs_queue_policy.q");
    LoadReport report = new LoadReport(List.of(), List.of(),
        List.of(Unresolved.of("aws_sqs_queue_policy.q.policy", at, "known only after apply")), List.of());
    assertThat(PlannedPolicies.accountedFor("aws_sqs_queue_policy.q", report)).isTrue();
    assertThat(PlannedPolicies.accountedFor("aws_ecr_repository_policy.p", report)).isFalse();
  }
}
