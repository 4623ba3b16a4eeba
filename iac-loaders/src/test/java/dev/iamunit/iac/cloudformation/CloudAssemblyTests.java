package dev.iamunit.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.eval.Caller;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Role;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: an AWS CDK cloud assembly is a source ({@code cdkOut}). The fixture
 * {@code src/test/resources/cdk/orders-app} (its README says how to regenerate it with the real
 * {@code cdk synth}) has two stacks, one importing the other's export as the CDK writes
 * cross-stack references, one of them with a stack name of its own and one with a nested stack.
 */
class CloudAssemblyTests {

  static final Path APP = Path.of("src/test/resources/cdk/orders-app").toAbsolutePath();
  static final Path CDK_OUT = APP.resolve("cdk.out");

  private static final SourceFormats FORMATS = SourceFormats.standard();

  private static LoadOptions options() {
    return LoadOptions.defaults().withProjectRoot(APP).withAwsManagedPolicies(arn -> Optional.empty());
  }

  private static List<String> resources(Role role) {
    return role.inlinePolicies().stream().flatMap(p -> p.statements().stream()).map(Statement::resource)
        .flatMap(r -> r.orElseThrow().values().stream()).toList();
  }

  @Test
  void aCloudAssemblyAndTheAppThatHoldsItAreTheCdkOutFormat() {
    assertThat(FORMATS.source(CDK_OUT).format().name()).isEqualTo("cdkOut");
    assertThat(FORMATS.source(APP).format().name()).isEqualTo("cdkOut");
    assertThat(FORMATS.sources(APP)).extracting(s -> s.format().name()).containsExactly("cdkOut");
    assertThat(FORMATS.sources(CDK_OUT)).extracting(s -> s.format().name()).containsExactly("cdkOut");
    assertThat(FORMATS.named("cdkOut")).isPresent();
  }

  @Test
  void principalsAreFoundByTheirConstructPath() {
    Account account = FORMATS.load(List.of(CDK_OUT), options()).account();

    Role reader = account.role("Data/Reader").orElseThrow();
    assertThat(account.role("Data/Reader/Resource")).containsSame(reader);
    assertThat(account.role("ReaderD3C8E9A2")).containsSame(reader);
    assertThat(Unresolved.replacePlaceholders(reader.name(), "<?>")).isEqualTo("Data-ReaderD3C8E9A2-<?>");
    assertThat(resources(reader)).containsExactly("arn:aws:s3:::orders-data", "arn:aws:s3:::orders-data/*");
  }

  /** The Api stack is deployed as "orders-api": the names CloudFormation generates in it start with that. */
  @Test
  void aStackImportsAnotherStacksExportUnderItsOwnStackName() {
    LoadedSources loaded = FORMATS.load(List.of(CDK_OUT), options());

    Role handler = loaded.account().role("Api/Handler/ServiceRole").orElseThrow();
    assertThat(Unresolved.replacePlaceholders(handler.name(), "<?>")).isEqualTo("orders-api-HandlerServiceRoleFCDC14AE-<?>");
    assertThat(resources(handler)).containsExactly("arn:aws:s3:::orders-data/incoming/*");
    assertThat(loaded.report().unresolved()).extracting(Unresolved::expression).noneMatch(e -> e.startsWith("Fn::ImportValue"));
  }

