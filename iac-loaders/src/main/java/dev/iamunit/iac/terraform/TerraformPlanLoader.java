package dev.iamunit.iac.terraform;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.iac.internal.AccountAssembler;
import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.iac.internal.SourceText;
import dev.iamunit.iac.LoadReport;
import com.fasterxml.jackson.databind.JsonNode;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.iac.internal.AssemblyTarget;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Loads IAM from a Terraform plan ({@code terraform show -json plan.out}): the values Terraform
 * computed, exactly. Values known only after apply ({@code after_unknown}) are unresolved.
 * Locations name the plan file and the JSON path of the resource, with the address.
 */
@API(status = INTERNAL, since = "0.1")
public final class TerraformPlanLoader {

  private TerraformPlanLoader() {}

  /**
   * Loads a plan into a new account.
   *
   * @throws TemplateException when the file is not a plan, or holds a policy AWS would reject
   */
  public static Account load(Path planJson, LoadOptions options) {
    Account.Builder builder = Account.builder();
    LoadReport report = loadInto(planJson, options, builder);
    if (!report.problems().isEmpty()) {
      LoadReport.Problem first = report.problems().get(0);
      throw new TemplateException(first.message(), first.location());
    }
    return builder.build();
  }

  /** Loads a plan into an existing builder; invalid policies are listed in the report's problems. */
  public static LoadReport loadInto(Path planJson, LoadOptions options, Account.Builder builder) {
    return loadInto(planJson, options, AssemblyTarget.of(builder));
  }

  /** Loads a plan into the accounts of a load: a declaration whose ARN names an account goes to that account. */
  public static LoadReport loadInto(Path planJson, LoadOptions options, Accounts.Builder accounts) {
    return loadInto(planJson, options, AssemblyTarget.of(accounts));
  }

  private static LoadReport loadInto(Path planJson, LoadOptions options, AssemblyTarget target) {
    String file = displayName(planJson, options);
    JsonNode root;
    if (!Files.isRegularFile(planJson)) {
      throw new TemplateException("no plan file at " + planJson + "; write one with terraform show -json plan.out > plan.json",
          SourceLocation.of(file, 0, 0));
    }
    String text = SourceText.read(planJson, file, "Terraform", TerraformLoader.MAX_FILE_BYTES);
    try (com.fasterxml.jackson.core.JsonParser parser = JsonTrees.FACTORY.createParser(text)) {
      try {
        root = JsonTrees.read(parser);
      } catch (IOException e) {
        throw JsonValues.syntaxError("the plan is not valid JSON", e, file, parser);
      }
    } catch (IOException e) {
      throw JsonValues.syntaxError("the plan is not valid JSON", e, file, null);
    }
    if (root == null || !root.isObject() || !root.has("format_version")) {
      throw new TemplateException("not a Terraform plan in JSON (no format_version); write one with terraform show -json plan.out",
          SourceLocation.of(file, 1, 1));
    }
    LoadReportBuilder report = new LoadReportBuilder();
    report.file(file);
    List<ResourceView> resources = new ArrayList<>();
    PlanConfiguration configuration = new PlanConfiguration(root, file, report, options);
    Map<String, PlanResource> byAddress = new HashMap<>();
    JsonNode changes = root.path("resource_changes");
    if (changes.isArray() && changes.size() > 0) {
      for (int i = 0; i < changes.size(); i++) {
        JsonNode change = changes.get(i);
        JsonNode after = change.path("change").path("after");
        if (!"managed".equals(change.path("mode").asText("managed")) || after.isNull() || after.isMissingNode()) {
          continue; // data sources, and resources the plan deletes
        }
        String type = change.path("type").asText();
        String module = change.path("module_address").asText("");
        PlanResource resource = new PlanResource(type, change.path("address").asText(), module, after,
            change.path("change").path("after_unknown"), file, "resource_changes[" + i + "].change.after", report,
            configuration.resource(module, type, change.path("name").asText()), configuration, byAddress);
        byAddress.put(resource.address(), resource);
        resources.add(resource);
      }
    } else {
      collect(root.path("planned_values").path("root_module"), "planned_values.root_module", file, report, resources);
    }
    AccountAssembler assembler = new AccountAssembler(options, report);
    new TerraformResources(assembler).add(resources);
    return target.finish(assembler, report);
  }

  /** Like {@link #loadInto}, into a fresh account, returning only the report. */
  public static LoadReport report(Path planJson, LoadOptions options) {
    return loadInto(planJson, options, Account.builder());
  }

  private static void collect(JsonNode module, String path, String file, LoadReportBuilder report, List<ResourceView> into) {
    JsonNode resources = module.path("resources");
    for (int i = 0; i < resources.size(); i++) {
      JsonNode r = resources.get(i);
      if ("managed".equals(r.path("mode").asText("managed"))) {
        into.add(new PlanResource(r.path("type").asText(), r.path("address").asText(), "", r.path("values"),
            JsonTrees.emptyObject(), file, path + ".resources[" + i + "].values", report, Optional.empty(), null, Map.of()));
      }
    }
    JsonNode children = module.path("child_modules");
    for (int i = 0; i < children.size(); i++) {
      collect(children.get(i), path + ".child_modules[" + i + "]", file, report, into);
    }
  }

  private static String displayName(Path file, LoadOptions options) {
    Path absolute = file.toAbsolutePath().normalize();
    Path root = options.projectRoot().toAbsolutePath().normalize();
    return absolute.startsWith(root) ? root.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
  }

