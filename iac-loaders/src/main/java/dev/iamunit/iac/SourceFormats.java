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
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Policy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one way from files to an account: the kinds of source IAMUnit reads, asked in order (the
 * first that accepts a file or folder loads it), and {@link #load}, which turns paths and options
 * into an {@link Account} and its {@link LoadReport}. The JUnit extension, the CLI, the Maven
 * plugin and the access diff all call it; nothing else builds accounts from files.
 *
 * <p>The result does not depend on the order sources are given in: they load in a defined order
 * (by format, as listed, then by path), each unit into an account of its own, and the units join
 * by one rule ({@link AccountMerge}).
 */
public final class SourceFormats {

  private final List<SourceFormat> formats;

  public SourceFormats(List<SourceFormat> formats) {
    this.formats = List.copyOf(formats);
  }

  /**
   * Terraform folders and {@code .tf} files, Terraform plan JSON, CloudFormation templates and
   * folders of them, and plain policy documents ({@code .json}, asked last, since plans and
   * templates are JSON too).
   */
  public static SourceFormats standard() {
    return new SourceFormats(List.of(new Terraform(), new TerraformPlan(), new CloudFormation(), new PolicyFile()));
  }

  /** A path and the format it loads as. */
  public record Source(Path path, SourceFormat format) {
    public Source {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(format, "format");
    }
  }

  /** The format called {@code name} ({@link SourceFormat#name()}). */
  public Optional<SourceFormat> named(String name) {
    return formats.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * {@code path} as the first format that accepts it reads it.
   *
   * @throws IamUnitException naming the path when it does not exist or no format reads it
   */
  public Source source(Path path) {
    if (!Files.exists(path)) {
      throw new IamUnitException("source " + path + " does not exist", SourceLocation.of(path.toString(), 0, 0));
    }
    return formats.stream()
        .filter(f -> f.accepts(path))
        .findFirst()
        .map(f -> new Source(path, f))
        .orElseThrow(() -> new IamUnitException(
            "IAMUnit cannot read this kind of source; name a Terraform folder, .tf file, plan JSON file, "
                + "CloudFormation template, folder of templates or policy document (.json)",
            SourceLocation.of(path.toString(), 0, 0)));
  }

  /** Whether this list of formats reads {@code source}. */
  public boolean accepts(Path source) {
    return formats.stream().anyMatch(f -> f.accepts(source));
  }

  /** One account from every source, each read as the first format that accepts it. */
  public LoadedSources load(List<Path> sources, LoadOptions options) {
    return loadSources(sources.stream().map(this::source).toList(), options);
  }

  /**
   * One account from every source, as they deploy into one account, and the report of the whole
   * load. Sources load by format in this list's order, then by path; the same path given twice
   * loads once.
   */
  public LoadedSources loadSources(Collection<Source> sources, LoadOptions options) {
    List<Source> ordered = sources.stream()
        .map(s -> new Source(s.path().normalize(), s.format()))
        .distinct()
        .sorted(Comparator.<Source>comparingInt(s -> position(s.format())).thenComparing(s -> s.path().toString()))
        .toList();
    AccountMerge merge = new AccountMerge(options);
    List<LoadReport> reports = new ArrayList<>();
    int i = 0;
    while (i < ordered.size()) {
      SourceFormat format = ordered.get(i).format();
      List<Path> unit = new ArrayList<>();
      do {
        unit.add(ordered.get(i++).path());
      } while (format.loadsTogether() && i < ordered.size() && ordered.get(i).format() == format);
      Account.Builder account = Account.builder().id(options.accountId()).region(options.region()).partition(options.partition());
      reports.add(format.loadInto(unit, options, account));
      merge.add(account.build());
    }
    return new LoadedSources(merge.account(), LoadReport.concat(reports, merge.problems()));
  }

  private int position(SourceFormat format) {
    int index = formats.indexOf(format);
    if (index < 0) {
      throw new IllegalArgumentException("format " + format.name() + " is not one of " + formats);
    }
    return index;
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
    public String name() {
      return "terraform";
    }

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
    public LoadReport loadInto(List<Path> unit, LoadOptions options, Account.Builder account) {
      return TerraformLoader.loadInto(unit.get(0), options, account);
    }
  }

  /** The JSON of {@code terraform show -json plan.out}: it names a {@code terraform_version}. */
  static final class TerraformPlan implements SourceFormat {
    @Override
    public String name() {
      return "terraformPlan";
    }

    @Override
    public boolean accepts(Path source) {
      if (!source.getFileName().toString().endsWith(".json") || !Files.isRegularFile(source)) {
        return false;
      }
      return head(source, 4096).contains("\"terraform_version\"");
    }

    @Override
    public LoadReport loadInto(List<Path> unit, LoadOptions options, Account.Builder account) {
      return TerraformPlanLoader.loadInto(unit.get(0), options, account);
    }
  }

  /**
   * A CloudFormation or SAM template (YAML always, JSON when it declares {@code Resources} or
   * {@code AWSTemplateFormatVersion} near its start), or a folder of them, all its subfolders.
   */
  static final class CloudFormation implements SourceFormat {
    @Override
    public String name() {
      return "cloudFormation";
    }

    @Override
    public boolean loadsTogether() {
      return true;
    }

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
    public LoadReport loadInto(List<Path> unit, LoadOptions options, Account.Builder account) {
      List<Path> files = new ArrayList<>();
      for (Path source : unit) {
        files.addAll(Files.isDirectory(source) ? templates(source) : List.of(source));
      }
      return CloudFormationLoader.loadInto(files, options, account);
    }
  }

  /**
   * A plain policy document in a {@code .json} file, as the IAM console and {@code aws iam} take
   * it, or a folder of them. An identity-based document becomes a customer managed policy named
   * after the file ({@code force_mfa.json} is {@code arn:aws:iam::123456789012:policy/force_mfa} in
   * the options' account); a document with a Principal becomes a resource-based policy keyed by
   * the file, since no resource is known. A document AWS would reject is a problem of the report.
   */
  static final class PolicyFile implements SourceFormat {
    @Override
    public String name() {
      return "policy";
    }

    @Override
    public boolean accepts(Path source) {
      return Files.isDirectory(source) ? !files(source).isEmpty() : isPolicyFile(source);
    }

    private static boolean isPolicyFile(Path file) {
      return file.getFileName().toString().endsWith(".json") && Files.isRegularFile(file);
    }

    private static List<Path> files(Path folder) {
      try (Stream<Path> walk = Files.walk(folder)) {
        return walk.filter(PolicyFile::isPolicyFile).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public LoadReport loadInto(List<Path> unit, LoadOptions options, Account.Builder account) {
      List<String> read = new ArrayList<>();
      List<LoadReport.LoadedPolicy> policies = new ArrayList<>();
      List<LoadReport.Problem> problems = new ArrayList<>();
      for (Path source : unit) {
        for (Path file : Files.isDirectory(source) ? files(source) : List.of(source)) {
          read.add(file.toString());
          Policy policy;
          try {
            policy = PolicyFiles.read(file);
          } catch (IamUnitException e) {
            SourceLocation where = e.location().orElse(SourceLocation.of(file.toString(), 0, 0));
            String message = e.getMessage().startsWith(where + ": ") ? e.getMessage().substring(where.toString().length() + 2) : e.getMessage();
            problems.add(new LoadReport.Problem(where, message));
            continue;
          }
          String name = PolicyFiles.stem(file);
          policies.add(new LoadReport.LoadedPolicy(name, policy));
          if (policy.statements().stream().anyMatch(s -> s.principal().isPresent())) {
            account.resourcePolicy(file.toString(), policy);
          } else {
            String arn = "arn:" + options.partition() + ":iam::" + options.accountId() + ":policy/" + name;
            account.managedPolicy(new ManagedPolicy(arn, name, "/", policy, false));
          }
        }
      }
      return new LoadReport(read, policies, List.of(), problems);
    }
  }
}
