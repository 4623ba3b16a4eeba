package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.junit.internal.IamUnitExtension;
import dev.iamunit.model.Account;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a test class an IAM policy test: registers IAMUnit's extension and names the templates
 * whose IAM the tests exercise. Paths are files or folders relative to the project root (the
 * working directory of the test JVM, which Maven and Gradle set to the module's folder; the
 * configuration parameter {@value #PROJECT_ROOT_PROPERTY_NAME} overrides it).
 *
 * <p>All named sources load into the accounts they deploy to (one {@link Account}, unless Terraform
 * providers or {@link #accountFolders()} name others), once per test run and shared by every test
 * class that names the same sources with the same contents and options. A missing path or a
 * template that does not load fails each test that uses it, with the loader's message.
 *
 * <p>May be used as a meta-annotation, so a project can name its templates once:
 * {@code @IamTest(terraform = "infra/") @Retention(RUNTIME) @interface ProdIam {}}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(IamUnitExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface IamTest {

  /**
   * Configuration parameter: the folder that {@code @IamTest} and {@code @PolicyCases} paths are
   * relative to. Default: the working directory of the test JVM.
   */
  String PROJECT_ROOT_PROPERTY_NAME = "iamunit.projectRoot";

  /** Configuration parameter: {@code false} records no statement coverage. Default: {@code true}. */
  String COVERAGE_ENABLED_PROPERTY_NAME = "iamunit.coverage.enabled";

  /**
   * Configuration parameter: the folder the coverage fragments go to, relative to the project root,
   * where the Maven plugin's {@code report} and {@code check} goals read them. Default:
   * {@code target/iamunit}.
   */
  String COVERAGE_DIRECTORY_PROPERTY_NAME = "iamunit.coverage.directory";

  /**
   * Configuration parameter: {@code true} also writes every decision, test by test, into the
   * coverage fragment, so that two runs of a suite can be compared decision by decision. Default:
   * {@code false}.
   */
  String COVERAGE_DECISIONS_PROPERTY_NAME = "iamunit.coverage.decisions";

  /**
   * The key of the JUnit report entry that lists, once per run and set of sources, the values the
   * templates leave unresolved and their problems, each with file:line.
   */
  String LOAD_REPORT_ENTRY_KEY = "iamunit.load";

  /**
   * {@link #accountId()}'s default, which no account id can be: no account given, so the one the
   * sources declare (or {@value Account#DEFAULT_ID}) is chosen, and an id written in a test,
   * {@value Account#DEFAULT_ID} included, is always taken as given.
   */
  String ACCOUNT_NOT_GIVEN = "";

  /** Terraform configurations: {@code .tf} files or module folders. */
  String[] terraform() default {};

  /** Terraform plans as {@code terraform show -json} writes them. */
  String[] terraformPlan() default {};

  /** CloudFormation or SAM templates, JSON or YAML; a folder means each template in it. */
  String[] cloudFormation() default {};

  /**
   * AWS CDK cloud assemblies as {@code cdk synth} writes them ({@code "cdk.out"}), or the app
   * folders that hold one; principals are also found by their construct path ({@code "Stack/Role"}).
   */
  String[] cdkOut() default {};

  /**
   * CloudFormation parameter values and Terraform variable values, each {@code "name=value"}; they
   * override defaults and tfvars files.
   */
  String[] parameters() default {};

  /**
   * Terraform variable files ({@code .tfvars}, {@code .tfvars.json}) relative to the project root,
   * read as {@code terraform plan -var-file} reads them: after {@code terraform.tfvars} and {@code
   * *.auto.tfvars}, which are read as Terraform reads them, later files winning; {@link
   * #parameters()} win over every file. Environment variables ({@code TF_VAR_*}) are never read, so
   * that a test gives the same result on every machine.
   */
  String[] terraformVarFiles() default {};

  /** The Terraform workspace, what {@code terraform.workspace} is ({@code TF_WORKSPACE} is never read). */
  String terraformWorkspace() default "default";

  /**
   * For a repository laid out as a folder (or stack) per account, where nothing in the code says
   * which account each deploys to: {@code "ACCOUNT=path"} entries, the account by its id or by the
   * name the organization the sources declare gives it, the path relative to the project root, such
   * as {@code {"111111111111=terraform/prod", "dev=terraform/dev"}}. A name that names no account of
   * that organization, or several, fails the tests of these sources naming the entry.
   * Sources under a path load into its account (the deepest path wins); others into {@link
   * #accountId()}. A Terraform provider that names its account ({@code assume_role}, {@code
   * allowed_account_ids}) places its resources there whatever the folder.
   */
  String[] accountFolders() default {};

  /**
   * The account the templates deploy into: {@code AWS::AccountId}, the caller identity, twelve
   * digits. Given (any id, {@code "123456789012"} included), it wins over what the sources declare.
   * Not given ({@code ""}, the default, which no account id can be), the account the sources
   * declare as theirs (the management account of the organization they declare, or the one account
   * they deploy everything to) when they declare one, else {@value Account#DEFAULT_ID}: the rule
   * the CLI's {@code --account} and the Maven plugin's {@code <accountId>} follow.
   */
  String accountId() default ACCOUNT_NOT_GIVEN;

  /** The region the templates deploy into, and the default {@code aws:RequestedRegion}. */
  String region() default Account.DEFAULT_REGION;
}
