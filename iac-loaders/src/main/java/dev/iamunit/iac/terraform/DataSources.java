package dev.iamunit.iac.terraform;

import dev.iamunit.iac.LoadOptions;
import java.util.Map;

/**
 * Data sources computed from load options or from the configuration; every other data source
 * (notably {@code http}) is never read, so its attributes are unknown. Loading never touches the
 * network.
 */
final class DataSources {

  private DataSources() {}

  static Value value(String type, String address, Body.Block block, ExpressionEvaluator ev, LoadOptions options) {
    String p = options.partition();
    return switch (type) {
      case "aws_iam_policy_document" -> {
        Value[] rendered = new Value[1];
        yield new Value.Instance(address, name -> {
          if (rendered[0] == null) {
            rendered[0] = PolicyDocumentRenderer.render(block.body(), block, ev);
          }
          Value v = ((Value.Obj) rendered[0]).members().get(name);
          return v != null ? v : ev.unknown(block.span().withText(address + "." + name), "the policy document has no attribute " + name);
        });
      }
      case "aws_caller_identity" -> known(address, block, ev, Map.of(
          "account_id", Value.of(options.accountId()), "id", Value.of(options.accountId())));
      case "aws_partition" -> known(address, block, ev, Map.of(
          "partition", Value.of(p), "id", Value.of(p), "dns_suffix", Value.of(p.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com"),
          "reverse_dns_prefix", Value.of("com.amazonaws")));
      case "aws_region" -> known(address, block, ev, Map.of(
          "name", Value.of(options.region()), "id", Value.of(options.region()), "region", Value.of(options.region())));
      default -> known(address, block, ev, Map.of());
    };
  }

  /** Known attributes, then the block's own arguments, then unknown. */
  private static Value known(String address, Body.Block block, ExpressionEvaluator ev, Map<String, Value> attributes) {
    return new Value.Instance(address, name -> {
      Value v = attributes.get(name);
      if (v != null) {
        return v;
      }
      if (block.body().attribute(name).isPresent()) {
        return ev.evaluateOrUnknown(block.body().attribute(name).get().expr());
      }
      return ev.unknown(block.span().withText(address + "." + name),
          "data source " + block.label(0) + " is read when Terraform plans; IAMUnit never reads data sources");
    });
  }
}
