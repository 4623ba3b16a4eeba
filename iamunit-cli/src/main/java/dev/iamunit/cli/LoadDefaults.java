package dev.iamunit.cli;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Account;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The account, region and partition templates deploy into, as {@code @IamTest}'s {@code accountId}
 * and {@code region} give them, and the Terraform variable files and workspace, as its {@code
 * terraformVarFiles} and {@code terraformWorkspace}: the commands that load templates mix these
 * options in.
 */
final class LoadDefaults {

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
  private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");

  @Option(names = "--account", paramLabel = "ID", defaultValue = Account.DEFAULT_ID,
      description = "The account the templates deploy into: AWS::AccountId, aws_caller_identity (default: ${DEFAULT-VALUE}).")
  String account;

  @Option(names = "--region", paramLabel = "REGION", defaultValue = Account.DEFAULT_REGION,
      description = "The region they deploy into: AWS::Region, aws_region (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--partition", paramLabel = "PARTITION", defaultValue = Account.DEFAULT_PARTITION,
      description = "The partition: AWS::Partition, aws_partition (default: ${DEFAULT-VALUE}).")
  String partition;

  @Option(names = "--var-file", paramLabel = "FILE",
      description = "A Terraform variable file (.tfvars, .tfvars.json), as terraform plan -var-file reads it; repeatable, later"
          + " files win. terraform.tfvars and *.auto.tfvars are read as Terraform reads them; TF_VAR_* variables never are.")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--workspace", paramLabel = "NAME", defaultValue = "default",
      description = "The Terraform workspace: terraform.workspace (default: ${DEFAULT-VALUE}; TF_WORKSPACE is never read).")
  String workspace;

  /** The load options of these values, AWS managed policies from the bundled AWS data. */
  LoadOptions options() {
    check("--account", account, ACCOUNT, "12 digits, such as 123456789012");
    check("--region", region, REGION, "a region code, such as eu-west-1");
    check("--partition", partition, PARTITION, "aws, aws-cn or aws-us-gov");
    // Relative to the working directory, as terraform reads -var-file, whatever the project root.
    requireExisting(varFiles);
    return LoadOptions.defaults()
        .withAccountId(account)
        .withRegion(region)
        .withPartition(partition)
        .withTerraformVarFiles(varFiles.stream().map(p -> p.toAbsolutePath().normalize()).toList())
        .withTerraformWorkspace(workspace)
        .withBundledAwsManagedPolicies();
  }

  /** The options, with paths in {@code file()} confined to {@code root}. */
  LoadOptions options(Path root) {
    return options().withProjectRoot(root);
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
