package dev.iamunit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.SourceFormat;
import dev.iamunit.model.Account;
import java.util.List;
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

  /** Issue 20: {@code SourceFormats} is the one path from files to an account; nothing else builds one. */
  @ArchTest
  static final ArchRule onlyIacBuildsAccountsFromFiles =
      noClasses().that().resideOutsideOfPackages("dev.iamunit.iac..", "dev.iamunit.model..")
          .should().callMethod(Account.class, "builder")
          .orShould().callMethod(SourceFormat.class, "loadInto", List.class, LoadOptions.class, Account.Builder.class)
          .orShould().dependOnClassesThat().resideInAnyPackage(
              "dev.iamunit.iac.terraform..", "dev.iamunit.iac.cloudformation..", "dev.iamunit.iac.internal..");

  @ArchTest
  static final ArchRule theLibraryNeverPrints =
      noClasses().that().resideInAnyPackage("dev.iamunit.junit..", "dev.iamunit.assertj..")
          .should().accessField(System.class, "out").orShould().accessField(System.class, "err");
}
