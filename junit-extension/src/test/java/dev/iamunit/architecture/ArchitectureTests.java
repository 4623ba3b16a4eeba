package dev.iamunit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apiguardian.api.API;

/** The module's public packages say their status and keep the implementation to themselves. */
@AnalyzeClasses(packages = "dev.iamunit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule assertionsDoNotUseTheExtensionsInternals =
      noClasses().that().resideInAPackage("dev.iamunit.assertj..")
          .should().dependOnClassesThat().resideInAPackage("dev.iamunit.junit.internal..");

  @ArchTest
  static final ArchRule publicTypesSayTheirStatus =
      classes().that().resideInAnyPackage("dev.iamunit.junit", "dev.iamunit.assertj").and().arePublic()
          .should().beAnnotatedWith(API.class);

  @ArchTest
  static final ArchRule theEngineDoesNotKnowTheExtension =
      noClasses().that().resideInAnyPackage("dev.iamunit.eval..", "dev.iamunit.model..", "dev.iamunit.iac..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.iamunit.junit..", "dev.iamunit.assertj..");

  @ArchTest
  static final ArchRule theLibraryNeverPrints =
      noClasses().that().resideInAnyPackage("dev.iamunit.junit..", "dev.iamunit.assertj..")
          .should().accessField(System.class, "out").orShould().accessField(System.class, "err");
}
