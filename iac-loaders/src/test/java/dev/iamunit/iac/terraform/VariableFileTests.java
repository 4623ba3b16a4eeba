package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Variable values come from files as Terraform reads them: {@code terraform.tfvars}, then {@code
 * terraform.tfvars.json}, then {@code *.auto.tfvars(.json)} in lexical order, then {@code
 * -var-file}s in order (the options' var files), then the test's values, later winning ("Variable
 * Definition Precedence", Terraform language, Input Variables). Every row was checked with
 * Terraform 1.11 ({@code terraform console}, same files, same {@code -var-file} order).
 */
class VariableFileTests {

  @TempDir
  Path dir;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        variable "a" { default = "default" }
        variable "b" { default = "default" }
        variable "c" { default = "default" }
        variable "d" { default = "default" }
        resource "aws_iam_role" "shown" {
          name               = "${var.a}.${var.b}.${var.c}.${var.d}.${terraform.workspace}"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
        }
        """);
    Files.writeString(dir.resolve("terraform.tfvars"), "a = \"tfvars\"\nb = \"tfvars\"\nc = \"tfvars\"\n");
    Files.writeString(dir.resolve("terraform.tfvars.json"), "{\"a\": \"tfvars.json\", \"b\": \"tfvars.json\"}");
    Files.writeString(dir.resolve("a.auto.tfvars.json"), "{\"b\": \"a.auto.json\"}");
    Files.writeString(dir.resolve("b.auto.tfvars"), "b = \"b.auto\"\n");
    Files.createDirectories(dir.resolve("env"));
    Files.writeString(dir.resolve("env/prod.tfvars"), "c = \"prod\"\nd = \"prod\"\n");
    Files.writeString(dir.resolve("env/override.tfvars.json"), "{\"d\": \"override\"}");
  }

  private String shownName(LoadOptions options) {
    LoadReport report = TerraformLoader.report(dir, options.withProjectRoot(dir));
    assertThat(report.problems()).isEmpty();
    assertThat(report.unresolved()).isEmpty();
    return TerraformLoader.load(dir, options.withProjectRoot(dir)).role("aws_iam_role.shown").orElseThrow().name();
  }

  @ParameterizedTest(name = "var files [{0}], values [{1}], workspace {2}: {3}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // automatic files only: terraform.tfvars.json over terraform.tfvars, b.auto over a.auto.json
      "-                                    | -      | -    | tfvars.json.b.auto.tfvars.default.default",
      "env/prod.tfvars                      | -      | -    | tfvars.json.b.auto.prod.prod.default",
      // -var-file in order: the later wins, JSON or not
      "env/prod.tfvars,env/override.tfvars.json | -  | -    | tfvars.json.b.auto.prod.override.default",
      "env/override.tfvars.json,env/prod.tfvars | -  | -    | tfvars.json.b.auto.prod.prod.default",
      // a var file beats the automatic files; the test's values beat every file
      "terraform.tfvars                     | -      | -    | tfvars.tfvars.tfvars.default.default",
      "env/prod.tfvars                      | d=test | prod | tfvars.json.b.auto.prod.test.prod",
  })
  void variableFilesAndWorkspace(String varFiles, String value, String workspace, String expected) {
    LoadOptions options = LoadOptions.defaults();
    if (varFiles != null) {
      options = options.withTerraformVarFiles(List.of(varFiles.split(",")).stream().map(Path::of).toList());
    }
    if (value != null) {
      options = options.withValues(Map.of(value.substring(0, 1), value.substring(2)));
    }
    if (workspace != null) {
      options = options.withTerraformWorkspace(workspace);
    }
    assertThat(shownName(options)).isEqualTo(expected);
  }

  @Test
  void theVariableFilesReadAreListed() {
    LoadReport report = TerraformLoader.report(dir, LoadOptions.defaults().withProjectRoot(dir)
        .withTerraformVarFiles(List.of(Path.of("env/prod.tfvars"))));
    assertThat(report.files()).contains("terraform.tfvars", "terraform.tfvars.json", "a.auto.tfvars.json", "b.auto.tfvars",
        "env/prod.tfvars");
  }

  @Test
  void aMissingVariableFileIsAnErrorNamingIt() {
    LoadOptions options = LoadOptions.defaults().withProjectRoot(dir).withTerraformVarFiles(List.of(Path.of("env/staging.tfvars")));
    assertThatThrownBy(() -> TerraformLoader.report(dir, options))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("the variable file env/staging.tfvars does not exist");
  }
}
