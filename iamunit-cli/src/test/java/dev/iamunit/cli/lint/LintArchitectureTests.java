package dev.iamunit.cli.lint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The lint rules are meant to move into policy-engine: they may use only what it has. */
class LintArchitectureTests {

  @Test
  void lintRulesDependOnlyOnThePolicyEngineAndTheJdk() {
    classes()
        .that().resideInAPackage("dev.iamunit.cli.lint..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "dev.iamunit.cli.lint..", "dev.iamunit.model..", "dev.iamunit.aws", "java..",
            // the @API annotation every public type carries, as policy-engine's types do
            "org.apiguardian.api..")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.iamunit.cli.lint"));
  }
}
