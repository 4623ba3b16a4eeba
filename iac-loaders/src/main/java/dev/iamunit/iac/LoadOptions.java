package dev.iamunit.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.aws.AwsData;
import dev.iamunit.aws.ManagedPolicyDocument;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * What a loader needs besides the files: the account the templates deploy into, values for
 * parameters and variables, and where the project root is (paths in {@code file()} may not leave
 * it).
 *
 * @param accountId {@code AWS::AccountId}, {@code data.aws_caller_identity.current.account_id}
 * @param region {@code AWS::Region}, which must be in an AWS partition: the partition ({@link
 *     #partition}) is a function of it, never given apart
 * @param stackName {@code AWS::StackName}
 * @param values CloudFormation parameter values and Terraform variable values given by the test;
 *     they override defaults and tfvars files
 * @param projectRoot the folder sources are relative to, which {@code file()} may not leave
 * @param awsManagedPolicies the document JSON of an AWS managed policy by ARN, from the bundled AWS
 *     data
 * @param terraformVarFiles {@code .tfvars} and {@code .tfvars.json} files, as {@code terraform plan
 *     -var-file} takes them: read after {@code terraform.tfvars} and {@code *.auto.tfvars}, later
 *     files winning; relative paths are relative to the project root. Environment variables
 *     ({@code TF_VAR_*}) are never read, so that a test gives the same result on every machine.
 * @param terraformWorkspace {@code terraform.workspace}; {@code default} unless a test selects
 *     another (IAMUnit does not read {@code TF_WORKSPACE} or {@code .terraform/environment}, which
 *     differ from machine to machine)
 * @param accountFolders for a repository laid out as a folder (or stack) per account, where nothing
 *     in the code says which account it deploys to: the account each folder or file deploys into,
 *     by absolute path, as its twelve-digit id or as the name the organization the sources declare
 *     gives it ({@link SourceFormats#loadSources} resolves names); a source under one loads into
 *     that account instead of {@code accountId}, the deepest folder winning
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LoadOptions(
    String accountId,
    String region,
    String stackName,
    Map<String, String> values,
    Path projectRoot,
    Function<String, Optional<String>> awsManagedPolicies,
    List<Path> terraformVarFiles,
    String terraformWorkspace,
    Map<Path, String> accountFolders) {

  public LoadOptions {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    Partition.of(region);
    Objects.requireNonNull(stackName, "stackName");
    // In the order given: Map.copyOf's iteration order changes from JVM to JVM.
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Objects.requireNonNull(projectRoot, "projectRoot");
    Objects.requireNonNull(awsManagedPolicies, "awsManagedPolicies");
    terraformVarFiles = List.copyOf(terraformVarFiles);
    Objects.requireNonNull(terraformWorkspace, "terraformWorkspace");
    accountFolders = Collections.unmodifiableMap(new LinkedHashMap<>(accountFolders));
  }

  /**
   * {@code AWS::Partition}: the partition of {@link #region} ({@link Partition#of}). "A partition is
   * a group of AWS Regions. Each AWS account is scoped to one partition" (AWS General Reference,
   * "Amazon Resource Names (ARNs)", ARN format): the Region says it, so nothing sets it apart.
   */
  public String partition() {
    return Partition.of(region).id();
  }

  /** Account 123456789012 in us-east-1 of partition aws, stack "iamunit", the working directory. */
  public static LoadOptions defaults() {
    return new LoadOptions(
        Account.DEFAULT_ID,
        Account.DEFAULT_REGION,
        "iamunit",
        Map.of(),
        Path.of("").toAbsolutePath(),
        arn -> Optional.empty(),
        List.of(),
        "default",
        Map.of());
  }

  public LoadOptions withValues(Map<String, String> newValues) {
    return new LoadOptions(accountId, region, stackName, newValues, projectRoot, awsManagedPolicies, terraformVarFiles, terraformWorkspace, accountFolders);
  }

  public LoadOptions withProjectRoot(Path root) {
    return new LoadOptions(accountId, region, stackName, values, root, awsManagedPolicies, terraformVarFiles, terraformWorkspace, accountFolders);
  }

  public LoadOptions withAccountId(String id) {
    return new LoadOptions(id, region, stackName, values, projectRoot, awsManagedPolicies, terraformVarFiles, terraformWorkspace, accountFolders);
  }

  /**
   * These options in {@code newRegion}, and in its partition ({@link Partition#of}): {@code
   * cn-north-1} loads ARNs of partition {@code aws-cn}.
   *
   * @throws IllegalArgumentException when {@code newRegion} is in no AWS partition
   */
  public LoadOptions withRegion(String newRegion) {
    return new LoadOptions(accountId, newRegion, stackName, values, projectRoot, awsManagedPolicies, terraformVarFiles, terraformWorkspace, accountFolders);
  }

  public LoadOptions withAwsManagedPolicies(Function<String, Optional<String>> catalog) {
    return new LoadOptions(accountId, region, stackName, values, projectRoot, catalog, terraformVarFiles, terraformWorkspace, accountFolders);
  }

  /** Variable files for Terraform sources, as {@code -var-file} options in this order (later files win). */
  public LoadOptions withTerraformVarFiles(List<Path> files) {
    return new LoadOptions(accountId, region, stackName, values, projectRoot, awsManagedPolicies, files, terraformWorkspace, accountFolders);
  }

  /** The Terraform workspace: what {@code terraform.workspace} is. */
  public LoadOptions withTerraformWorkspace(String workspace) {
    return new LoadOptions(accountId, region, stackName, values, projectRoot, awsManagedPolicies, terraformVarFiles, workspace, accountFolders);
  }

  /**
   * Sources under {@code folders}' paths (absolute, or relative to the project root) load into
   * the account each names, as a repository with a folder per account deploys them.
   */
  public LoadOptions withAccountFolders(Map<Path, String> folders) {
    Map<Path, String> absolute = new LinkedHashMap<>();
    folders.forEach((path, id) -> absolute.put(projectRoot.resolve(path).toAbsolutePath().normalize(), id));
    return new LoadOptions(accountId, region, stackName, values, projectRoot, awsManagedPolicies, terraformVarFiles,
        terraformWorkspace, absolute);
  }

  /** Whether {@code text} is an account id (twelve digits), not an account's name. */
  public static boolean isAccountId(String text) {
    return text.length() == 12 && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** These options with only the account folders given by id: what can be loaded before names are resolved. */
  LoadOptions withAccountFoldersById() {
    Map<Path, String> byId = new LinkedHashMap<>();
    accountFolders.forEach((path, account) -> {
      if (isAccountId(account)) {
        byId.put(path, account);
      }
    });
    return new LoadOptions(accountId, region, stackName, values, projectRoot, awsManagedPolicies, terraformVarFiles,
        terraformWorkspace, byId);
  }

  /**
   * These options with each account folder given by name mapped to the id of the account of that
   * name in {@code accounts} (through {@link Accounts#allNamed}, the organization the sources declare).
   *
   * @throws AccountFolderException when a name names no account, or several
   */
  LoadOptions withAccountFolderNamesIn(Accounts accounts) {
    Map<Path, String> resolved = new LinkedHashMap<>();
    accountFolders.forEach((path, account) -> {
      if (isAccountId(account)) {
        resolved.put(path, account);
        return;
      }
      List<Account> named = accounts.allNamed(account);
      if (named.size() != 1) {
        String declared = accounts.tree().isEmpty() ? "the sources declare no organization whose accounts have names"
            : "the organization the sources declare has " + (named.isEmpty() ? "no account of that name; its accounts are "
                + accounts.describe(accounts.tree().get().accounts().stream().flatMap(m -> accounts.byId(m.id()).stream()).toList())
                : named.size() + " accounts of that name, " + accounts.describe(named));
        throw new AccountFolderException(path, account, "account folder " + projectRoot.toAbsolutePath().normalize().relativize(path)
            + " is mapped to \"" + account + "\", but " + declared + ": map the folder to an account id, or to the name or path of one account of the "
            + "organization (Workloads/prod)");
      }
      resolved.put(path, named.get(0).id());
    });
    return new LoadOptions(accountId, region, stackName, values, projectRoot, awsManagedPolicies, terraformVarFiles,
        terraformWorkspace, resolved);
  }

  /** The account {@code source} deploys into: the one of the deepest account folder holding it, else {@link #accountId}. */
  public String accountOf(Path source) {
    Path absolute = source.toAbsolutePath().normalize();
    String account = accountId;
    int depth = -1;
    for (Map.Entry<Path, String> folder : accountFolders.entrySet()) {
      if (absolute.startsWith(folder.getKey()) && folder.getKey().getNameCount() > depth) {
        account = folder.getValue();
        depth = folder.getKey().getNameCount();
      }
    }
    return account;
  }

  /** The paths AWS managed policies live under, as the bundled AWS data lists them. */
  private static final List<String> AWS_MANAGED_PATHS = List.of("/", "/service-role/", "/job-function/", "/aws-service-role/", "/root-task/");

  /**
   * The ARN of the AWS managed policy {@code name} in {@code partition}, found in the AWS managed
   * policies under any of the paths AWS puts them, or empty when there is none of that name.
   */
  public Optional<String> awsManagedPolicyArn(String partition, String name) {
    return AWS_MANAGED_PATHS.stream().map(path -> "arn:" + partition + ":iam::aws:policy" + path + name)
        .filter(arn -> awsManagedPolicies.apply(arn).isPresent()).findFirst();
  }

  /** AWS managed policies from IAMUnit's bundled AWS data, as the extension, the CLI and the plugin load them. */
  public LoadOptions withBundledAwsManagedPolicies() {
    return withAwsManagedPolicies(arn -> AwsData.bundled().managedPolicy(arn).map(ManagedPolicyDocument::document));
  }
}
