package dev.iamunit.iac.terraform;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.Partition;
import java.util.Map;
import java.util.Optional;

/**
 * Data sources computed from load options or from the configuration (the provider's region,
 * account and partition, policy documents, AWS managed policies, the parts of an ARN); every other data source
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
  static Value value(String type, String address, Body.Block block, ExpressionEvaluator ev, AwsProvider provider, LoadOptions options) {
    return switch (type) {
      case "aws_iam_policy_document" -> {
        Value.Str[] rendered = new Value.Str[1];
        yield new Value.Instance(address, name -> {
          if (rendered[0] == null) {
            rendered[0] = PolicyDocumentRenderer.render(block.body(), block, ev);
          }
          return switch (name) {
            case "json", "minified_json" -> rendered[0];
            // The provider's id is a hash of the JSON text, so reading it writes the text.
            case "id" -> Value.of(Integer.toString(rendered[0].text().hashCode()));
            default -> ev.unknown(block.span().withText(address + "." + name), "the policy document has no attribute " + name);
          };
        });
      }
      case "aws_caller_identity" -> known(address, block, ev, Map.of("account_id", provider.account(), "id", provider.account()));
      case "aws_partition" -> {
        // "partition - Identifier of the current partition (e.g., aws in AWS Commercial, aws-cn in AWS China)" (AWS
        // provider, Data Source: aws_partition), with the DNS suffix and reverse DNS prefix of that partition.
        Value p = provider.partition();
        Optional<Partition> known = p instanceof Value.Str s && s.known() ? Partition.named(s.text()) : Optional.empty();
        yield known(address, block, ev, Map.of("partition", p, "id", p,
            "dns_suffix", known.map(k -> Value.of(k.dnsSuffix())).orElse(p),
            "reverse_dns_prefix", known.map(k -> Value.of(k.reverseDnsPrefix())).orElse(p)));
      }
      case "aws_region" -> {
        // name (provider 5) or region (provider 6) selects a region; without them, the provider's.
        Value region = block.body().attribute("name").or(() -> block.body().attribute("region"))
            .map(a -> ev.evaluateOrUnknown(a.expr())).orElse(provider.region());
        yield known(address, block, ev, Map.of("name", region, "id", region, "region", region));
      }
      case "aws_iam_policy" -> awsManagedPolicy(address, block, ev, provider, options);
      case "aws_arn" -> arnParts(address, block, ev);
      default -> known(address, block, ev, Map.of());
    };
  }

  /**
   * {@code data "aws_iam_policy"} of an AWS managed policy, by {@code arn} or {@code name} (and
   * {@code path_prefix}), from the AWS managed policy data the options carry: its {@code arn},
   * {@code id}, {@code name}, {@code path} and {@code policy} ("policy - Policy document of the
   * policy", AWS provider, Data Source: aws_iam_policy). A customer managed policy is read from the
   * account when Terraform plans, so its attributes stay unknown.
   */
  private static Value awsManagedPolicy(String address, Body.Block block, ExpressionEvaluator ev, AwsProvider provider,
      LoadOptions options) {
    Value arn = argument(block, "arn", ev);
    Value name = argument(block, "name", ev);
    Value prefix = argument(block, "path_prefix", ev);
    Optional<String> found = Optional.empty();
    if (arn instanceof Value.Str a && a.known()) {
      found = a.text().contains(":iam::aws:policy/") ? Optional.of(a.text()).filter(t -> options.awsManagedPolicies().apply(t).isPresent())
          : Optional.empty();
    } else if (arn instanceof Value.Null && name instanceof Value.Str n && n.known() && provider.partition() instanceof Value.Str p && p.known()
        && (prefix instanceof Value.Null || prefix instanceof Value.Str s && s.known())) {
      String pathPrefix = prefix instanceof Value.Str s ? s.text() : "/";
      found = options.awsManagedPolicyArn(p.text(), n.text()).filter(t -> t.substring(t.indexOf(":policy") + ":policy".length())
          .startsWith(pathPrefix));
    }
    if (found.isEmpty()) {
      return known(address, block, ev, Map.of(), Operators.isWhollyKnown(arn) && Operators.isWhollyKnown(name)
          ? "data source aws_iam_policy names no AWS managed policy in IAMUnit's AWS managed policy data; a customer managed"
              + " policy is read from the account when Terraform plans, which IAMUnit never does"
          : "data source aws_iam_policy names its policy through a value IAMUnit cannot compute");
    }
    String policyArn = found.get();
    String policyName = policyArn.substring(policyArn.lastIndexOf('/') + 1);
    String path = policyArn.substring(policyArn.indexOf(":policy") + ":policy".length(), policyArn.lastIndexOf('/') + 1);
    return known(address, block, ev, Map.of("arn", Value.of(policyArn), "id", Value.of(policyArn), "name", Value.of(policyName),
        "path", Value.of(path), "policy", Value.of(options.awsManagedPolicies().apply(policyArn).orElseThrow())),
        "data source aws_iam_policy reads this attribute from the account when Terraform plans; IAMUnit knows only the"
            + " AWS managed policy's arn, id, name, path and policy");
  }

  /**
   * {@code data "aws_arn"} reads nothing: it "parses an ARN into its constituent parts" ("partition",
   * "service", "region", "account", "resource"; AWS provider, Data Source: aws_arn), so its
   * attributes are known when its {@code arn} is.
   */
  private static Value arnParts(String address, Body.Block block, ExpressionEvaluator ev) {
    Value arn = argument(block, "arn", ev);
    String[] fields = arn instanceof Value.Str s ? s.text().split(":", 6) : new String[0];
    if (!(arn instanceof Value.Str s) || fields.length < 6 || !fields[0].equals("arn")) {
      if (arn instanceof Value.Str s && s.known() || arn instanceof Value.Null) {
        return known(address, block, ev, Map.of(), "data source aws_arn is given " + (arn instanceof Value.Str t ? t.text() : "null")
            + ", which is not an ARN; Terraform rejects it");
      }
      // Unknown, or an unknown part that may stand for the whole ARN: every part is as unknown, for the same reason.
      return known(address, block, ev, Map.of("id", arn, "arn", arn, "partition", arn, "service", arn, "region", arn, "account", arn,
          "resource", arn));
    }
    // A part known only after apply stays in the field it is written in (a name inside the resource).
    java.util.function.Function<String, Value> field = text -> new Value.Str(text,
        s.parts().stream().filter(u -> text.contains(u.placeholder())).toList(), java.util.Optional.empty());
    return known(address, block, ev, Map.of("id", arn, "arn", arn, "partition", field.apply(fields[1]), "service", field.apply(fields[2]),
        "region", field.apply(fields[3]), "account", field.apply(fields[4]), "resource", field.apply(fields[5])));
  }

  private static Value argument(Body.Block block, String name, ExpressionEvaluator ev) {
    return block.body().attribute(name).map(a -> ev.evaluateOrUnknown(a.expr())).orElse(Value.NULL);
  }

  /** Known attributes, then the block's own arguments, then unknown. */
  private static Value known(String address, Body.Block block, ExpressionEvaluator ev, Map<String, Value> attributes) {
    return known(address, block, ev, attributes,
        "data source " + block.label(0) + " is read when Terraform plans; IAMUnit never reads data sources");
  }

  private static Value known(String address, Body.Block block, ExpressionEvaluator ev, Map<String, Value> attributes, String why) {
    return new Value.Instance(address, name -> {
      Value v = attributes.get(name);
      if (v != null) {
        return v;
      }
      if (block.body().attribute(name).isPresent()) {
        return ev.evaluateOrUnknown(block.body().attribute(name).get().expr());
      }
      return ev.unknown(block.span().withText(address + "." + name), why);
    });
  }
}
