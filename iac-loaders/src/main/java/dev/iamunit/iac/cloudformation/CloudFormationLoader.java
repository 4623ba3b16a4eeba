package dev.iamunit.iac.cloudformation;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.iac.internal.AccountAssembler;
import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.iac.internal.SourceText;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.iac.internal.AssemblyTarget;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Loads IAM from CloudFormation templates (JSON or YAML, with the SAM transform): users, groups,
 * roles, managed and inline policies, resource policies and SCPs. Parameters take the test's values,
 * else their defaults; intrinsic functions and conditions are evaluated; what cannot be known before
 * deployment is reported as unresolved, never guessed. Nothing touches the network.
 */
@API(status = INTERNAL, since = "0.1")
public final class CloudFormationLoader {

  private CloudFormationLoader() {}

  /**
   * Loads templates, one stack each, into a new account.
   *
   * @throws TemplateException naming file:line when a template is malformed, a name is declared
   *     twice, or a policy is one AWS would reject (see {@link LoadReport#problems()})
   */
  public static Account load(List<Path> files, LoadOptions options) {
    Account.Builder builder = Account.builder();
    LoadReport report = loadInto(files, options, builder);
    if (!report.problems().isEmpty()) {
      LoadReport.Problem first = report.problems().get(0);
      throw new TemplateException(first.message() + (report.problems().size() > 1
          ? " (and " + (report.problems().size() - 1) + " more problems: " + report.problems().subList(1, report.problems().size()) + ")"
          : ""), first.location());
    }
    return builder.build();
  }

  /**
   * Loads templates into an existing builder, so that several sources combine into one account, and
   * returns what was found. Invalid policies stay as policies no one can read and are listed in {@link LoadReport#problems()}
   * rather than thrown, so tools can show every problem at once.
   *
   * @throws TemplateException with file:line for a malformed template or a name declared twice
   */
  public static LoadReport loadInto(List<Path> files, LoadOptions options, Account.Builder builder) {
    return loadStacks(files.stream().map(f -> new StackFile(f, options.stackName())).toList(), options, builder);
  }

  /** Like {@link #loadInto(List, LoadOptions, Account.Builder)}, into the accounts of a load. */
  public static LoadReport loadInto(List<Path> files, LoadOptions options, Accounts.Builder accounts) {
    return loadStacks(files.stream().map(f -> new StackFile(f, options.stackName())).toList(), options, accounts);
  }

  /** A template and the name of the stack it deploys as ({@code AWS::StackName}). */
  public record StackFile(Path file, String stackName) {}

  /** Like {@link #loadInto}, each template with its own stack name: the stacks of a CDK cloud assembly. */
  public static LoadReport loadStacks(List<StackFile> stacks, LoadOptions options, Account.Builder builder) {
    return loadStacks(stacks, options, AssemblyTarget.of(builder));
  }

  /** Like {@link #loadStacks(List, LoadOptions, Account.Builder)}, into the accounts of a load: the stacks deploy into the options' account. */
  public static LoadReport loadStacks(List<StackFile> stacks, LoadOptions options, Accounts.Builder accounts) {
    return loadStacks(stacks, options, AssemblyTarget.of(accounts));
  }

  private static LoadReport loadStacks(List<StackFile> stacks, LoadOptions options, AssemblyTarget target) {
    LoadReportBuilder report = new LoadReportBuilder();
    CloudFormationResources assembler = new CloudFormationResources(new AccountAssembler(options, report));
    for (StackFile stack : stacks) {
      String name = displayName(stack.file(), options.projectRoot());
      assembler.add(Template.read(SourceText.read(stack.file(), name, "CloudFormation", Long.MAX_VALUE), name), stack.file(),
          stack.stackName());
    }
    return assembler.into(target);
  }

  /** Like {@link #loadInto}, into a fresh account, returning only the report. */
  public static LoadReport report(List<Path> files, LoadOptions options) {
    return loadInto(files, options, Account.builder());
  }

  /** The file relative to the project root where it is inside it, with forward slashes. */
  static String displayName(Path file, Path projectRoot) {
    Path absolute = file.toAbsolutePath().normalize();
    Path root = projectRoot.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }
}