  /**
   * A resource's planned values; those marked in after_unknown are unresolved, unless the
   * configuration says the argument is an attribute of another planned resource that AWS's formats
   * fix from what the plan gives: {@code role = aws_iam_role.r.id} is the role's name ("id - Name
   * of the role", Terraform Registry, aws_iam_role, Attribute Reference), which the plan knows when
   * the configuration gives it, though it lists the id as known after apply. The static loader
   * reads the same through {@link ComputedAttributes}. Each unknown attribute is one value,
   * however often it is read, so that a reference to a generated name finds its principal.
   *
   * <p>Terraform's JSON configuration lists an argument's references, not its expression: {@code
   * "${aws_iam_role.r.id}-x"} lists the same references as {@code aws_iam_role.r.id}. A name built
   * around a reference is rare for the arguments that name a principal or a policy, and would make
   * apply fail on a principal that does not exist; it is the one reading this takes on trust.
   */
  private static final class PlanResource implements ResourceView {
    private final String type;
    private final String address;
    private final String module;
    private final JsonNode values;
    private final JsonNode unknown;
    private final String file;
    private final String path;
    private final LoadReportBuilder report;
    private final Optional<JsonNode> configured;
    private final PlanConfiguration configuration;
    private final Map<String, PlanResource> byAddress;
    private final Map<String, Value> unknownCache = new HashMap<>();
    private boolean resolving;

    PlanResource(String type, String address, String module, JsonNode values, JsonNode unknown, String file, String path,
        LoadReportBuilder report, Optional<JsonNode> configured, PlanConfiguration configuration, Map<String, PlanResource> byAddress) {
      this.type = type;
      this.address = address;
      this.module = module;
      this.values = values;
      this.unknown = unknown;
      this.file = file;
      this.path = path;
      this.report = report;
      this.configured = configured;
      this.configuration = configuration;
      this.byAddress = byAddress;
    }

    @Override
    public String type() {
      return type;
    }

    @Override
    public String address() {
      return address;
    }

    @Override
    public SourceLocation location() {
      return new SourceLocation(file + "#" + path, 0, 0, address);
    }

    @Override
    public AwsProvider provider(LoadOptions options) {
      return configured.map(configuration::provider).orElseGet(() -> AwsProvider.defaults(options));
    }

    @Override
    public Value get(String name) {
      if (unknown.path(name).asBoolean(false)) {
        return unknownCache.computeIfAbsent(name, this::unknownValue);
      }
      JsonNode value = values.get(name);
      if (value != null && value.isTextual() && value.asText().strip().startsWith("{")) {
        // Policy JSON: its lines are the lines of the string, named by the JSON path.
        return PolicyText.withDocument(value.asText(), List.of(), new SourceLocation(file + "#" + path + "." + name, 1, 1, address));
      }
      return JsonValues.fromJson(value, List.of(), locationOf(name));
    }

    private Value unknownValue(String name) {
      Optional<Value> referred = referred(name);
      return referred.orElseGet(() -> new Value.Unknown(report.add(Unresolved.of(address + "." + name, locationOf(name),
          "known only after apply (after_unknown in the plan)"))));
    }

    /** The attribute of another planned resource the argument is, when AWS's formats fix it from what the plan gives. */
    private Optional<Value> referred(String name) {
      if (configured.isEmpty() || resolving) {
        return Optional.empty();
      }
      Optional<PlanConfiguration.Reference> reference = configuration.reference(configured.get(), name, module);
      PlanResource target = reference.map(r -> byAddress.get(r.address())).orElse(null);
      if (target == null) {
        return Optional.empty();
      }
      resolving = true; // a reference cycle Terraform would reject ends here
      try {
        AwsProvider where = target.provider(configuration.options());
        Optional<Value> computed = ComputedAttributes.computed(target.type, reference.get().attribute(), target,
            ModuleInstance.placeholder(where.partition()), ModuleInstance.placeholder(where.account()),
            ModuleInstance.placeholder(where.region()));
        Value value = computed.orElseGet(() -> target.get(reference.get().attribute()));
        return value instanceof Value.Null ? Optional.empty() : Optional.of(value);
      } finally {
        resolving = false;
      }
    }

    @Override
    public SourceLocation locationOf(String name) {
      return new SourceLocation(file + "#" + path + "." + name, 0, 0, address);
    }

    @Override
    public List<String> argumentNames() {
      // The values the plan gives, and those it leaves unknown that the configuration writes: an
      // unknown one it does not write may be the provider's computed default, not an argument.
      List<String> names = new ArrayList<>();
      values.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          names.add(e.getKey());
        }
      });
      JsonNode written = configured.map(c -> c.path("expressions")).orElse(JsonTrees.emptyObject());
      unknown.fields().forEachRemaining(e -> {
        if (e.getValue().asBoolean(false) && written.has(e.getKey()) && !names.contains(e.getKey())) {
          names.add(e.getKey());
        }
      });
      return names;
    }

    @Override
    public List<ResourceView> blocks(String name) {
      List<ResourceView> views = new ArrayList<>();
      JsonNode items = values.path(name);
      for (int i = 0; i < items.size(); i++) {
        JsonNode itemUnknown = unknown.path(name).path(i);
        views.add(new PlanResource(type, address, module, items.get(i), itemUnknown.isObject() ? itemUnknown
            : JsonTrees.emptyObject(), file, path + "." + name + "[" + i + "]", report, Optional.empty(), configuration,
            byAddress));
      }
      return views;
    }
  }
}
