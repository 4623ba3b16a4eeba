package dev.iamunit.benchmarks;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.iac.SourceFormats;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the folder {@link OrganizationTerraform} wrote through the one loading path, with the
 * options a test's {@code @IamTest(terraform = ..., accountId = "999999999999", region =
 * "eu-west-1")} gives it (the JUnit extension's {@code SourceSet.options}).
 */
final class OrganizationLoad {

  private OrganizationLoad() {}

  static LoadedSources load(Path folder) {
    LoadOptions options = LoadOptions.defaults()
        .withAccountId(OrganizationTerraform.MANAGEMENT_ACCOUNT)
        .withRegion(OrganizationTerraform.REGION)
        .withProjectRoot(folder)
        .withBundledAwsManagedPolicies();
    return SourceFormats.standard().load(List.of(folder), options);
  }

  /** {@code 501 accounts, 4,523 roles, 1,234 statements; 0 unresolved, 0 problems}: what a load holds. */
  static String summary(LoadedSources loaded) {
    int roles = loaded.accounts().all().stream().mapToInt(a -> a.roles().size()).sum();
    return String.format("%,d accounts, %,d OUs in the tree, %,d roles, %,d statements loaded; %d unresolved, %d problems",
        loaded.accounts().all().size(), loaded.accounts().tree().map(t -> t.units().size()).orElse(0), roles,
        loaded.report().statementCount(), loaded.report().unresolved().size(), loaded.report().problems().size());
  }
}
