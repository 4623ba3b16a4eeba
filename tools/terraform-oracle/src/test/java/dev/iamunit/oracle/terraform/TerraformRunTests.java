package dev.iamunit.oracle.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformRunTests {

  @Test
  void theReasonIsTerraformsFirstErrorWithItsDetail(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("log");
    Files.writeString(log, """
        Initializing the backend...
        ╷
        │ Error: No value for required variable
        │
        │   on main.tf line 1:
        │    1: variable "name" {
        │
        │ The root module input variable "name" is not set, and has no default value.
        ╵
        """);
    assertThat(TerraformRun.firstError(log)).isEqualTo(
        "No value for required variable: The root module input variable \"name\" is not set, and has no default value.");
  }

  @Test
  void aSingleFileIsCopiedWithTheFilesItMayReadButNotTheOtherTerraformFiles(@TempDir Path dir) throws Exception {
    Path from = Files.createDirectories(dir.resolve("from"));
    Files.writeString(from.resolve("a.tf"), "resource \"x\" \"y\" {}");
    Files.writeString(from.resolve("b.tf"), "resource \"x\" \"z\" {}");
    Files.writeString(from.resolve("policy.json.tpl"), "{}");
    Path into = dir.resolve("into");
    TerraformRun.copy(from.resolve("a.tf"), into);
    try (var files = Files.list(into)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.tf", "policy.json.tpl");
    }
  }
}
