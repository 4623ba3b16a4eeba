package dev.iamunit.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.Role;
import dev.iamunit.model.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25 item 2: pointed at a repository root, detection reads the templates and skips CI
 * workflows, package.json, dependencies, build output and Terraform's cache.
 */
class SourceDetectionTests {

  static final Path ROOT = Path.of("src/test/resources/sources/repository-root");

  private static final String TEMPLATE = """
      Resources:
        Admin:
          Type: AWS::IAM::User
          Properties:
            UserName: admin
      """;

  private static final String POLICY = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
      """;

  private final SourceFormats formats = SourceFormats.standard();
  private final LoadOptions options = LoadOptions.defaults();

  @TempDir
  Path work;

  @Test
  void aRepositoryRootReadsExactlyItsTerraformAndCloudFormationTemplates() {
    LoadedSources loaded = formats.load(List.of(ROOT), options);

    assertThat(loaded.report().files()).map(f -> Path.of(f).getFileName().toString())
        .containsExactlyInAnyOrder("main.tf", "stack.yaml");
    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.account().users().values()).extracting(User::name).containsExactly("deployer");
    assertThat(loaded.account().roles().values()).extracting(Role::name).containsExactly("build");
    // policies/read-reports.json is the Terraform policy's input, not a managed policy of its own.
    assertThat(loaded.account().managedPolicies()).isEmpty();
    assertThat(formats.sources(ROOT)).extracting(s -> s.format().name()).containsExactly("terraform", "cloudFormation");
  }

  @Test
  void yamlAndJsonWithoutResourcesFormatVersionOrTransformAreNotTemplatesInAFolder() throws IOException {
    write("ci.yml", "name: ci\non:\n  push:\njobs:\n  test:\n    runs-on: ubuntu-latest\n");
    write("config.json", "{\"Description\": \"not a template\"}");
    write("quoted.yaml", "\"Resources\":\n  Admin:\n    Type: AWS::IAM::User\n");
    write("sam.yaml", "Transform: AWS::Serverless-2016-10-31\n");
    write("bom.template", "\uFEFFAWSTemplateFormatVersion: \"2010-09-09\"\n");
    write("version.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\"}");
    write("late.yaml", "Parameters:\n" + "  P:\n    Type: String\n".repeat(2000) + "Resources:\n  Admin:\n    Type: AWS::IAM::User\n");

    assertThat(SourceFormats.CloudFormation.templates(work)).map(p -> p.getFileName().toString())
        .containsExactly("bom.template", "late.yaml", "quoted.yaml", "sam.yaml", "version.json");
  }

  @Test
  void aFolderOfJsonThatIsNotAPolicyDocumentIsNoSource() throws IOException {
    write("package.json", "{\"name\": \"x\"}");
    write("tsconfig.json", "{\"compilerOptions\": {}}");

    assertThat(catchThrowable(() -> formats.load(List.of(work), options)))
        .isInstanceOf(IamUnitException.class).hasMessageContaining("IAMUnit cannot read this kind of source");

    write("policies/read.json", POLICY);
    LoadedSources loaded = formats.load(List.of(work), options);
    assertThat(loaded.report().files()).containsExactly(work.resolve("policies/read.json").toString());
    assertThat(loaded.report().problems()).isEmpty();
  }

  /** A file named on its own is read whatever it holds, so its mistake is reported, not skipped. */
  @Test
  void aFileNamedExplicitlyIsReadAndItsMistakeReported() throws IOException {
    write("package.json", "{\"name\": \"x\"}");

    assertThat(catchThrowable(() -> formats.load(List.of(ROOT.resolve(".github/workflows/ci.yml")), options)))
        .isInstanceOf(IamUnitException.class).hasMessageContaining("no Resources section");
    LoadedSources loaded = formats.load(List.of(work.resolve("package.json")), options);
    assertThat(loaded.report().files()).containsExactly(work.resolve("package.json").toString());
    assertThat(loaded.report().problems()).singleElement()
        .satisfies(p -> assertThat(p.location().file()).isEqualTo(work.resolve("package.json").toString()));
  }

  @Test
  void aWalkSkipsGitTerraformCacheDependenciesAndBuildOutputButNotAFolderNamedItself() throws IOException {
    for (String skipped : List.of(".git", ".terraform", "node_modules", "target", "build")) {
      write(skipped + "/nested/template.yaml", TEMPLATE);
      write(skipped + "/policy.json", POLICY);
    }
    write("stacks/targets/template.yaml", TEMPLATE);

    assertThat(SourceFormats.CloudFormation.templates(work)).containsExactly(work.resolve("stacks/targets/template.yaml"));
    assertThat(SourceFormats.CloudFormation.templates(work.resolve("build"))).containsExactly(work.resolve("build/nested/template.yaml"));
    assertThat(formats.sources(work.resolve("node_modules"))).extracting(s -> s.format().name()).containsExactly("cloudFormation");
  }

  /**
   * A repository whose Terraform sits in subfolders (example-repo's {@code terraform/}, or one root
   * module per environment) reads each root module once: a folder another calls as a local module
   * ({@code source = "./modules/users"}) loads through its caller, with the caller's inputs.
   */
  @Test
  void aRepositoryRootReadsTheTerraformRootModulesOfItsSubfolders() throws IOException {
    write("infra/prod/main.tf", """
        module "users" {
          source = "../modules/users"
          name   = "prod-admin"
        }
        """);
    write("infra/staging/main.tf", """
        module "users" {
          source = "../modules/users"
          name   = "staging-admin"
        }
        """);
    write("infra/modules/users/main.tf", """
        variable "name" {}
        resource "aws_iam_user" "admin" {
          name = var.name
        }
        """);
    write("tools/bootstrap/main.tf", """
        resource "aws_iam_role" "bootstrap" {
          name = "bootstrap"
          assume_role_policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "sts:AssumeRole", Principal = {Service = "ec2.amazonaws.com"}}]})
        }
        """);
    write("target/generated/main.tf", "resource \"aws_iam_user\" \"built\" {\n  name = \"built\"\n}\n");
    write("cloudformation/stack.yaml", TEMPLATE);

    assertThat(formats.sources(work)).extracting(s -> work.relativize(s.path()).toString() + " " + s.format().name())
        .containsExactly("infra/prod terraform", "infra/staging terraform", "tools/bootstrap terraform", " cloudFormation");
    LoadedSources loaded = formats.load(List.of(work), options.withProjectRoot(work));
    assertThat(loaded.report().problems()).isEmpty();
    assertThat(loaded.account().users().values()).extracting(User::name)
        .containsExactlyInAnyOrder("prod-admin", "staging-admin", "admin");
    assertThat(loaded.account().roles().values()).extracting(Role::name).containsExactly("bootstrap");
    assertThat(loaded.account().unresolved()).isEmpty();
  }

  /**
   * Issue 25: example-repo's root read without naming its sources is what it deploys, {@code
   * terraform/} and {@code cloudformation/}: {@code src/test/iam/force-mfa-with-bool}, the tests'
   * deliberately wrong copy of Force_MFA, is a fixture of the build's test tree, not a second root
   * module declaring Force_MFA again.
   */
  @Test
  void exampleRepositorysRootReadsWhatItDeploysNotItsTestFixtures() {
    Path root = Path.of("../example-repo");

    assertThat(formats.sources(root)).extracting(s -> root.relativize(s.path()) + " " + s.format().name())
        .containsExactly("organization terraform", "terraform terraform", " cloudFormation");
    LoadedSources loaded = formats.load(List.of(root), options.withProjectRoot(root));
    // Relative to the project root the options name.
    assertThat(loaded.report().files()).map(f -> f.replace('\\', '/'))
        .allMatch(f -> f.startsWith("organization/") || f.startsWith("terraform/") || f.startsWith("cloudformation/"))
        .contains("terraform/main.tf", "terraform/modules/force-mfa-group/main.tf", "cloudformation/credentials.yaml");
    assertThat(loaded.report().problems()).isEmpty();
  }

  /**
   * {@code src/test} is skipped at any depth (a module of a multi-module build has its own), only
   * as {@code src/test}: a root module for an environment called {@code test} is read, and naming
   * the test tree reads it.
   */
  @Test
  void aWalkSkipsABuildsTestTreeButNotAnEnvironmentCalledTest() throws IOException {
    write("src/test/resources/stack.yaml", TEMPLATE);
    write("src/test/iam/copy/main.tf", "resource \"aws_iam_user\" \"copy\" {\n  name = \"copy\"\n}\n");
    write("service/src/test/resources/policy/stack.yaml", TEMPLATE);
    write("envs/test/main.tf", "resource \"aws_iam_user\" \"tester\" {\n  name = \"tester\"\n}\n");
    write("test/stack.yaml", TEMPLATE);

    assertThat(formats.sources(work)).extracting(s -> work.relativize(s.path()) + " " + s.format().name())
        .containsExactly("envs/test terraform", " cloudFormation");
    assertThat(SourceFormats.CloudFormation.templates(work)).containsExactly(work.resolve("test/stack.yaml"));
    assertThat(SourceFormats.CloudFormation.templates(work.resolve("src/test")))
        .containsExactly(work.resolve("src/test/resources/stack.yaml"));
    assertThat(formats.sources(work.resolve("src/test/iam/copy"))).extracting(s -> s.format().name()).containsExactly("terraform");
  }

  /** A folder holding .tf files at its top is one module, as {@code terraform -chdir} takes it; its modules load through it. */
  @Test
  void aTerraformFolderIsItsOwnRootModule() {
    Path terraform = Path.of("../example-repo/terraform");

    assertThat(formats.sources(terraform)).extracting(s -> s.path().toString()).containsExactly(terraform.toString());
  }

  private void write(String name, String text) throws IOException {
    Path file = work.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
