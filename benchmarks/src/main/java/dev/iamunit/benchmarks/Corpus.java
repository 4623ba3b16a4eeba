package dev.iamunit.benchmarks;

import dev.iamunit.IamUnitException;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.cloudformation.CloudFormationLoader;
import dev.iamunit.iac.terraform.TerraformLoader;
import dev.iamunit.iac.terraform.TerraformPlanLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every file of shared/corpus (Terraform sources, plans, CloudFormation templates), loaded the way
 * a test run loads its sources. Files a loader refuses (the corpus has deliberately invalid ones)
 * count as loaded: refusing them clearly is the work.
 */
final class Corpus {

  /** What one pass loaded. */
  record Loaded(List<LoadReport> reports, int refused) {
    int statements() {
      return reports.stream().mapToInt(LoadReport::statementCount).sum();
    }
  }

  private final List<Path> terraform;
  private final List<Path> plans;
  private final List<Path> templates;
  private final LoadOptions options;

  Corpus() {
    Path root = SharedFolder.resolve("corpus");
    this.terraform = files(root.resolve("terraform"), ".tf", ".tf.json");
    this.plans = files(root.resolve("tfplan"), ".json");
    this.templates = files(root.resolve("cloudformation"), ".json", ".yaml", ".yml", ".template");
    this.options = LoadOptions.defaults()
        .withProjectRoot(root)
        .withBundledAwsManagedPolicies();
  }

  int files() {
    return terraform.size() + plans.size() + templates.size();
  }

  Loaded loadAll() {
    List<LoadReport> reports = new ArrayList<>();
    int refused = 0;
    for (Path file : terraform) {
      try {
        reports.add(TerraformLoader.report(file, options));
      } catch (IamUnitException e) {
        refused++;
      }
    }
    for (Path file : plans) {
      try {
        reports.add(TerraformPlanLoader.report(file, options));
      } catch (IamUnitException e) {
        refused++;
      }
    }
    for (Path file : templates) {
      try {
        reports.add(CloudFormationLoader.report(List.of(file), options));
      } catch (IamUnitException e) {
        refused++;
      }
    }
    return new Loaded(reports, refused);
  }

  private static List<Path> files(Path folder, String... endings) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> Stream.of(endings).anyMatch(e -> p.getFileName().toString().endsWith(e)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
