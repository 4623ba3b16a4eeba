package dev.iamunit.cli;

import dev.iamunit.iac.HomeAccount;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.Partition;
import dev.iamunit.iac.SourceFormats;
import dev.iamunit.model.Account;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The account and region (and so partition) templates deploy into, as {@code @IamTest}'s {@code accountId}
 * and {@code region} give them, and the Terraform variable files and workspace, as its {@code
 * terraformVarFiles} and {@code terraformWorkspace}: the commands that load templates mix these
 * options in.
 */
final class LoadDefaults {

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  @Option(names = "--account", paramLabel = "ID",
      description = "The account the templates deploy into: AWS::AccountId, aws_caller_identity (default: the account they declare,"
          + " an organization's management account or the one account they deploy to; else " + Account.DEFAULT_ID + ").")
  String account;

  @Option(names = "--region", paramLabel = "REGION", defaultValue = Account.DEFAULT_REGION,
      description = "The region they deploy into: AWS::Region, aws_region (default: ${DEFAULT-VALUE}).")
  String region;

  /**
   * Taken no more: the partition is a function of the region ({@link Partition#of}), so an option
   * of its own could only repeat {@code --region} or contradict it. Hidden, it names {@code --region}
   * to whoever still gives it.
   */
  @Option(names = "--partition", paramLabel = "PARTITION", hidden = true)
  String partition;

  @Option(names = "--var-file", paramLabel = "FILE",
      description = "A Terraform variable file (.tfvars, .tfvars.json), as terraform plan -var-file reads it; repeatable, later"
          + " files win. terraform.tfvars and *.auto.tfvars are read as Terraform reads them; TF_VAR_* variables never are.")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--workspace", paramLabel = "NAME", defaultValue = "default",
      description = "The Terraform workspace: terraform.workspace (default: ${DEFAULT-VALUE}; TF_WORKSPACE is never read).")
  String workspace;

  /**
   * The load options of these values, AWS managed policies from the bundled AWS data; without
   * {@code --account}, the default account, which {@link #load} replaces with the one the sources
   * declare.
   */
  LoadOptions options() {
    if (account != null) {
      check("--account", account, ACCOUNT, "12 digits, such as 123456789012");
    }
    Partition regions = Partition.ofRegion(region).orElseThrow(() -> new InputException("--region: " + Partition.unknownRegion(region)));
    if (partition != null) {
      throw new InputException("--partition is not an option any more: the partition is the one of --region (here " + region
          + ", in partition " + regions.id() + "), so leave --partition out and give a Region of the partition you mean with --region "
          + "(cn-north-1 for aws-cn, us-gov-west-1 for aws-us-gov)");
    }
    // Relative to the working directory, as terraform reads -var-file, whatever the project root.
    requireExisting(varFiles);
    return LoadOptions.defaults()
        .withAccountId(account == null ? Account.DEFAULT_ID : account)
        .withRegion(region)
        .withTerraformVarFiles(varFiles.stream().map(p -> p.toAbsolutePath().normalize()).toList())
        .withTerraformWorkspace(workspace)
        .withBundledAwsManagedPolicies();
  }

  /** The options, with paths in {@code file()} confined to {@code root}. */
  LoadOptions options(Path root) {
    return options().withProjectRoot(root);
  }

  /**
   * Loads {@code sources} with {@code options} (these values' {@link #options}) into their home
   * account, by the one rule every command applies ({@link HomeAccount}): {@code --account} wins;
   * else the account the sources declare; else the default.
   */
  HomeAccount.Loaded load(List<Path> sources, LoadOptions options) {
    return HomeAccount.load(SourceFormats.standard(), sources, options, accountGiven());
  }

  /** Whether the user gave {@code --account}, which then wins over what the sources declare. */
  boolean accountGiven() {
    return account != null;
  }

  /** How every command says which account the sources were loaded into, and by which rule. */
  static String homeLine(HomeAccount home) {
    return "home account " + home.description("--account");
  }

  /** {@link #homeLine} of each home, naming the sources of each when they differ. */
  static String homeLines(Map<HomeAccount, List<Path>> homes) {
    if (homes.size() == 1) {
      return homeLine(homes.keySet().iterator().next());
    }
    return homes.entrySet().stream()
        .map(e -> homeLine(e.getKey()) + " for " + e.getValue().stream().map(Path::toString).collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "));
  }

  /** A source that does not exist is an input error, as for every file a command reads. */
  static void requireExisting(List<Path> sources) {
    for (Path source : sources) {
      if (!Files.exists(source)) {
        throw new UncheckedIOException(new NoSuchFileException(source.toString()));
      }
    }
  }

  private static void check(String option, String value, Pattern pattern, String expected) {
    if (!pattern.matcher(value).matches()) {
      throw new InputException(option + " takes " + expected + ", not \"" + value + "\"");
    }
  }
}
