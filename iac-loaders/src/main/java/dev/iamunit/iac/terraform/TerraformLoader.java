package dev.iamunit.iac.terraform;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.iac.internal.AccountAssembler;
import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.iac.internal.SourceText;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.Partition;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.iac.internal.AssemblyTarget;
import dev.iamunit.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Loads IAM from Terraform sources ({@code .tf}, {@code .tf.json}) by evaluating them statically:
 * variables from the test, {@code *.tfvars} and defaults; locals; local modules; and the data
 * sources IAM code uses. Whatever cannot be computed is reported as unresolved, never guessed. No
 * data source is ever read and nothing touches the network.
 */
@API(status = INTERNAL, since = "0.1")
public final class TerraformLoader {

  /**
   * Larger than any Terraform source or plan a policy test needs (the largest generated .tf.json
   * in the shared corpus is under 1 MB); it keeps a stray binary or log file from exhausting the heap.
   */
  static final long MAX_FILE_BYTES = 32L * 1024 * 1024;


  private TerraformLoader() {}

  /**
   * Loads a root module folder, or a single {@code .tf} file, into a new account.
   *
   * @throws TemplateException naming file:line when the configuration has a mistake Terraform or AWS
   *     would reject (see {@link LoadReport#problems()})
   */
  public static Account load(Path dirOrFile, LoadOptions options) {
    Account.Builder builder = Account.builder();
    LoadReport report = loadInto(dirOrFile, options, builder);
    if (!report.problems().isEmpty()) {
      LoadReport.Problem first = report.problems().get(0);
      throw new TemplateException(first.message() + (report.problems().size() > 1
          ? " (and " + (report.problems().size() - 1) + " more problems: " + report.problems().subList(1, report.problems().size()) + ")"
          : ""), first.location());
    }
    return builder.build();
  }

  /**
   * Loads into an existing builder, so that several sources combine into one account, and returns
   * what was found. Invalid policies and duplicate blocks are left out and listed in {@link
   * LoadReport#problems()} rather than thrown, so tools can show every problem at once.
   *
   * @throws TemplateException with file:line for a syntax error or a policy that is wrong as written
   */
  public static LoadReport loadInto(Path dirOrFile, LoadOptions options, Account.Builder builder) {
    return loadInto(dirOrFile, options, AssemblyTarget.of(builder));
  }

  /**
   * Loads into the accounts of a load: what a resource declares goes to its provider's account
   * ({@code provider = aws.prod} with an {@code assume_role} in account 111111111111 puts it in
   * 111111111111), the rest to the default provider's account, else the options'.
   */
  public static LoadReport loadInto(Path dirOrFile, LoadOptions options, Accounts.Builder accounts) {
    return loadInto(dirOrFile, options, AssemblyTarget.of(accounts));
  }

  private static LoadReport loadInto(Path dirOrFile, LoadOptions options, AssemblyTarget target) {
    try {
      return loadChecked(dirOrFile, options, target);
    } catch (StackOverflowError e) {
      // The parser and the reference chains have limits well inside the stack; this is the last
      // guard, for shapes they do not foresee, so that a user sees a message rather than a crash.
      throw new TemplateException("the configuration nests too deeply for IAMUnit to evaluate (stack overflow);"
          + " simplify the deepest expression or module chain", SourceLocation.of(dirOrFile.toString(), 0, 0));
    }
  }

  private static LoadReport loadChecked(Path dirOrFile, LoadOptions options, AssemblyTarget target) {
    if (!Files.exists(dirOrFile)) {
      throw new TemplateException("no Terraform sources at " + dirOrFile + "; give a folder of .tf files or a .tf file",
          SourceLocation.of(dirOrFile.toString(), 0, 0));
    }
    LoadReportBuilder report = new LoadReportBuilder();
    Path rootDir = (Files.isDirectory(dirOrFile) ? dirOrFile : dirOrFile.toAbsolutePath().getParent()).toAbsolutePath().normalize();
    ModuleConfig config = ModuleConfig.read(dirOrFile, options.projectRoot(), report);
    ModuleInstance root = new ModuleInstance(config, "", rootInputs(config, rootDir, options, report),
        new ModuleInstance.Context(options, rootDir, report, ModuleManifest.read(rootDir, config)));
    AccountAssembler assembler = new AccountAssembler(where(root.provider("aws", null), options), report);
    List<ModuleInstance> pending = new ArrayList<>(List.of(root));
    List<ResourceView> resources = new ArrayList<>();
    while (!pending.isEmpty()) {
      ModuleInstance module = pending.remove(0);
      resources.addAll(module.resourceViews());
      pending.addAll(module.children());
    }
    // A resource whose count or for_each is unknown contributes its statements only if it exists.
    resources.forEach(r -> r.existence().forEach(why -> assembler.existenceUnknown(r.address(), why)));
    new TerraformResources(assembler).add(resources);
    return target.finish(assembler, report);
  }

  /**
   * The options the account is assembled with: the root's default provider's region (and so its
   * partition) and account where it fixes them. Where it names them through a value IAMUnit cannot compute, the
   * options' stay (the account model needs one), and that value is already reported as unresolved
   * wherever a data source or ARN uses it.
   */
  private static LoadOptions where(AwsProvider provider, LoadOptions options) {
    LoadOptions result = options;
    // A region in no partition is reported where the provider is read (AwsProvider); the options' stays.
    if (provider.region() instanceof Value.Str s && s.known() && Partition.ofRegion(s.text()).isPresent()) {
      result = result.withRegion(s.text());
    }
    if (provider.account() instanceof Value.Str s && s.known()) {
      result = result.withAccountId(s.text());
    }
    return result;
  }

