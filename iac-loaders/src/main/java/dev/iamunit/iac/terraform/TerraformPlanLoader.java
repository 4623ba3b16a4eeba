package dev.iamunit.iac.terraform;

import dev.iamunit.iac.internal.AccountAssembler;
import dev.iamunit.iac.internal.Report;
import dev.iamunit.iac.internal.SourceText;
import dev.iamunit.iac.LoadReport;
import com.fasterxml.jackson.databind.JsonNode;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Account;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads IAM from a Terraform plan ({@code terraform show -json plan.out}): the values Terraform
 * computed, exactly. Values known only after apply ({@code after_unknown}) are unresolved.
 * Locations name the plan file and the JSON path of the resource, with the address.
 */
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
    String file = displayName(planJson, options);
    JsonNode root;
    if (!Files.isRegularFile(planJson)) {
      throw new TemplateException("no plan file at " + planJson + "; write one with terraform show -json plan.out > plan.json",
          SourceLocation.of(file, 0, 0));
    }
    String text = SourceText.read(planJson, file, "Terraform", TerraformLoader.MAX_FILE_BYTES);
    try (com.fasterxml.jackson.core.JsonParser parser = JsonValues.MAPPER.createParser(text)) {
      try {
        root = JsonValues.MAPPER.readTree(parser);
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
    Report report = new Report();
    report.file(file);
    List<ResourceView> resources = new ArrayList<>();
    JsonNode changes = root.path("resource_changes");
    if (changes.isArray() && changes.size() > 0) {
      for (int i = 0; i < changes.size(); i++) {
        JsonNode change = changes.get(i);
        JsonNode after = change.path("change").path("after");
        if (!"managed".equals(change.path("mode").asText("managed")) || after.isNull() || after.isMissingNode()) {
          continue; // data sources, and resources the plan deletes
        }
        resources.add(new PlanResource(change.path("type").asText(), change.path("address").asText(), after,
            change.path("change").path("after_unknown"), file, "resource_changes[" + i + "].change.after", report));
      }
    } else {
      collect(root.path("planned_values").path("root_module"), "planned_values.root_module", file, report, resources);
    }
    AccountAssembler assembler = new AccountAssembler(options, report);
    new TerraformResources(assembler).add(resources);
    assembler.into(builder);
    LoadReport result = report.build();
    result.unresolved().forEach(builder::unresolved);
    return result;
  }

  /** Like {@link #loadInto}, into a fresh account, returning only the report. */
  public static LoadReport report(Path planJson, LoadOptions options) {
    return loadInto(planJson, options, Account.builder());
  }

  private static void collect(JsonNode module, String path, String file, Report report, List<ResourceView> into) {
    JsonNode resources = module.path("resources");
    for (int i = 0; i < resources.size(); i++) {
      JsonNode r = resources.get(i);
      if ("managed".equals(r.path("mode").asText("managed"))) {
        into.add(new PlanResource(r.path("type").asText(), r.path("address").asText(), r.path("values"),
            JsonValues.MAPPER.createObjectNode(), file, path + ".resources[" + i + "].values", report));
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

  /** A resource's planned values; those marked in after_unknown are unresolved. */
  private record PlanResource(String type, String address, JsonNode values, JsonNode unknown, String file, String path, Report report)
      implements ResourceView {

    @Override
    public SourceLocation location() {
      return new SourceLocation(file + "#" + path, 0, 0, address);
    }

    @Override
    public Value get(String name) {
      if (unknown.path(name).asBoolean(false)) {
        return new Value.Unknown(report.add(Unresolved.of(address + "." + name, locationOf(name),
            "known only after apply (after_unknown in the plan)")));
      }
      JsonNode value = values.get(name);
      if (value != null && value.isTextual() && value.asText().strip().startsWith("{")) {
        // Policy JSON: its lines are the lines of the string, named by the JSON path.
        return PolicyText.withDocument(value.asText(), List.of(), new SourceLocation(file + "#" + path + "." + name, 1, 1, address));
      }
      return JsonValues.fromJson(value, List.of(), locationOf(name));
    }

    @Override
    public SourceLocation locationOf(String name) {
      return new SourceLocation(file + "#" + path + "." + name, 0, 0, address);
    }

    @Override
    public List<String> argumentNames() {
      // Only the values the plan gives: one it leaves unknown may be the provider's computed default.
      List<String> names = new ArrayList<>();
      values.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
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
        views.add(new PlanResource(type, address, items.get(i), itemUnknown.isObject() ? itemUnknown
            : JsonValues.MAPPER.createObjectNode(), file, path + "." + name + "[" + i + "]", report));
      }
      return views;
    }
  }
}
