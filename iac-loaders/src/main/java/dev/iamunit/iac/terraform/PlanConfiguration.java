package dev.iamunit.iac.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a plan's {@code configuration} says beside its values: which provider configuration each
 * resource uses ({@code provider_config_key}, resolved by Terraform through module {@code
 * providers} arguments) and what that configuration gives (region, the role it assumes, allowed
 * accounts), and which other resource an argument refers to ({@code expressions.*.references}).
 * Terraform's JSON output format documents both ("Configuration Representation": "references" is
 * "a list of references to other objects in the configuration").
 */
final class PlanConfiguration {

  /** {@code aws_iam_role.r.id}, {@code aws_iam_role.r["k"].name}: a resource, an instance key perhaps, and one attribute. */
  private static final Pattern ATTRIBUTE_REFERENCE =
      Pattern.compile("((aws_[a-z0-9_]+)\\.([A-Za-z0-9_-]+))(\\[[^\\]]+\\])?\\.([a-z_]+)");

  private static final Pattern INSTANCE_KEYS = Pattern.compile("\\[[^\\]]*\\]");

  private final JsonNode root;
  private final String file;
  private final LoadReportBuilder report;
  private final LoadOptions options;
  private final Map<String, JsonNode> resources = new HashMap<>();
  private final Map<String, AwsProvider> providers = new HashMap<>();

  PlanConfiguration(JsonNode plan, String file, LoadReportBuilder report, LoadOptions options) {
    this.root = plan;
    this.file = file;
    this.report = report;
    this.options = options;
    index(plan.path("configuration").path("root_module"), "");
  }

  LoadOptions options() {
    return options;
  }

  private void index(JsonNode module, String prefix) {
    for (JsonNode resource : module.path("resources")) {
      resources.put(prefix + resource.path("address").asText(), resource);
    }
    module.path("module_calls").fields().forEachRemaining(call -> index(call.getValue().path("module"), prefix + "module." + call.getKey() + "."));
  }

  /** The configuration block of a resource instance of the plan, by its module address without instance keys. */
  Optional<JsonNode> resource(String moduleAddress, String type, String name) {
    String module = moduleAddress.isEmpty() ? "" : INSTANCE_KEYS.matcher(moduleAddress).replaceAll("") + ".";
    return Optional.ofNullable(resources.get(module + type + "." + name));
  }

  /**
   * The resource instance and attribute an argument is, when its references name exactly one
   * attribute of one resource instance and nothing else ({@code role = aws_iam_role.r.id} gives
   * {@code ["aws_iam_role.r.id", "aws_iam_role.r"]}); empty when they name anything more (a
   * variable, a second resource, {@code count.index}), since the value is then built from more.
   * The address is in the module of {@code moduleAddress}, with its instance keys.
   */
  Optional<Reference> reference(JsonNode resource, String argument, String moduleAddress) {
    JsonNode references = resource.path("expressions").path(argument).path("references");
    Reference found = null;
    Set<String> others = new LinkedHashSet<>();
    for (JsonNode reference : references) {
      Matcher m = ATTRIBUTE_REFERENCE.matcher(reference.asText());
      if (m.matches()) {
        if (found != null) {
          return Optional.empty();
        }
        String prefix = moduleAddress.isEmpty() ? "" : moduleAddress + ".";
        found = new Reference(prefix + m.group(1) + (m.group(4) == null ? "" : m.group(4)), m.group(5), m.group(1));
      } else {
        others.add(reference.asText());
      }
    }
    if (found == null) {
      return Optional.empty();
    }
    // What is left may only be the resource itself, with or without the instance key.
    String resourceItself = found.resource();
    others.removeIf(o -> o.equals(resourceItself) || INSTANCE_KEYS.matcher(o).replaceAll("").equals(resourceItself));
    return others.isEmpty() ? Optional.of(found) : Optional.empty();
  }

  /**
   * @param address the instance's address ({@code module.m.aws_iam_role.r[0]})
   * @param attribute the attribute referred to ({@code id})
   * @param resource the resource as written in its module ({@code aws_iam_role.r})
   */
  record Reference(String address, String attribute, String resource) {}

  /** The provider configuration a resource uses; the load options' defaults when the plan does not say. */
  AwsProvider provider(JsonNode resource) {
    String key = resource.path("provider_config_key").asText("aws");
    return providers.computeIfAbsent(key, this::provider);
  }

  private AwsProvider provider(String key) {
    JsonNode config = root.path("configuration").path("provider_config").path(key);
    if (config.isMissingNode() || !"aws".equals(config.path("name").asText("aws"))) {
      return AwsProvider.defaults(options);
    }
    JsonNode expressions = config.path("expressions");
    String name = config.has("alias") ? "aws." + config.path("alias").asText() : "aws";
    Value roleArn = Value.NULL;
    for (String kind : List.of("assume_role_with_web_identity", "assume_role")) {
      for (JsonNode assume : expressions.path(kind)) {
        Value arn = value(assume.path("role_arn"), name, kind + ".role_arn");
        if (!(arn instanceof Value.Null) && !(arn instanceof Value.Str s && s.text().isEmpty())) {
          roleArn = arn;
        }
      }
    }
    SourceLocation at = location(name);
    return AwsProvider.of(name, value(expressions.path("region"), name, "region"), roleArn,
        value(expressions.path("allowed_account_ids"), name, "allowed_account_ids"),
        expressions.path("skip_region_validation").path("constant_value").asBoolean(false), options,
        (text, reason) -> new Value.Unknown(report.add(Unresolved.of(text, at, reason))),
        (text, reason) -> new Value.Unknown(report.add(Unresolved.of(text, at, reason))), message -> report.problem(at, message));
  }

  /**
   * A provider argument's value: its {@code constant_value}, or the plan's value of the one
   * variable it names; anything else is unresolved (the plan does not record a provider's
   * evaluated configuration).
   */
  private Value value(JsonNode expression, String provider, String argument) {
    if (expression.isMissingNode() || expression.isNull()) {
      return Value.NULL;
    }
    if (expression.has("constant_value")) {
      return JsonValues.fromJson(expression.get("constant_value"), List.of(), location(provider));
    }
    JsonNode references = expression.path("references");
    if (references.size() == 1 && references.get(0).asText().startsWith("var.")) {
      String variable = references.get(0).asText().substring(4);
      JsonNode given = root.path("variables").path(variable).path("value");
      if (!given.isMissingNode()) {
        return JsonValues.fromJson(given, List.of(), location(provider));
      }
    }
    List<String> names = new ArrayList<>();
    references.forEach(r -> names.add(r.asText()));
    return new Value.Unknown(report.add(Unresolved.of("provider " + provider + " " + argument, location(provider),
        "the plan does not record the value of " + argument + (names.isEmpty() ? "" : " (it refers to " + String.join(", ", names) + ")")
            + "; load the sources, or give it as a constant")));
  }

  private SourceLocation location(String provider) {
    return new SourceLocation(file + "#configuration.provider_config." + provider, 0, 0, "provider." + provider);
  }
}
