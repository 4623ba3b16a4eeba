package dev.iamunit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The assertions keep to the extension's public side, and the library never prints. (That every
 * public type says its API status, and that only iac builds accounts, is checked once over all
 * modules: integration-tests' {@code AllModulesArchitectureTests}.)
 */
@AnalyzeClasses(packages = "dev.iamunit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule assertionsDoNotUseTheExtensionsInternals =
      noClasses().that().resideInAPackage("dev.iamunit.assertj..")
          .should().dependOnClassesThat().resideInAPackage("dev.iamunit.junit.internal..");

  @ArchTest
  static final ArchRule theEngineDoesNotKnowTheExtension =
      noClasses().that().resideInAnyPackage("dev.iamunit.eval..", "dev.iamunit.model..", "dev.iamunit.iac..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.iamunit.junit..", "dev.iamunit.assertj..");

  @ArchTest
  static final ArchRule theLibraryNeverPrints =
      noClasses().that().resideInAnyPackage("dev.iamunit.junit..", "dev.iamunit.assertj..")
          .should().accessField(System.class, "out").orShould().accessField(System.class, "err");
}
