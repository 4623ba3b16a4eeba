package dev.iamunit.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The plugin is a thin shell over the coverage module's public API (STYLE.md: ArchUnit). */
class PluginArchitectureTests {

  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.iamunit.maven");

  @Test
  void usesNoCoverageInternals() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.iamunit.coverage.internal..").check(CLASSES);
  }

  @Test
  void logsThroughMavenNeverToStandardOutput() {
    noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(CLASSES);
  }
}
