package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan lists the id and ARN of a resource it creates as known after apply, but its {@code
 * configuration} says which resource an argument refers to ({@code expressions.role.references},
 * Terraform's "JSON Output Format", "Configuration Representation"), and the provider
 * configuration each resource uses ({@code provider_config_key}). The plan loader reads both:
 * {@code role = aws_iam_role.r.id} is the role's name ("id - Name of the role", Terraform Registry,
 * aws_iam_role, Attribute Reference), and a resource created through an aliased provider that
 * assumes a role in account 999999999999 is in that account. The plan below has the shape
 * {@code terraform show -json} gives for such a configuration (Terraform 1.11, AWS provider 5.100).
 */
class PlanReferenceTests {

  @TempDir
  Path dir;

  private static final String POLICY = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
      + "\\\"Action\\\":\\\"s3:GetObject\\\",\\\"Resource\\\":\\\"*\\\"}]}";

  private static final String TRUST = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
      + "\\\"Action\\\":\\\"sts:AssumeRole\\\",\\\"Principal\\\":{\\\"Service\\\":\\\"ec2.amazonaws.com\\\"}}]}";

  private static String change(String address, String module, String type, String name, String after, String afterUnknown) {
    return """
        {"address": "%s", %s"mode": "managed", "type": "%s", "name": "%s", "provider_name": "registry.terraform.io/hashicorp/aws",
         "change": {"actions": ["create"], "before": null, "after": %s, "after_unknown": %s}}
        """.formatted(address, module.isEmpty() ? "" : "\"module_address\": \"" + module + "\", ", type, name, after, afterUnknown);
  }

  private static final String PLAN = """
      {"format_version": "1.2", "terraform_version": "1.11.0",
       "variables": {"unset_prefix": {"value": "team"}},
       "resource_changes": [
      %s, %s, %s, %s, %s, %s, %s
       ],
       "configuration": {
        "provider_config": {
         "aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws", "expressions": {"region": {"constant_value": "eu-west-1"}}},
         "aws.shared": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws", "alias": "shared",
          "expressions": {"region": {"constant_value": "us-west-2"},
           "assume_role": [{"role_arn": {"constant_value": "arn:aws:iam::999999999999:role/terraform"}}]}}
        },
        "root_module": {
         "resources": [
          {"address": "aws_iam_role.reader", "mode": "managed", "type": "aws_iam_role", "name": "reader", "provider_config_key": "aws",
           "expressions": {"name": {"constant_value": "reader"}, "assume_role_policy": {}}},
          {"address": "aws_iam_role_policy.reader", "mode": "managed", "type": "aws_iam_role_policy", "name": "reader",
           "provider_config_key": "aws", "expressions": {"role": {"references": ["aws_iam_role.reader.id", "aws_iam_role.reader"]}}},
          {"address": "aws_iam_role.unnamed", "mode": "managed", "type": "aws_iam_role", "name": "unnamed", "provider_config_key": "aws",
           "expressions": {"assume_role_policy": {}}},
          {"address": "aws_iam_role_policy.unnamed", "mode": "managed", "type": "aws_iam_role_policy", "name": "unnamed",
           "provider_config_key": "aws", "expressions": {"role": {"references": ["aws_iam_role.unnamed.id", "aws_iam_role.unnamed"]}}},
          {"address": "aws_iam_role_policy.prefixed", "mode": "managed", "type": "aws_iam_role_policy", "name": "prefixed",
           "provider_config_key": "aws",
           "expressions": {"role": {"references": ["var.unset_prefix", "aws_iam_role.reader.id", "aws_iam_role.reader"]}}}
         ],
         "module_calls": {"shared": {"source": "./child", "module": {"resources": [
          {"address": "aws_iam_role.deployer", "mode": "managed", "type": "aws_iam_role", "name": "deployer",
           "provider_config_key": "aws.shared", "expressions": {"name": {"constant_value": "deployer"}}},
          {"address": "aws_iam_role_policy_attachment.deploy", "mode": "managed", "type": "aws_iam_role_policy_attachment",
           "name": "deploy", "provider_config_key": "aws.shared",
           "expressions": {"role": {"references": ["aws_iam_role.deployer.name", "aws_iam_role.deployer"]},
            "policy_arn": {"constant_value": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}}
         ]}}}
        }
       }
      }
      """.formatted(
      change("aws_iam_role.reader", "", "aws_iam_role", "reader",
          "{\"name\": \"reader\", \"path\": \"/\", \"assume_role_policy\": \"" + TRUST + "\"}", "{\"arn\": true, \"id\": true}"),
      change("aws_iam_role_policy.reader", "", "aws_iam_role_policy", "reader",
          "{\"name\": \"read\", \"policy\": \"" + POLICY + "\"}", "{\"id\": true, \"role\": true}"),
      change("aws_iam_role.unnamed", "", "aws_iam_role", "unnamed",
          "{\"path\": \"/\", \"assume_role_policy\": \"" + TRUST + "\"}", "{\"arn\": true, \"id\": true, \"name\": true}"),
      change("aws_iam_role_policy.unnamed", "", "aws_iam_role_policy", "unnamed",
          "{\"name\": \"tasks\", \"policy\": \"" + POLICY + "\"}", "{\"id\": true, \"role\": true}"),
      change("aws_iam_role_policy.prefixed", "", "aws_iam_role_policy", "prefixed",
          "{\"name\": \"prefixed\", \"policy\": \"" + POLICY + "\"}", "{\"id\": true, \"role\": true}"),
      change("module.shared.aws_iam_role.deployer", "module.shared", "aws_iam_role", "deployer",
          "{\"name\": \"deployer\", \"path\": \"/\", \"assume_role_policy\": \"" + TRUST + "\"}", "{\"arn\": true, \"id\": true}"),
      change("module.shared.aws_iam_role_policy_attachment.deploy", "module.shared", "aws_iam_role_policy_attachment", "deploy",
          "{\"policy_arn\": \"arn:aws:iam::aws:policy/ReadOnlyAccess\"}", "{\"id\": true, \"role\": true}"));

