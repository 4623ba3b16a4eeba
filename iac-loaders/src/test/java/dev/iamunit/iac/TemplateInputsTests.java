package dev.iamunit.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.model.Account;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file a template reads as its input is that template's, not a source of its own (issue 26,
 * loaders26): a folder load finds a nested stack's template, a SAM application's and a stack set's
 * beside the template that names it, and loads each once, where the naming template deploys it,
 * whichever of the two files is found first. A nested stack "is a stack created as part of other
 * stacks" (CloudFormation User Guide, "Split a template into reusable pieces using nested stacks"),
 * and a stack set's template becomes stacks only as its instances ("A stack set lets you create
 * stacks in AWS accounts across regions by using a single CloudFormation template",
 * CloudFormation User Guide, StackSets concepts): loaded as a stack of the loaded account besides,
 * its role would exist where nothing deploys it. The template's role is named after a parameter
 * without a default that only the naming template passes, so a load of it as a stack of its own
 * would show as a problem or an unknown name.
 */
class TemplateInputsTests {

  private static final String TEMPLATE = """
      Parameters:
        Prefix: {Type: String}
      Resources:
        Worker:
          Type: AWS::IAM::Role
          Properties:
            RoleName: !Sub "${Prefix}-worker"
            AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
      """;

  /** What names the template: its resource, with {@code %s} for the template's path relative to the naming template. */
  private static final Map<String, String> NAMING = Map.of(
      "nested stack", """
          Resources:
            Workers:
              Type: AWS::CloudFormation::Stack
              Properties:
                TemplateURL: %s
                Parameters: {Prefix: app}
          """,
      "SAM application", """
          Transform: AWS::Serverless-2016-10-31
          Resources:
            Workers:
              Type: AWS::Serverless::Application
              Properties:
                Location: %s
                Parameters: {Prefix: app}
          """,
      "stack set", """
          Resources:
            Workers:
              Type: AWS::CloudFormation::StackSet
              Properties:
                StackSetName: workers
                PermissionModel: SELF_MANAGED
                TemplateURL: %s
                Parameters: [{ParameterKey: Prefix, ParameterValue: app}]
                StackInstancesGroup:
                  - DeploymentTargets: {Accounts: ["111111111111"]}
                    Regions: [us-east-1]
          """);

  @TempDir
  Path dir;

  private void write(String file, String text) throws IOException {
    Files.createDirectories(dir.resolve(file).getParent());
    Files.writeString(dir.resolve(file), text);
  }

  @ParameterizedTest(name = "{0}: {1} names {2}")
  @CsvSource({
      "nested stack,    parent.yaml,      workers.yaml",
      "nested stack,    z-parent.yaml,    nested/workers.yaml",
      "nested stack,    stacks/parent.yaml, a-workers.yaml",
      "SAM application, template.yaml,    workers.yaml",
      "SAM application, template.yaml,    apps/workers.yaml",
      "stack set,       stack-sets.yaml,  audit.yaml",
      "stack set,       stack-sets.yaml,  z/audit.yaml",
  })
  void aTemplateAnotherNamesLoadsOnlyWhereTheNamingTemplateDeploysItWhicheverIsFoundFirst(String kind, String naming, String template)
      throws IOException {
    write(naming, NAMING.get(kind).formatted(dir.resolve(naming).getParent().relativize(dir.resolve(template)).toString()));
    write(template, TEMPLATE);

    LoadedSources loaded = SourceFormats.standard().load(List.of(dir),
        LoadOptions.defaults().withAccountId("999999999999").withProjectRoot(dir).withAwsManagedPolicies(arn -> java.util.Optional.empty()));

    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.report().unresolved()).as("a stack of its own would not know its Prefix").isEmpty();
    assertThat(loaded.report().inputs()).containsExactly(dir.resolve(template).toAbsolutePath().normalize());
    Account deploying = loaded.accounts().byId(kind.equals("stack set") ? "111111111111" : "999999999999").orElseThrow();
    assertThat(deploying.roles()).containsOnlyKeys("app-worker");
    if (kind.equals("stack set")) {
      assertThat(roles(loaded, "999999999999")).as("the loaded account deploys the stack set, not its template").isEmpty();
    }
  }

  /**
   * A nested template in another account folder: the nested stack deploys where its parent does,
   * and the folder holding its template does not load it as a stack of its own, whichever of the
   * two folders loads first (units load by path). Each account folder is a source of its own, as
   * {@code AccountPlacementTests} gives them.
   */
  @ParameterizedTest(name = "parent in {0}, template in {1}")
  @CsvSource({"prod, shared", "z-prod, a-shared"})
  void aNestedTemplateInAnotherAccountFolderIsItsParentsWhicheverFolderLoadsFirst(String parentFolder, String templateFolder)
      throws IOException {
    write(parentFolder + "/parent.yaml", NAMING.get("nested stack").formatted("../" + templateFolder + "/workers.yaml"));
    write(templateFolder + "/workers.yaml", TEMPLATE);

    LoadedSources loaded = SourceFormats.standard().load(List.of(dir.resolve(parentFolder), dir.resolve(templateFolder)),
        LoadOptions.defaults().withAccountId("999999999999").withProjectRoot(dir).withAwsManagedPolicies(arn -> java.util.Optional.empty())
        .withAccountFolders(Map.of(Path.of(parentFolder), "111111111111", Path.of(templateFolder), "222222222222")));

    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.report().unresolved()).isEmpty();
    assertThat(roles(loaded, "111111111111")).containsOnly("app-worker");
    assertThat(roles(loaded, "222222222222")).as("the template's folder deploys no stack of it").isEmpty();
  }

  private static Set<String> roles(LoadedSources loaded, String account) {
    return loaded.accounts().byId(account).map(a -> a.roles().keySet()).orElse(Set.of());
  }
}
