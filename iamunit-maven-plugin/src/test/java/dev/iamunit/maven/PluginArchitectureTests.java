package dev.iamunit.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.SourceFormat;
import dev.iamunit.model.Account;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin is a thin shell over the coverage module's public API (STYLE.md: ArchUnit). */
class PluginArchitectureTests {

  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.iamunit.maven");

  @Test
  void usesNoCoverageInternals() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.iamunit.coverage.internal..").check(CLASSES);
  }

  /** Issue 20: the plugin, the diff and coverage build accounts only through {@code SourceFormats}. */
  @Test
  void buildsAccountsOnlyThroughSourceFormats() {
    noClasses().that().resideOutsideOfPackages("dev.iamunit.iac..", "dev.iamunit.model..")
        .should().callMethod(Account.class, "builder")
        .orShould().callMethod(SourceFormat.class, "loadInto", List.class, LoadOptions.class, Account.Builder.class)
        .orShould().dependOnClassesThat().resideInAnyPackage(
            "dev.iamunit.iac.terraform..", "dev.iamunit.iac.cloudformation..", "dev.iamunit.iac.internal..")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.iamunit"));
  }

  @Test
  void logsThroughMavenNeverToStandardOutput() {
    noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(CLASSES);
  }
}
