package dev.iamunit.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.SourceFormat;
import dev.iamunit.model.Account;
import java.util.List;

/** The CLI and the diff it runs load sources only through {@code SourceFormats}. */
@AnalyzeClasses(packages = "dev.iamunit", importOptions = ImportOption.DoNotIncludeTests.class)
class LoadingPathArchitectureTests {

  /** Issue 20: {@code SourceFormats} is the one path from files to an account; nothing else builds one. */
  @ArchTest
  static final ArchRule onlyIacBuildsAccountsFromFiles =
      noClasses().that().resideOutsideOfPackages("dev.iamunit.iac..", "dev.iamunit.model..")
          .should().callMethod(Account.class, "builder")
          .orShould().callMethod(SourceFormat.class, "loadInto", List.class, LoadOptions.class, Account.Builder.class)
          .orShould().dependOnClassesThat().resideInAnyPackage(
              "dev.iamunit.iac.terraform..", "dev.iamunit.iac.cloudformation..", "dev.iamunit.iac.internal..");
}
