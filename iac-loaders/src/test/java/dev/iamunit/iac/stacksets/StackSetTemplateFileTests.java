package dev.iamunit.iac.stacksets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: a stack set's local template ({@code TemplateURL: audit-role.yaml}) usually sits
 * beside the template that declares the stack set, and a folder load reads both. The file is the
 * stack set's template, deployed to its target accounts, not a stack of its own in the loaded
 * account: loaded as one, its roles would exist where nothing deploys them, and a test there
 * would decide for a principal AWS never creates. "A stack set lets you create stacks in AWS
 * accounts across regions by using a single CloudFormation template" (CloudFormation User Guide,
 * StackSets concepts): the template becomes stacks only as the stack set's instances.
 */
class StackSetTemplateFileTests {

  @TempDir
  Path dir;

  @Test
  void aStackSetsLocalTemplateInTheLoadedFolderDeploysOnlyToTheStackSetsTargets() throws IOException {
    Path source = CloudFormationStackSetTests.STACK_SETS.getParent();
    Files.copy(source.resolve("stack-sets.yaml"), dir.resolve("stack-sets.yaml"));
    Files.copy(source.resolve("audit-role.yaml"), dir.resolve("audit-role.yaml"));

    LoadedSources loaded = SourceFormats.standard().load(List.of(dir),
        LoadOptions.defaults().withAccountId("999999999999").withProjectRoot(dir).withBundledAwsManagedPolicies());

    assertThat(loaded.account().roles()).as("the security account deploys the stack set, not its template").isEmpty();
    assertThat(loaded.accounts().byId("111111111111").orElseThrow().roles()).containsOnlyKeys("audit-readonly");
    assertThat(loaded.accounts().byId("222222222222").orElseThrow().roles()).containsOnlyKeys("audit-readonly", "break-glass");
    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.report().files()).anySatisfy(f -> assertThat(f).endsWith("audit-role.yaml"));
  }

  /** A template no stack set names stays a stack of the loaded account, beside one that a stack set names. */
  @Test
  void aTemplateNoStackSetNamesIsStillAStackOfTheLoadedAccount() throws IOException {
    Path source = CloudFormationStackSetTests.STACK_SETS.getParent();
    Files.copy(source.resolve("audit-role.yaml"), dir.resolve("audit-role.yaml"));
    Files.writeString(dir.resolve("own.yaml"), """
        Resources:
          Own:
            Type: AWS::IAM::Role
            Properties:
              RoleName: own
              AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [] }
        """);

    LoadedSources loaded = SourceFormats.standard().load(List.of(dir),
        LoadOptions.defaults().withAccountId("999999999999").withProjectRoot(dir).withBundledAwsManagedPolicies());

    assertThat(loaded.account().roles()).containsOnlyKeys("audit-readonly", "own");
  }

  /**
   * The same in Terraform: a stack set's {@code template_body = file("audit.yaml")} reads the file
   * as its template's input, and the folder's CloudFormation does not load it again as a stack of
   * the loaded account.
   */
  @Test
  void aFileATerraformStackSetReadsIsItsTemplateNotAStackOfTheLoadedAccount() throws IOException {
    Files.writeString(dir.resolve("audit.yaml"), """
        Resources:
          Audit:
            Type: AWS::IAM::Role
            Properties:
              RoleName: audit
              AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [] }
        """);
    Files.writeString(dir.resolve("main.tf"), """
        resource "aws_cloudformation_stack_set" "audit" {
          name             = "audit"
          permission_model = "SELF_MANAGED"
          template_body    = file("${path.module}/audit.yaml")
        }
        resource "aws_cloudformation_stack_set_instance" "prod" {
          stack_set_name = aws_cloudformation_stack_set.audit.name
          account_id     = "111111111111"
        }
        """);

    LoadedSources loaded = SourceFormats.standard().load(List.of(dir),
        LoadOptions.defaults().withAccountId("999999999999").withProjectRoot(dir).withBundledAwsManagedPolicies());

    assertThat(loaded.report().inputs()).as("inputs").containsExactly(dir.resolve("audit.yaml").toAbsolutePath().normalize());
    assertThat(loaded.accounts().byId("999999999999").map(a -> a.roles().keySet()).orElse(java.util.Set.of()))
        .as("the loaded account deploys the stack set, not its template").isEmpty();
    assertThat(loaded.accounts().byId("111111111111").orElseThrow().roles()).containsOnlyKeys("audit");
    assertThat(loaded.report().files()).as("read once, as the stack set's template").doesNotContain("audit.yaml");
    assertThat(loaded.report().problems()).isEmpty();
  }
}
