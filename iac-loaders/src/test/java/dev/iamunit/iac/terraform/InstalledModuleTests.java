package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Account;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Registry and git modules are read where {@code terraform init} installed them, as its
 * {@code .terraform/modules/modules.json} records them; without it they are unresolved with what
 * to run. The fixture {@code terraform/installed-modules} is written by hand in Terraform 1.11's
 * layout (its README says how it was checked and how to regenerate it).
 */
class InstalledModuleTests {

  private static final Path FIXTURE = Path.of("src/test/resources/terraform/installed-modules").toAbsolutePath();

  @TempDir
  Path dir;

  @Test
  void registryAndGitModulesLoadFromWhereTerraformInitInstalledThem() {
    Account.Builder builder = Account.builder();
    LoadReport report = TerraformLoader.loadInto(FIXTURE, LoadOptions.defaults().withProjectRoot(FIXTURE), builder);
    Account account = builder.build();

    assertThat(report.problems()).isEmpty();
    assertThat(report.unresolved()).isEmpty();
    // The registry module's role, its trust policy from the module's own policy document.
    assertThat(account.role("deployer")).hasValueSatisfying(role -> assertThat(role.trustPolicy().toString())
        .contains("arn:aws:iam::210987654321:root"));
    assertThat(report.files()).contains(".terraform/modules/deployer/main.tf", ".terraform/modules/reports/modules/policy/main.tf");
    // A local module inside the git module (key reports.policy), given the registry module's output.
    assertThat(account.resourcePolicy("arn:aws:s3:::example-reports")).hasValueSatisfying(policy -> assertThat(policy.toString())
        .contains("arn:aws:iam::123456789012:role/deployer", "arn:aws:s3:::example-reports/*"));
    assertThat(report.policies()).extracting(LoadReport.LoadedPolicy::address)
        .contains("module.reports.module.policy.aws_s3_bucket_policy.this");
  }

  static Stream<Arguments> notInstalled() {
    String registry = "{\"Key\":\"deployer\",\"Source\":\"registry.terraform.io/example-org/iam-role/aws\",\"Version\":\"1.2.3\","
        + "\"Dir\":\".terraform/modules/deployer\"}";
    return Stream.of(
        Arguments.of("no .terraform/modules/modules.json", null,
            "does not exist beside the root module; run terraform init (or terraform get) there"),
        Arguments.of("the module was added after terraform init", "{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"}]}",
            "has no module \"deployer\" (added after terraform init ran?); run terraform init (or terraform get) again"),
        Arguments.of("the source changed since terraform init", "{\"Modules\":[" + registry.replace("iam-role", "old-role") + "]}",
            "records module \"deployer\" from registry.terraform.io/example-org/old-role/aws; Terraform refuses to plan until"
                + " terraform init runs again"),
        Arguments.of("the version constraint changed since terraform init", "{\"Modules\":[" + registry.replace("1.2.3", "1.1.0") + "]}",
            "records version 1.1.0 of module \"deployer\", which does not meet version = \"~> 1.2\"; Terraform refuses to plan"),
        Arguments.of("the installed folder is gone", "{\"Modules\":[" + registry + "]}",
            "installs module \"deployer\" in .terraform/modules/deployer, which does not exist"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void notInstalled(String situation, String manifest, String message) throws IOException {
    Files.copy(FIXTURE.resolve("main.tf"), dir.resolve("main.tf"));
    if (manifest != null) {
      Files.createDirectories(dir.resolve(".terraform/modules"));
      Files.writeString(dir.resolve(".terraform/modules/modules.json"), manifest);
    }
    LoadReport report = TerraformLoader.report(dir, LoadOptions.defaults().withProjectRoot(dir));

    assertThat(report.problems()).isEmpty();
    // The module's output is unresolved where the source is written, saying what to run; nothing is fetched.
    assertThat(report.unresolved()).filteredOn(u -> u.reason().contains("example-org/iam-role/aws"))
        .first().satisfies(u -> {
          assertThat(u.location().fileAndLine()).isEqualTo("main.tf:4");
          assertThat(u.reason()).contains(message);
        });
    assertThat(report.files()).containsExactly("main.tf");
  }

  /** Terraform language, "Version Constraints": operators, ~> on two and three segments, several constraints. */
  @ParameterizedTest(name = "{0} meets \"{1}\": {2}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      1.2.3  | ~> 1.2        | true
      1.9.0  | ~> 1.2        | true
      2.0.0  | ~> 1.2        | false
      1.2.9  | ~> 1.2.3      | true
      1.3.0  | ~> 1.2.3      | false
      1.2.2  | ~> 1.2.3      | false
      5.0.0  | 5.0.0         | true
      5.0.1  | = 5.0.0       | false
      5.0.1  | >= 5.0, < 6.0 | true
      6.0.0  | >= 5.0, < 6.0 | false
      4.1.0  | != 4.1.0      | false
      4.1.0  | > 4.0.9       | true
      4.1.0  | <= 4.1        | true
      """)
  void versionConstraints(String version, String constraint, boolean met) {
    assertThat(ModuleManifest.satisfies(version, constraint)).isEqualTo(met);
  }

  @Test
  void aModuleReadsTheSameSourceFromEitherForm() {
    assertThat(ModuleManifest.sameSource("registry.terraform.io/example-org/iam-role/aws", "example-org/iam-role/aws")).isTrue();
    assertThat(ModuleManifest.sameSource("git::https://github.com/example/vpc.git//modules/a?ref=v1",
        "github.com/example/vpc//modules/a?ref=v1")).isTrue();
    assertThat(ModuleManifest.sameSource("registry.terraform.io/example-org/iam-role/aws", "example-org/other/aws")).isFalse();
  }
}