  private Account account;
  private LoadReport report;

  private void load() throws IOException {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, PLAN);
    Account.Builder builder = Account.builder();
    report = TerraformPlanLoader.loadInto(plan, LoadOptions.defaults().withProjectRoot(dir), builder);
    account = builder.build();
  }

  @Test
  void anInlinePolicyAttachesThroughTheIdItsConfigurationRefersTo() throws IOException {
    load();
    assertThat(account.role("reader").orElseThrow().inlinePolicies()).extracting(Policy::name).containsExactly("read");
  }

  @Test
  void aRoleWhoseNameIsGeneratedKeepsWhatRefersToItsId() throws IOException {
    load();
    assertThat(account.role("aws_iam_role.unnamed").orElseThrow().inlinePolicies()).extracting(Policy::name).containsExactly("tasks");
  }

  @Test
  void anArgumentBuiltFromMoreThanOneReferenceStaysUnresolved() throws IOException {
    load();
    // role = "${var.unset_prefix}-${aws_iam_role.reader.id}", say: not the reader role.
    assertThat(account.role("reader").orElseThrow().inlinePolicies()).extracting(Policy::name).doesNotContain("prefixed");
    assertThat(report.unresolved()).anySatisfy(u -> {
      assertThat(u.expression()).isEqualTo("aws_iam_role_policy.prefixed.role");
      assertThat(u.reason()).isEqualTo("known only after apply (after_unknown in the plan)");
    });
  }

  @Test
  void aResourceOfAnAliasedProviderIsInThatProvidersAccount() throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.json"), PLAN);
    LoadedSources loaded = SourceFormats.standard().load(List.of(plan), LoadOptions.defaults().withProjectRoot(dir));
    Account home = loaded.accounts().home();
    Account shared = loaded.accounts().byId("999999999999").orElseThrow();

    assertThat(home.id()).isEqualTo("123456789012");
    assertThat(home.role("reader").orElseThrow().arn()).isEqualTo("arn:aws:iam::123456789012:role/reader");
    assertThat(shared.role("deployer").orElseThrow().arn()).isEqualTo("arn:aws:iam::999999999999:role/deployer");
    assertThat(shared.role("deployer").orElseThrow().managedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
    assertThat(shared.region()).isEqualTo("us-west-2");
    assertThat(loaded.report().unresolved()).extracting(Unresolved::expression).doesNotContain("aws_iam_role_policy.reader.role",
        "aws_iam_role_policy.unnamed.role", "module.shared.aws_iam_role_policy_attachment.deploy.role");
  }
}
