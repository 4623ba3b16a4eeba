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
 * configuration parameter {@code iamunit.projectRoot} overrides it).
 *
 * <p>All named sources load into one {@link Account}, once per test run and shared by every test
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

  /** The account the templates deploy into: {@code AWS::AccountId}, the caller identity. */
  String accountId() default Account.DEFAULT_ID;

  /** The region the templates deploy into, and the default {@code aws:RequestedRegion}. */
  String region() default Account.DEFAULT_REGION;
}
