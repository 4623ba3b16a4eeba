package dev.iamunit.integration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.SourceFormat;
import dev.iamunit.model.Account;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The rules every module's code keeps, checked once over all of them: this module's class path
 * holds every published module (policy-engine, iac-loaders, iamunit-coverage, iamunit-diff,
 * junit-extension, iamunit-maven-plugin, iamunit-cli), which no other module's does.
 */
class AllModulesArchitectureTests {

  private static final JavaClasses PRODUCT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.iamunit");

  /**
   * Every public top-level type says what a user may rely on, as JUnit's do, and as ArchUnit's own
   * {@code PublicAPIRules} demand of ArchUnit: {@code @API(status = EXPERIMENTAL)} for what users
   * call in this 0.x, {@code INTERNAL} for a type public only so that another package can use it.
   */
  @Test
  void everyPublicTypeSaysItsApiStatus() {
    classes().that().resideInAPackage("dev.iamunit..").and().arePublic().and().areTopLevelClasses()
        .should().beAnnotatedWith(API.class)
        .because("a user must be able to tell API from implementation (STYLE.md: JUnit's @API)")
        .check(PRODUCT);
  }

  /** What an {@code internal} package holds is never offered to users as API. */
  @Test
  void publicTypesOfInternalPackagesAreInternal() {
    classes().that().resideInAPackage("..internal..").and().arePublic().and().areTopLevelClasses()
        .should().beAnnotatedWith(apiStatus(API.Status.INTERNAL))
        .check(PRODUCT);
  }

  /** Issue 20: {@code SourceFormats} is the one path from files to an account; nothing else builds one. */
  @Test
  void onlyIacBuildsAccountsFromFiles() {
    noClasses().that().resideOutsideOfPackages("dev.iamunit.iac..", "dev.iamunit.model..")
        .should().callMethod(Account.class, "builder")
        .orShould().callMethod(SourceFormat.class, "loadInto", List.class, LoadOptions.class, Account.Builder.class)
        .orShould().dependOnClassesThat().resideInAnyPackage(
            "dev.iamunit.iac.terraform..", "dev.iamunit.iac.cloudformation..", "dev.iamunit.iac.internal..")
        .check(PRODUCT);
  }

  private static DescribedPredicate<JavaAnnotation<?>> apiStatus(API.Status status) {
    return DescribedPredicate.describe("@API(status = " + status + ")",
        annotation -> annotation.getRawType().isEquivalentTo(API.class) && annotation.as(API.class).status() == status);
  }
}