  @Test
  void aNestedStackLoadsFromItsAssetWithTheParametersItIsPassed() {
    LoadedSources loaded = FORMATS.load(List.of(APP), options());

    Role auditor = loaded.account().role("Data/Audit/Auditor").orElseThrow();
    assertThat(auditor.name()).isEqualTo("auditor");
    assertThat(resources(auditor)).containsExactly("arn:aws:s3:::orders-data");
    assertThat(auditor.location().file()).isEqualTo("cdk.out/DataAudit3C9D1B2E.nested.template.json");
    assertThat(loaded.report().files()).contains("cdk.out/Data.template.json", "cdk.out/Api.template.json",
        "cdk.out/DataAudit3C9D1B2E.nested.template.json");
    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.account().roles()).hasSize(3);
  }

  /**
   * The manifest's {@code environment} (aws://111111111111/eu-west-1 for both stacks of the
   * fixture) is where the stacks deploy: their AWS::AccountId and AWS::Region, the ARNs of their
   * principals, and the account model, rather than the load options' 123456789012 in us-east-1.
   */
  @Test
  void theManifestsEnvironmentIsTheStacksAccountAndRegion() {
    Account account = FORMATS.load(List.of(CDK_OUT), options()).account();

    assertThat(account.id()).isEqualTo("111111111111");
    assertThat(account.role("Data/Reader").orElseThrow().arn()).startsWith("arn:aws:iam::111111111111:role/Data-ReaderD3C8E9A2-");
    // The nested stack deploys where its parent does: its Ref AWS::AccountId is the manifest's account.
    Role auditor = account.role("Data/Audit/Auditor").orElseThrow();
    assertThat(auditor.trustPolicy().orElseThrow().statements().get(0).principal().orElseThrow().byType().get("AWS"))
        .containsExactly("arn:aws:iam::111111111111:root");
  }

  private static final String ROLE_TEMPLATE = """
      {"Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": {"Fn::Sub": "%s-${AWS::Region}"},
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
          "Principal": {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}}, "Action": "sts:AssumeRole"}]}}}}}
      """;

  /**
   * An environment-agnostic stack ({@code aws://unknown-account/unknown-region}, or no
   * environment) takes the load options' account and Region; a stack whose environment fixes them
   * has its own, and a Region of another partition its partition; its principals are in its account.
   */
  @Test
  void eachStackTakesItsEnvironmentAndAnAgnosticStackTheLoadOptions(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("manifest.json"), """
        {"version": "36.0.0", "artifacts": {
          "Agnostic": {"type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region",
            "properties": {"templateFile": "Agnostic.template.json"}},
          "China": {"type": "aws:cloudformation:stack", "environment": "aws://222222222222/cn-north-1",
            "properties": {"templateFile": "China.template.json"}},
          "Silent": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "Silent.template.json"}}}}
        """);
    for (String stack : List.of("Agnostic", "China", "Silent")) {
      Files.writeString(dir.resolve(stack + ".template.json"), ROLE_TEMPLATE.formatted(stack.toLowerCase(java.util.Locale.ROOT)));
    }

    LoadedSources loaded = FORMATS.load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir).withRegion("eu-central-1"));
    Account account = loaded.account();

    assertThat(account.role("agnostic-eu-central-1").orElseThrow().trustPolicy().orElseThrow().statements().get(0).principal()
        .orElseThrow().byType().get("AWS")).containsExactly("arn:aws:iam::123456789012:root");
    // The China stack deploys into account 222222222222, which the load holds beside the options' account.
    Role china = loaded.accounts().byId("222222222222").orElseThrow().role("china-cn-north-1").orElseThrow();
    assertThat(china.arn()).isEqualTo("arn:aws-cn:iam::222222222222:role/china-cn-north-1");
    assertThat(china.trustPolicy().orElseThrow().statements().get(0).principal().orElseThrow().byType().get("AWS"))
        .containsExactly("arn:aws-cn:iam::222222222222:root");
    assertThat(account.role("silent-eu-central-1")).isPresent();
    assertThat(account.id()).isEqualTo("123456789012");
  }

  /**
   * A stack's env sets the account and the region of its resources: each account takes the region
   * its stacks deploy to ({@code Account.region}, ARCHITECTURE.md "One region per account"), as it
   * takes a Terraform provider's, so its principals' requests name that region
   * ({@code aws:RequestedRegion}) and their default resources are there. An environment-agnostic
   * stack deploys to the region the load is given ("environment-agnostic stacks ... will use the
   * account and Region configured for the AWS CLI", AWS CDK Developer Guide, "Environments").
   */
  @Test
  void eachAccountTakesTheRegionItsStacksEnvironmentNames(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("manifest.json"), """
        {"version": "36.0.0", "artifacts": {
          "Prod": {"type": "aws:cloudformation:stack", "environment": "aws://111111111111/eu-west-1",
            "properties": {"templateFile": "Prod.template.json"}},
          "Dev": {"type": "aws:cloudformation:stack", "environment": "aws://222222222222/ap-southeast-2",
            "properties": {"templateFile": "Dev.template.json"}},
          "DevMore": {"type": "aws:cloudformation:stack", "environment": "aws://222222222222/ap-southeast-2",
            "properties": {"templateFile": "DevMore.template.json"}},
          "Tools": {"type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region",
            "properties": {"templateFile": "Tools.template.json"}}}}
        """);
    for (String stack : List.of("Prod", "Dev", "DevMore", "Tools")) {
      Files.writeString(dir.resolve(stack + ".template.json"), ROLE_TEMPLATE.formatted(stack.toLowerCase(java.util.Locale.ROOT)));
    }

    LoadedSources loaded = FORMATS.load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir).withRegion("eu-central-1"));

    Account prod = loaded.accounts().byId("111111111111").orElseThrow();
    Account dev = loaded.accounts().byId("222222222222").orElseThrow();
    Account tools = loaded.accounts().byId("123456789012").orElseThrow();
    assertThat(prod.region()).isEqualTo("eu-west-1");
    assertThat(dev.region()).isEqualTo("ap-southeast-2");
    assertThat(tools.region()).isEqualTo("eu-central-1");
    assertThat(dev.role("devmore-ap-southeast-2")).isPresent();
    Caller deployer = Caller.roleSession(loaded.accounts(), dev, "dev-ap-southeast-2", "deploy");
    assertThat(deployer.context(CredentialKind.ASSUMED_ROLE, Instant.EPOCH).get("aws:RequestedRegion"))
        .hasValueSatisfying(v -> assertThat(v.values()).containsExactly("ap-southeast-2"));
  }

  /** Two stacks of one account in two regions: the model holds one region per account, so the load's stays. */
  @Test
  void anAccountWhoseStacksDeployToTwoRegionsKeepsTheLoadsRegion(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("manifest.json"), """
        {"version": "36.0.0", "artifacts": {
          "West": {"type": "aws:cloudformation:stack", "environment": "aws://111111111111/eu-west-1",
            "properties": {"templateFile": "West.template.json"}},
          "East": {"type": "aws:cloudformation:stack", "environment": "aws://111111111111/us-east-2",
            "properties": {"templateFile": "East.template.json"}}}}
        """);
    for (String stack : List.of("West", "East")) {
      Files.writeString(dir.resolve(stack + ".template.json"), ROLE_TEMPLATE.formatted(stack.toLowerCase(java.util.Locale.ROOT)));
    }

    Account account = FORMATS.load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir).withRegion("eu-central-1")).account();

    assertThat(account.id()).isEqualTo("111111111111");
    assertThat(account.role("west-eu-west-1")).isPresent();
    assertThat(account.role("east-us-east-2")).isPresent();
    assertThat(account.region()).isEqualTo("eu-central-1");
  }

  @Test
  void anEnvironmentNotInTheFormCdkWritesIsAnError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("manifest.json"), """
        {"version": "36.0.0", "artifacts": {"Odd": {"type": "aws:cloudformation:stack", "environment": "111111111111",
          "properties": {"templateFile": "Odd.template.json"}}}}
        """);
    Files.writeString(dir.resolve("Odd.template.json"), ROLE_TEMPLATE.formatted("odd"));

    assertThatThrownBy(() -> FORMATS.load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir)))
        .isInstanceOf(TemplateException.class)
        .hasMessage("manifest.json:1:37: the environment of stack Odd is 111111111111, not aws://ACCOUNT/REGION as cdk synth writes it");
  }

  /** A stage is a cloud assembly of its own, in the folder its artifact's directoryName names. */
  @Test
  void theStacksOfAStageLoadFromItsAssembly(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("manifest.json"), """
        {"version": "36.0.0", "artifacts": {"assembly-Prod": {"type": "cdk:cloud-assembly",
          "properties": {"directoryName": "assembly-Prod", "displayName": "Prod"}}}}
        """);
    Files.createDirectories(dir.resolve("assembly-Prod"));
    Files.writeString(dir.resolve("assembly-Prod/manifest.json"), """
        {"version": "36.0.0", "artifacts": {"ProdData": {"type": "aws:cloudformation:stack",
          "properties": {"templateFile": "ProdData.template.json", "stackName": "Prod-Data"}}}}
        """);
    Files.writeString(dir.resolve("assembly-Prod/ProdData.template.json"), """
        {"Resources": {"Role1A2B3C4D": {"Type": "AWS::IAM::Role", "Metadata": {"aws:cdk:path": "Prod/Data/Role/Resource"},
          "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}}}
        """);

    Account account = FORMATS.load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir)).account();

    Role role = account.role("Prod/Data/Role").orElseThrow();
    assertThat(Unresolved.replacePlaceholders(role.name(), "<?>")).isEqualTo("Prod-Data-Role1A2B3C4D-<?>");
  }

  @Test
  void aManifestThatNamesAMissingTemplateSaysToSynthAgain(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("manifest.json"), """
        {"version": "36.0.0", "artifacts": {"Gone": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "Gone.template.json"}}}}
        """);

    assertThatThrownBy(() -> FORMATS.load(List.of(dir), LoadOptions.defaults().withProjectRoot(dir)))
        .isInstanceOf(TemplateException.class)
        .hasMessage("manifest.json:1:37: Gone.template.json is not in the cloud assembly " + dir + "; run cdk synth again");
  }
}
