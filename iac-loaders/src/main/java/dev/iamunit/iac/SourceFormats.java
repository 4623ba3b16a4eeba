package dev.iamunit.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import dev.iamunit.iac.cloudformation.CloudAssembly;
import dev.iamunit.iac.cloudformation.CloudFormationLoader;
import dev.iamunit.iac.terraform.TerraformLoader;
import dev.iamunit.iac.terraform.TerraformPlanLoader;
import dev.iamunit.model.Account;
import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.iac.internal.TemplateInputs;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.SourceLocation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Policy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apiguardian.api.API;

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
@API(status = EXPERIMENTAL, since = "0.1")
public final class SourceFormats {

  private final List<SourceFormat> formats;

  public SourceFormats(List<SourceFormat> formats) {
    this.formats = List.copyOf(formats);
  }

  /**
   * Terraform folders and {@code .tf} files, Terraform plan JSON, AWS CDK cloud assemblies
   * ({@code cdk.out}), CloudFormation templates and folders of them, and plain policy documents ({@code .json}, asked last, since plans and
   * templates are JSON too).
   */
  public static SourceFormats standard() {
    return new SourceFormats(List.of(new Terraform(), new TerraformPlan(), new CdkOut(), new CloudFormation(), new PolicyFile()));
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
                + "CDK cloud assembly (cdk.out), CloudFormation template, folder of templates or policy document (.json)",
            SourceLocation.of(path.toString(), 0, 0)));
  }

  /** Whether this list of formats reads {@code source}. */
  public boolean accepts(Path source) {
    return formats.stream().anyMatch(f -> f.accepts(source));
  }

  /**
   * {@code path} as every format reads it. A file is read by the first format that accepts it, as
   * {@link #source} reads it. A folder, a repository root say, is read by every template format
   * that finds templates in it ({@link SourceFormat#sourcesIn}: the Terraform module at its top or
   * else its root modules below, CloudFormation templates anywhere below, neither inside a build's
   * test tree {@code src/test}: see {@link #walk}), so no kind is left out;
   * plain policy documents are read from a folder only when it holds no templates, since a template
   * repository's {@code .json} documents are the templates' inputs ({@code file("policy.json")}),
   * not policies of their own.
   *
   * @throws IamUnitException naming the path when it does not exist or no format reads it
   */
  public List<Source> sources(Path path) {
    if (Files.isDirectory(path)) {
      List<Source> templates = formats.stream()
          .filter(f -> !(f instanceof PolicyFile))
          .flatMap(f -> f.sourcesIn(path).stream().map(p -> new Source(p, f)))
          .toList();
      if (!templates.isEmpty()) {
        return templates;
      }
    }
    return List.of(source(path));
  }

  /** One account from every source, each read as {@link #sources} reads it. */
  public LoadedSources load(List<Path> sources, LoadOptions options) {
    return loadSources(sources.stream().flatMap(p -> sources(p).stream()).toList(), options);
  }

  /**
   * Folders a walk for sources does not enter below the folder it starts from: version control,
   * Terraform's module and provider cache ({@code .terraform}: the Terraform loader reads modules
   * from it through {@code modules.json}, never as sources), dependencies and build output, and the
   * CDK's cloud assembly ({@code cdk.out}: the {@code cdkOut} format reads it, with its manifest).
   */
  static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".terraform", "node_modules", "target", "build", "cdk.out");

  /**
   * Whether {@code dir} is a build's test tree, {@code src/test}: Maven's standard directory layout
   * (which Gradle follows) keeps test sources and test resources there, so the templates in it are
   * the tests' fixtures (example-repo's deliberately wrong copy of Force_MFA), not what the
   * repository deploys. A walk does not enter it below the folder it starts from; naming it, or a
   * folder in it, reads it.
   */
  static boolean isTestTree(Path dir) {
    Path parent = dir.getParent();
    return dir.getFileName() != null && dir.getFileName().toString().equals("test")
        && parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("src");
  }

  /**
   * Every regular file under {@code folder} that {@code wanted} accepts, sorted, not entering the
   * {@link #SKIPPED_FOLDERS} nor a test tree ({@link #isTestTree}) below {@code folder} (naming one
   * of them as the folder reads it).
   */
  static List<Path> walk(Path folder, Predicate<Path> wanted) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(folder) && (SKIPPED_FOLDERS.contains(dir.getFileName().toString()) || isTestTree(dir))
              ? FileVisitResult.SKIP_SUBTREE
              : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && wanted.test(file)) {
            found.add(file);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    found.sort(Comparator.naturalOrder());
    return found;
  }

  /**
   * The whole text of {@code file}, for telling a format by its keys (a template's Resources may
   * follow long Parameters). Bytes that are not UTF-8 read as U+FFFD here, as in {@link #head}.
   */
  private static String text(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The accounts every source deploys into, and the report of the whole load. Sources load by
   * format in this list's order, then by path; the same path given twice loads once. A source
   * loads into the options' account, or the account its folder is mapped to ({@link
   * LoadOptions#accountFolders()}); Terraform places each resource in its provider's account. An
   * account folder mapped to an account's name is resolved through the organization the sources
   * declare, found by loading them with the folders mapped by id only, first.
   *
   * @throws AccountFolderException when an account folder's name names no account of that
   *     organization, or several
   */
  public LoadedSources loadSources(Collection<Source> sources, LoadOptions options) {
    if (options.accountFolders().values().stream().allMatch(LoadOptions::isAccountId)) {
      return loadResolved(sources, options);
    }
    Accounts declared = loadResolved(sources, options.withAccountFoldersById()).accounts();
    return loadResolved(sources, options.withAccountFolderNamesIn(declared));
  }

  private LoadedSources loadResolved(Collection<Source> sources, LoadOptions options) {
    List<Source> ordered = sources.stream()
        .map(s -> new Source(s.path().normalize(), s.format()))
        .distinct()
        .sorted(Comparator.<Source>comparingInt(s -> position(s.format())).thenComparing(s -> s.path().toString()))
        .toList();
    // A file a template reads as an input (a Terraform stack set's file("audit.yaml"), a nested
    // stack's template) is that template's, not a source of its own (TemplateInputs). Terraform
    // loads first, so later formats skip what it reads; a unit that loaded a file a later unit
    // turns out to read (a nested template in another account folder) makes the load start again
    // knowing it, so the result does not depend on which unit came first.
    TemplateInputs inputs = new TemplateInputs();
    while (true) {
      Attempt attempt = loadUnits(ordered, options, inputs);
      List<Path> readLater = attempt.loadedAsSources().stream().filter(attempt.inputs()::contains).toList();
      if (readLater.isEmpty()) {
        return attempt.loaded();
      }
      inputs.addAll(readLater);
    }
  }

  /** A load, the files it loaded as sources of their own, and the files its templates read as inputs. */
  private record Attempt(LoadedSources loaded, List<Path> loadedAsSources, TemplateInputs inputs) {}

  private Attempt loadUnits(List<Source> ordered, LoadOptions options, TemplateInputs skipped) {
    AccountMerge merge = new AccountMerge(options);
    List<LoadReport> reports = new ArrayList<>();
    TemplateInputs inputs = new TemplateInputs();
    inputs.addAll(skipped.files());
    List<Path> loadedAsSources = new ArrayList<>();
    int i = 0;
    while (i < ordered.size()) {
      SourceFormat format = ordered.get(i).format();
      // A unit deploys into one account (LoadOptions.accountFolders): stacks of two accounts
      // cannot import each other's exports.
      LoadOptions unitOptions = options.withAccountId(options.accountOf(ordered.get(i).path()));
      List<Path> unit = new ArrayList<>();
      do {
        unit.add(ordered.get(i++).path());
      } while (format.loadsTogether() && i < ordered.size() && ordered.get(i).format() == format
          && options.accountOf(ordered.get(i).path()).equals(unitOptions.accountId()));
      // A folder's templates, less those a template read.
      unit = inputs.sources(format instanceof CloudFormation ? CloudFormation.files(unit) : unit, p -> p);
      if (unit.isEmpty()) {
        continue;
      }
      Accounts.Builder accounts = Accounts.builder(unitOptions.accountId(), options.partition(), options.region());
      LoadReport report = format.loadInto(unit, unitOptions, accounts);
      reports.add(report);
      // The unit's templates read these themselves, and left them out (a nested stack's template).
      TemplateInputs own = new TemplateInputs();
      own.addAll(report.inputs());
      loadedAsSources.addAll(own.sources(unit, p -> p));
      inputs.addAll(report.inputs());
      merge.add(accounts.build());
    }
    LoadReportBuilder placing = new LoadReportBuilder();
    Accounts accounts = merge.accounts(placing);
    reports.add(placing.build());
    return new Attempt(new LoadedSources(accounts, LoadReport.concat(reports, merge.problems())), loadedAsSources, inputs);
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

    /**
     * The folder when it is a Terraform module (it holds {@code .tf} files at its top), as
     * {@code terraform -chdir} takes it. Otherwise, a repository root say, every root module below
     * it: each folder holding {@code .tf} files that no other such folder calls as a local module
     * ({@code source = "./modules/x"}), since a called module is loaded through its caller, with
     * the caller's inputs.
     */
    @Override
    public List<Path> sourcesIn(Path folder) {
      if (accepts(folder)) {
        return List.of(folder);
      }
      List<Path> modules = walk(folder, Terraform::isTerraformFile).stream().map(Path::getParent).distinct().toList();
      Set<Path> called = new HashSet<>();
      for (Path module : modules) {
        called.addAll(TerraformLoader.localModuleCalls(module));
      }
      return modules.stream().filter(m -> !called.contains(m.toAbsolutePath().normalize())).toList();
    }

    private static boolean isTerraformFile(Path file) {
      String name = file.getFileName().toString();
      return name.endsWith(".tf") || name.endsWith(".tf.json");
    }

    @Override
    public LoadReport loadInto(List<Path> unit, LoadOptions options, Account.Builder account) {
      return TerraformLoader.loadInto(unit.get(0), options, account);
    }

    @Override
    public LoadReport loadInto(List<Path> unit, LoadOptions options, Accounts.Builder accounts) {
      return TerraformLoader.loadInto(unit.get(0), options, accounts);
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

    @Override
    public LoadReport loadInto(List<Path> unit, LoadOptions options, Accounts.Builder accounts) {
      return TerraformPlanLoader.loadInto(unit.get(0), options, accounts);
    }
  }

  /**
   * An AWS CDK cloud assembly: a folder with the {@code manifest.json} {@code cdk synth} writes, or
   * a folder whose {@code cdk.out} is one (a CDK app's root). Its stacks load together, as
   * CloudFormation templates do.
   */
  static final class CdkOut implements SourceFormat {
    @Override
    public String name() {
      return "cdkOut";
    }

    @Override
    public boolean loadsTogether() {
      return true;
    }

    @Override
    public boolean accepts(Path source) {
      return Files.isDirectory(source) && CloudAssembly.of(source).isPresent();
    }

    @Override
    public LoadReport loadInto(List<Path> unit, LoadOptions options, Account.Builder account) {
      return CloudAssembly.loadInto(unit, options, account);
    }

    @Override
    public LoadReport loadInto(List<Path> unit, LoadOptions options, Accounts.Builder accounts) {
      return CloudAssembly.loadInto(unit, options, accounts);
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

    /**
     * A YAML or JSON template has at least one of these top-level sections: Resources is required
     * (AWS CloudFormation User Guide, "CloudFormation template sections": "The Resources section
     * is required in every CloudFormation template"), and a file that lacks it but names a format
     * version or a SAM transform is a template with a mistake the loader reports. A key at the
     * start of a line (optionally quoted) is a top-level YAML key; in JSON the quoted key anywhere.
     */
    private static final Pattern TEMPLATE_YAML = Pattern.compile("(?m)^\uFEFF?[\"']?(Resources|AWSTemplateFormatVersion|Transform)[\"']?[ \\t]*:");

    private static final Pattern TEMPLATE_JSON = Pattern.compile("\"(Resources|AWSTemplateFormatVersion|Transform)\"\\s*:");

    @Override
    public boolean accepts(Path source) {
      if (Files.isDirectory(source)) {
        // A cloud assembly's templates are the cdkOut format's, read with its manifest.
        return CloudAssembly.of(source).filter(source::equals).isEmpty() && !templates(source).isEmpty();
      }
      // A YAML file named on its own is meant as a template: the loader says what it lacks.
      return isYaml(source) || isTemplate(source);
    }

    private static boolean isYaml(Path file) {
      String name = file.getFileName().toString();
      return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".template");
    }

    /** Whether {@code file} is a template by its content: a CI workflow or package.json is not. */
    private static boolean isTemplate(Path file) {
      if (!Files.isRegularFile(file)) {
        return false;
      }
      if (isYaml(file)) {
        // .template files may be JSON too.
        String text = text(file);
        return TEMPLATE_YAML.matcher(text).find() || TEMPLATE_JSON.matcher(text).find();
      }
      return file.getFileName().toString().endsWith(".json") && TEMPLATE_JSON.matcher(text(file)).find();
    }

    /** The templates under {@code folder}: files whose content makes them templates. */
    static List<Path> templates(Path folder) {
      return walk(folder, CloudFormation::isTemplate);
    }

    @Override
    public LoadReport loadInto(List<Path> unit, LoadOptions options, Account.Builder account) {
      return CloudFormationLoader.loadInto(files(unit), options, account);
    }

    @Override
    public LoadReport loadInto(List<Path> unit, LoadOptions options, Accounts.Builder accounts) {
      return CloudFormationLoader.loadInto(files(unit), options, accounts);
    }

    /** The template files of {@code unit}: each file, and the templates under each folder. */
    static List<Path> files(List<Path> unit) {
      List<Path> files = new ArrayList<>();
      for (Path source : unit) {
        files.addAll(Files.isDirectory(source) ? templates(source) : List.of(source));
      }
      return files;
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

    private static final Pattern STATEMENT = Pattern.compile("\"Statement\"\\s*:");

    @Override
    public boolean accepts(Path source) {
      return Files.isDirectory(source) ? !files(source).isEmpty() : isJson(source);
    }

    private static boolean isJson(Path file) {
      return file.getFileName().toString().endsWith(".json") && Files.isRegularFile(file);
    }

    /**
     * The policy documents under {@code folder}: {@code .json} files with a {@code Statement}
     * (package.json, tsconfig.json are not). A file named on its own is read whatever it holds, so
     * its mistakes are reported; a document with a mistaken Statement is still found here.
     */
    private static List<Path> files(Path folder) {
      return walk(folder, file -> isJson(file) && STATEMENT.matcher(text(file)).find());
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
