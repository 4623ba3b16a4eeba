package dev.iamunit.iac.terraform;

import dev.iamunit.iac.LoadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CorpusSmokeTests {
  @Test
  void printAll() throws Exception {
    Path corpus = Path.of(System.getProperty("iamunit.shared", "../../shared"), "corpus");
    try (Stream<Path> files = Files.list(corpus.resolve("tfplan"))) {
      for (Path f : files.sorted().toList()) {
        try {
          LoadReport r = TerraformPlanLoader.report(f, LoadOptions.defaults().withProjectRoot(corpus));
          System.err.println("OK " + f.getFileName() + " policies=" + r.policies().size() + " statements=" + r.statementCount()
              + " unresolved=" + r.unresolved().size() + " problems=" + r.problems());
        } catch (Exception e) {
          System.err.println("FAIL " + f.getFileName() + " " + e);
        }
      }
    }
    try (Stream<Path> files = Files.list(corpus.resolve("terraform"))) {
      for (Path f : files.sorted().toList()) {
        try {
          LoadReport r = TerraformLoader.report(f, LoadOptions.defaults().withProjectRoot(corpus));
          System.err.println("OK " + f.getFileName() + " policies=" + r.policies().size() + " statements=" + r.statementCount()
              + " unresolved=" + r.unresolved().size() + " problems=" + r.problems());
        } catch (Exception e) {
          System.err.println("FAIL " + f.getFileName() + " " + e);
        }
      }
    }
  }
}
