package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What fuzzing {@link TerraformFuzzTests} found, each reduced to a minimal input, with the clear
 * error it must now give instead of a Java exception.
 */
class FuzzFindingTests {

  @TempDir
  Path dir;

  private LoadReport load(String mainTf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), mainTf);
    return TerraformLoader.report(dir, LoadOptions.defaults().withProjectRoot(dir));
  }

  /**
   * Found by staticLoader: a NUL byte in a module source threw InvalidPathException. A source that
   * is not local (".\0/child") is no longer resolved at all; a local one is an error.
   */
  @Test
  void nulInModuleSourceIsAClearError() throws IOException {
    assertThat(load("module \"child\" {\n  source = \".\u0000/child\"\n}\n").unresolved()).singleElement()
        .satisfies(u -> assertThat(u.reason()).contains("which IAMUnit does not download"));
    Files.writeString(dir.resolve("main.tf"), "module \"child\" {\n  source = \"./\u0000child\"\n}\n");
    assertThatThrownBy(() -> TerraformLoader.load(dir, LoadOptions.defaults().withProjectRoot(dir)))
        .isInstanceOf(TemplateException.class)
        .hasMessage("main.tf:2:3 (module.child): module \"child\" has source = \"./\\u0000child\", which is not a valid path");
  }

  /**
   * Found by staticLoader: "!" before a bare name (a resource type, here as an object key) threw
   * IndexOutOfBoundsException; Terraform rejects it, so the value is unresolved with the reason.
   */
  @Test
  void unaryOperatorOnAWholeResourceTypeIsUnresolved() throws IOException {
    LoadReport report = load("""
        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = jsonencode({ !Statement = [] })
        }
        """);
    assertThat(report.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.location().fileAndLine()).isEqualTo("main.tf:3");
      assertThat(u.reason()).contains("\"!\" applies to a number or a bool, not to");
    });
  }

  @Test
  void minusOnALocalModuleIsUnresolved() throws IOException {
    Files.createDirectories(dir.resolve("child"));
    Files.writeString(dir.resolve("child/main.tf"), "output \"n\" {\n  value = 1\n}\n");
    LoadReport report = load("""
        module "child" {
          source = "./child"
        }
        resource "aws_iam_user" "u" {
          name = -module.child
        }
        """);
    assertThat(report.unresolved()).anySatisfy(u -> assertThat(u.reason()).contains("\"-\" applies to a number or a bool"));
  }
}
