package dev.iamunit.coverage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of the coverage code, as tests (STYLE.md: ArchUnit). */
class CoverageArchitectureTests {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.iamunit.coverage");

  @Test
  void nothingPrintsToStandardOutputOrError() {
    noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(CLASSES);
  }

  @Test
  void noInternalsOfTheEvaluatorAreUsed() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.iamunit.eval.internal..").check(CLASSES);
  }
}
