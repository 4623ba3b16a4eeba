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
import java.util.Optional;
import java.util.regex.Pattern;
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
   * Loads templates, one stack each (named by {@link #stackName}), into a new account.
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
    return loadStacks(stackFiles(files, options), options, builder);
  }

  /** Each template with the name {@link #stackName} gives its stack. */
  private static List<StackFile> stackFiles(List<Path> files, LoadOptions options) {
    List<String> shown = files.stream().map(f -> displayName(f, options.projectRoot())).toList();
    return files.stream().map(f -> new StackFile(f, stackName(displayName(f, options.projectRoot()), shown))).toList();
  }

  /** Like {@link #loadInto(List, LoadOptions, Account.Builder)}, into the accounts of a load. */
  public static LoadReport loadInto(List<Path> files, LoadOptions options, Accounts.Builder accounts) {
    return loadStacks(stackFiles(files, options), options, accounts);
  }

  /**
   * A template, the name of the stack it deploys as ({@code AWS::StackName}), and the account and
   * Region it deploys to when they are fixed (a CDK stack's {@code environment}); empty ones are the
   * load options'.
   */
  public record StackFile(Path file, String stackName, Optional<String> accountId, Optional<String> region) {
    public StackFile(Path file, String stackName) {
      this(file, stackName, Optional.empty(), Optional.empty());
    }

    /** The options the stack's pseudo parameters and the ARNs of its resources are computed with. */
    LoadOptions options(LoadOptions load) {
      LoadOptions result = accountId.map(load::withAccountId).orElse(load);
      return region.map(result::withRegion).orElse(result);
    }
  }

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
    CloudFormationResources assembler = new CloudFormationResources(new AccountAssembler(accountOf(stacks, options), report));
    for (StackFile stack : stacks) {
      String name = displayName(stack.file(), options.projectRoot());
      assembler.add(Template.read(SourceText.read(stack.file(), name, "CloudFormation", Long.MAX_VALUE), name), stack.file(),
          stack.stackName(), stack.options(options));
    }
    return assembler.into(target);
  }

  /**
   * The options the account model is assembled with: the account and Region every stack deploys
   * to, when all of them fix the same (a CDK app whose stacks all have one {@code env}), as a
   * Terraform root's default provider gives its account; else the load options'. Stacks deployed
   * to several accounts still load into one account model, each resource's ARN in its own account.
   */
  private static LoadOptions accountOf(List<StackFile> stacks, LoadOptions options) {
    LoadOptions result = options;
    List<String> accounts = stacks.stream().map(s -> s.accountId().orElse("")).distinct().toList();
    if (accounts.size() == 1 && !accounts.get(0).isEmpty()) {
      result = result.withAccountId(accounts.get(0));
    }
    List<String> regions = stacks.stream().map(s -> s.region().orElse("")).distinct().toList();
    if (regions.size() == 1 && !regions.get(0).isEmpty()) {
      result = result.withRegion(regions.get(0));
    }
    return result;
  }

  /** What a template's file name ends with that is not part of the stack name people give it. */
  private static final Pattern EXTENSION = Pattern.compile("(?i)\\.(json|ya?ml|template|tmpl|cfn|txt)$");

  /**
   * The stack name a top-level template deploys as. A template does not name its stack: the
   * deployment does ({@code aws cloudformation deploy --stack-name}, {@code sam deploy
   * --stack-name}), and teams name it after the file far more often than not. So it is the file's
   * name without its extensions; when two templates of the load have the same file name
   * ({@code template.yaml} of two SAM apps), each is named after its path from the project root
   * instead, since CloudFormation requires stack names unique in a Region and their exports would
   * otherwise clash. Characters a stack name cannot hold become {@code -} ("The name can contain
   * only alphanumeric characters (case-sensitive) and hyphens. It must start with an alphabetical
   * character and can't be longer than 128 characters", AWS CloudFormation API Reference,
   * CreateStack, StackName; the stack ARN pattern {@code stack/[a-zA-Z][a-zA-Z0-9-]{0,127}/}).
   *
   * @param template the template as {@link #displayName} shows it
   * @param all every top-level template of the load, shown the same way
   */
  static String stackName(String template, List<String> all) {
    String stem = stem(template.substring(template.lastIndexOf('/') + 1));
    boolean shared = all.stream().filter(t -> !t.equals(template)).anyMatch(t -> stem(t.substring(t.lastIndexOf('/') + 1)).equals(stem));
    String name = (shared ? stem(template) : stem).replaceAll("[^A-Za-z0-9-]", "-");
    name = Character.isLetter(name.isEmpty() ? '-' : name.charAt(0)) && name.charAt(0) < 128 ? name : "stack-" + name;
    return name.length() > 128 ? name.substring(0, 128) : name;
  }

  private static String stem(String file) {
    String result = file;
    String shorter;
    while (!(shorter = EXTENSION.matcher(result).replaceFirst("")).equals(result) && !shorter.isEmpty()) {
      result = shorter;
    }
    return result;
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
