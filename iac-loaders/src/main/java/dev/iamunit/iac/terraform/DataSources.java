package dev.iamunit.iac.terraform;

import java.util.Map;

/**
 * Data sources computed from load options or from the configuration; every other data source
 * (notably {@code http}) is never read, so its attributes are unknown. Loading never touches the
 * network.
 */
final class DataSources {

  private DataSources() {}

  /**
   * {@code provider} is the configuration the block uses: {@code aws_region}, {@code
   * aws_caller_identity} and {@code aws_partition} describe it, as the AWS provider documents them
   * ("aws_region: ... the region configured in the provider"; "aws_caller_identity: ... the
   * effective Account ID ... in which Terraform is authorized").
   */
  static Value value(String type, String address, Body.Block block, ExpressionEvaluator ev, AwsProvider provider) {
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
      case "aws_caller_identity" -> known(address, block, ev, Map.of("account_id", provider.account(), "id", provider.account()));
      case "aws_partition" -> {
        Value p = provider.partition();
        Value suffix = p instanceof Value.Str s && s.known() ? Value.of(s.text().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com") : p;
        yield known(address, block, ev, Map.of("partition", p, "id", p, "dns_suffix", suffix,
            "reverse_dns_prefix", p instanceof Value.Str s && s.known() && s.text().equals("aws-cn") ? Value.of("cn.com.amazonaws")
                : p instanceof Value.Str s2 && s2.known() ? Value.of("com.amazonaws") : p));
      }
      case "aws_region" -> {
        // name (provider 5) or region (provider 6) selects a region; without them, the provider's.
        Value region = block.body().attribute("name").or(() -> block.body().attribute("region"))
            .map(a -> ev.evaluateOrUnknown(a.expr())).orElse(provider.region());
        yield known(address, block, ev, Map.of("name", region, "id", region, "region", region));
      }
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
