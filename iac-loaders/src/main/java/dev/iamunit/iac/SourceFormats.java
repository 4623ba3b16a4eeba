package dev.iamunit.iac;

import dev.iamunit.IamUnitException;
import dev.iamunit.iac.cloudformation.CloudFormationLoader;
import dev.iamunit.iac.terraform.TerraformLoader;
import dev.iamunit.iac.terraform.TerraformPlanLoader;
import dev.iamunit.model.Account;
import dev.iamunit.model.SourceLocation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kinds of source IAMUnit reads, asked in order; the first that accepts a file or folder loads
 * it. The one place that decides what a path is: the JUnit extension, the CLI and the diff use it.
 */
public final class SourceFormats {

  private final List<SourceFormat> formats;

  public SourceFormats(List<SourceFormat> formats) {
    this.formats = List.copyOf(formats);
  }

  /** Terraform folders and {@code .tf} files, Terraform plan JSON, CloudFormation templates and folders of them. */
  public static SourceFormats standard() {
    return new SourceFormats(List.of(new Terraform(), new TerraformPlan(), new CloudFormation()));
  }

  /** One account from every source, in order, as they deploy into one account. */
  public Account load(List<Path> sources, LoadOptions options) {
    Account.Builder account =
        Account.builder().id(options.accountId()).region(options.region()).partition(options.partition());
    for (Path source : sources) {
      if (!Files.exists(source)) {
        throw new IamUnitException("source " + source + " does not exist",
            SourceLocation.of(source.toString(), 0, 0));
      }
      formats.stream()
          .filter(f -> f.accepts(source))
          .findFirst()
          .orElseThrow(() -> new IamUnitException(
              "IAMUnit cannot read this kind of source; name a Terraform folder, .tf file, plan JSON file, "
                  + "CloudFormation template or folder of templates",
              SourceLocation.of(source.toString(), 0, 0)))
          .loadInto(source, options, account);
    }
    return account.build();
  }

  /** Whether this list of formats reads {@code source}. */
  public boolean accepts(Path source) {
    return formats.stream().anyMatch(f -> f.accepts(source));
  }

  /**
   * The CloudFormation templates {@code sources} name: files as they are, folders as every
   * template in them and their subfolders, sorted.
   */
  public static List<Path> cloudFormationTemplates(List<Path> sources) {
    List<Path> files = new ArrayList<>();
    for (Path source : sources) {
      files.addAll(Files.isDirectory(source) ? CloudFormation.templates(source) : List.of(source));
    }
    return files;
  }

  /**
   * The first {@code chars} characters of a file: enough to tell a JSON format by its keys. Bytes
   * that are not UTF-8 read as U+FFFD here; the loader that takes the file names them.
   */
  private static String head(Path file, int chars) {
    char[] head = new char[chars];
    try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
      int read = reader.read(head);
      return read > 0 ? new String(head, 0, read) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Terraform module folder (its {@code .tf} and {@code .tf.json} files) or one {@code .tf} file. */
  static final class Terraform implements SourceFormat {
    @Override
    public boolean accepts(Path source) {
      if (Files.isDirectory(source)) {
        try (Stream<Path> files = Files.list(source)) {
          return files.anyMatch(Terraform::isTerraformFile);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return isTerraformFile(source);
    }

    private static boolean isTerraformFile(Path file) {
      String name = file.getFileName().toString();
      return name.endsWith(".tf") || name.endsWith(".tf.json");
    }

    @Override
    public void loadInto(Path source, LoadOptions options, Account.Builder account) {
      TerraformLoader.loadInto(source, options, account);
    }
  }

  /** The JSON of {@code terraform show -json plan.out}: it names a {@code terraform_version}. */
  static final class TerraformPlan implements SourceFormat {
    @Override
    public boolean accepts(Path source) {
      if (!source.getFileName().toString().endsWith(".json") || !Files.isRegularFile(source)) {
        return false;
      }
      return head(source, 4096).contains("\"terraform_version\"");
    }

    @Override
    public void loadInto(Path source, LoadOptions options, Account.Builder account) {
      TerraformPlanLoader.loadInto(source, options, account);
    }
  }

  /**
   * A CloudFormation or SAM template (YAML always, JSON when it declares {@code Resources} or
   * {@code AWSTemplateFormatVersion} near its start), or a folder of them, all its subfolders.
   */
  static final class CloudFormation implements SourceFormat {
    @Override
    public boolean accepts(Path source) {
      return Files.isDirectory(source) ? !templates(source).isEmpty() : isTemplate(source);
    }

    private static boolean isTemplate(Path file) {
      String name = file.getFileName().toString();
      if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".template")) {
        return true;
      }
      if (!name.endsWith(".json") || !Files.isRegularFile(file)) {
        return false;
      }
      String head = head(file, 8192);
      return head.contains("\"AWSTemplateFormatVersion\"") || head.contains("\"Resources\"");
    }

    static List<Path> templates(Path folder) {
      try (Stream<Path> walk = Files.walk(folder)) {
        return walk.filter(Files::isRegularFile).filter(CloudFormation::isTemplate).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void loadInto(Path source, LoadOptions options, Account.Builder account) {
      CloudFormationLoader.loadInto(Files.isDirectory(source) ? templates(source) : List.of(source), options, account);
    }
  }
}
