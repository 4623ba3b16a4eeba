package dev.iamunit.oracle.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamunit.iac.LoadReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The policy documents Terraform itself plans, read from the plan JSON without IAMUnit: every
 * managed resource whose planned values hold a policy attribute, known or known only after apply.
 * Both loads share one assembler, so a resource type it does not model would vanish from both and
 * never show as a difference between them; this list is what each load must hold or report.
 */
final class PlannedPolicies {

  /** The attributes that hold a policy document in the AWS provider's resource schemas. */
  static final Set<String> POLICY_ATTRIBUTES = Set.of("policy", "assume_role_policy", "access_policies", "content");

  /** {@code aws_organizations_policy.content} is a policy; other resources' content is not. */
  private static final String ORGANIZATIONS_POLICY = "aws_organizations_policy";

  private PlannedPolicies() {}

  /** One policy attribute of a planned resource: {@code aws_sqs_queue_policy.orders} and {@code policy}. */
  record Planned(String address, String attribute) {}

  static List<Planned> in(Path planJson) {
    JsonNode plan;
    try {
      plan = new ObjectMapper().readTree(planJson.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> written = new HashSet<>();
    configured(plan.path("configuration").path("root_module"), "", written);
    List<Planned> planned = new ArrayList<>();
    for (JsonNode change : plan.path("resource_changes")) {
      JsonNode after = change.path("change").path("after");
      JsonNode unknown = change.path("change").path("after_unknown");
      if (!"managed".equals(change.path("mode").asText()) || !after.isObject()) {
        continue;
      }
      String type = change.path("type").asText();
      String address = change.path("address").asText();
      String configAddress = address.replaceAll("\\[[^\\]]*\\]", "");
      for (String attribute : POLICY_ATTRIBUTES) {
        if (attribute.equals("content") && !type.equals(ORGANIZATIONS_POLICY)
            || !written.contains(configAddress + "." + attribute)) {
          continue;
        }
        if (holdsPolicy(after.path(attribute), unknown.path(attribute))) {
          planned.add(new Planned(address, attribute));
        }
      }
      JsonNode inline = written.contains(configAddress + ".inline_policy") ? after.path("inline_policy") : MISSING;
      for (int i = 0; i < inline.size(); i++) {
        if (holdsPolicy(inline.get(i).path("policy"), unknown.path("inline_policy").path(i).path("policy"))) {
          planned.add(new Planned(address, "inline_policy[" + i + "].policy"));
        }
      }
    }
    return planned;
  }

  private static final JsonNode MISSING = new ObjectMapper().missingNode();

  /**
   * {@code ADDRESS.ATTRIBUTE} for every attribute the configuration writes, module by module: an
   * attribute the provider computes when it is not written ({@code aws_sqs_queue.policy}) is
   * planned unknown, and is not a policy anyone declared.
   */
  private static void configured(JsonNode module, String prefix, Set<String> into) {
    for (JsonNode resource : module.path("resources")) {
      String address = prefix + resource.path("address").asText();
      resource.path("expressions").fieldNames().forEachRemaining(name -> into.add(address + "." + name));
    }
    module.path("module_calls").fields().forEachRemaining(call ->
        configured(call.getValue().path("module"), prefix + "module." + call.getKey() + ".", into));
  }

  private static boolean holdsPolicy(JsonNode value, JsonNode unknown) {
    return unknown.asBoolean(false) || (value.isTextual() && !value.asText().isBlank());
  }

  /**
   * Whether a load holds or reports the resource: a policy recorded under its address, or an
   * unresolved value or problem located at it.
   */
  static boolean accountedFor(String address, LoadReport report) {
    return report.policies().stream().anyMatch(p -> p.address().equals(address))
        || report.unresolved().stream().anyMatch(u -> u.location().address().equals(address)
            || u.expression().equals(address) || u.expression().startsWith(address + "."))
        || report.problems().stream().anyMatch(p -> p.location().address().equals(address));
  }
}
