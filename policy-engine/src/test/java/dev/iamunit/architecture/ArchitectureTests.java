package dev.iamunit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of the code, as tests (STYLE.md: ArchUnit). */
class ArchitectureTests {

  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.iamunit");

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.iamunit.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void evaluatorInternalsStayInTheEvaluator() {
    noClasses().that().resideOutsideOfPackage("dev.iamunit.eval..")
        .should().dependOnClassesThat().resideInAPackage("dev.iamunit.eval.internal..")
        .check(CLASSES);
  }

  @Test
  void awsDataInternalsStayInTheAwsPackage() {
    noClasses().that().resideOutsideOfPackage("dev.iamunit.aws..")
        .should().dependOnClassesThat().resideInAPackage("dev.iamunit.aws.internal..")
        .check(CLASSES);
  }

  @Test
  void nothingPrintsToStandardOutput() {
    noClasses().should().accessField(System.class, "out").check(CLASSES);
  }
}