  /**
   * The folders the local module calls of the module in {@code dir} name ({@code source = "./x"}),
   * absolute and normalized. Terraform requires {@code source} to be a literal string, so reading
   * the blocks is enough; a module whose files do not parse calls nothing here (loading it reports
   * the mistake with file:line).
   */
  public static Set<Path> localModuleCalls(Path dir) {
    ModuleConfig config;
    try {
      config = ModuleConfig.read(dir, dir, new LoadReportBuilder());
    } catch (TemplateException e) {
      return Set.of();
    }
    Set<Path> called = new HashSet<>();
    for (Body.Block module : config.modules().values()) {
      module.body().attribute("source")
          .map(a -> AwsProvider.unquoted(a.expr().span().text()))
          .filter(text -> text.startsWith("./") || text.startsWith("../"))
          .flatMap(text -> ProjectPaths.resolve(config.dir(), text))
          .ifPresent(called::add);
    }
    return called;
  }

  /** Like {@link #loadInto}, into a fresh account, returning only the report. */
  public static LoadReport report(Path dirOrFile, LoadOptions options) {
    return loadInto(dirOrFile, options, Account.builder());
  }

  /**
   * The root module's variable values in Terraform's order of precedence, later winning ("Variable
   * Definition Precedence", Terraform language, Input Variables): {@code terraform.tfvars}, {@code
   * terraform.tfvars.json}, {@code *.auto.tfvars} and {@code *.auto.tfvars.json} in lexical order of
   * their names, then the options' var files in their order ({@code -var-file}), then the test's
   * values ({@code -var}). Environment variables ({@code TF_VAR_*}), first in Terraform's order, are
   * never read.
   */
  private static Map<String, Function<String, Value>> rootInputs(ModuleConfig config, Path rootDir, LoadOptions options, LoadReportBuilder report) {
    Map<String, Value> values = new HashMap<>();
    List<Path> tfvars = new ArrayList<>();
    if (Files.isDirectory(rootDir)) {
      for (String name : List.of("terraform.tfvars", "terraform.tfvars.json")) {
        if (Files.isRegularFile(rootDir.resolve(name))) {
          tfvars.add(rootDir.resolve(name));
        }
      }
      try (Stream<Path> list = Files.list(rootDir)) {
        list.filter(p -> p.getFileName().toString().endsWith(".auto.tfvars") || p.getFileName().toString().endsWith(".auto.tfvars.json"))
            .filter(Files::isRegularFile).sorted(Comparator.comparing(p -> p.getFileName().toString())).forEach(tfvars::add);
      } catch (IOException e) {
        throw new TemplateException("cannot list " + rootDir + ": " + e.getMessage(), SourceLocation.of(rootDir.toString(), 0, 0));
      }
    }
    for (Path given : options.terraformVarFiles()) {
      Path file = options.projectRoot().resolve(given).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw new TemplateException("the variable file " + given + " does not exist (" + file + "); var files are relative to the"
            + " project root " + options.projectRoot(), SourceLocation.of(given.toString(), 0, 0));
      }
      tfvars.add(file);
    }
    for (Path file : tfvars) {
      String name = config.displayName(file);
      report.file(name);
      String text = SourceText.read(file, name, "Terraform", TerraformLoader.MAX_FILE_BYTES);
      Body body = name.endsWith(".json") ? HclJson.parseVariables(name, text) : HclParser.parseFile(name, text, report);
      ExpressionEvaluator ev = new ExpressionEvaluator(noReferences(config), "", report);
      body.attributes().values().forEach(a -> values.put(a.name(), ev.evaluateOrUnknown(a.expr())));
    }
    options.values().forEach((key, text) -> values.put(key, testValue(config, key, text, report)));
    Map<String, Function<String, Value>> inputs = new HashMap<>();
    values.forEach((key, value) -> inputs.put(key, n -> value));
    return inputs;
  }

  /** A test value: a string for string variables, else read as an HCL expression ({@code ["a","b"]}). */
  private static Value testValue(ModuleConfig config, String key, String text, LoadReportBuilder report) {
    Body.Block variable = config.variables().get(key);
    String type = variable == null ? "" : variable.body().attribute("type").map(a -> a.expr().span().text()).orElse("");
    if (type.isEmpty() || type.equals("string")) {
      return Value.of(text);
    }
    Expr expr = HclParser.parseExpression("LoadOptions.values[" + key + "]", text, 1);
    return new ExpressionEvaluator(noReferences(config), "", report).evaluateOrUnknown(expr);
  }

  private static Scope noReferences(ModuleConfig config) {
    return new Scope() {
      @Override
      public Value root(String name, Expr.Span span, ExpressionEvaluator evaluator) {
        throw new EvalError("variable values cannot refer to \"" + name + "\"", span);
      }

      @Override
      public Path workingDirectory() {
        return config.dir();
      }

      @Override
      public Path projectRoot() {
        return config.projectRoot();
      }

      @Override
      public String displayName(Path file) {
        return config.displayName(file);
      }
    };
  }
}
