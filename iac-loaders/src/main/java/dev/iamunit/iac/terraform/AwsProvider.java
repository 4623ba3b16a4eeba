package dev.iamunit.iac.terraform;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.iac.Partition;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Where one {@code provider "aws"} configuration creates resources and reads data sources: its
 * region, account and partition, each a known string or an unresolved value. A provider that says
 * nothing about one of them leaves the load options' default; one that names it through a value
 * IAMUnit cannot compute makes it unresolved, never the default.
 *
 * @param name {@code aws} or {@code aws.alias}, as resources refer to it
 */
record AwsProvider(String name, Value region, Value account, Value partition) {

  /** The provider no block configures: the load options' defaults. */
  static AwsProvider defaults(LoadOptions options) {
    return new AwsProvider("aws", Value.of(options.region()), Value.of(options.accountId()), Value.of(options.partition()));
  }

  /**
   * The configuration a {@code provider "aws"} block gives. The account is the one of the role it
   * assumes (the last {@code assume_role}, else {@code assume_role_with_web_identity}), else the
   * only one {@code allowed_account_ids} allows (AWS provider documentation, "Argument Reference":
   * "allowed_account_ids - (Optional) List of allowed AWS account IDs to prevent you from
   * mistakenly using an incorrect one"); the partition follows the region.
   */
  static AwsProvider of(String name, Body.Block block, ExpressionEvaluator ev, LoadOptions options) {
    Value region = block.body().attribute("region").map(a -> ev.evaluateOrUnknown(a.expr())).orElse(Value.NULL);
    Value roleArn = Value.NULL;
    for (String kind : List.of("assume_role_with_web_identity", "assume_role")) {
      for (Body.Block assume : block.body().blocks(kind)) {
        Value arn = assume.body().attribute("role_arn").map(a -> ev.evaluateOrUnknown(a.expr())).orElse(Value.NULL);
        if (!(arn instanceof Value.Null) && !(arn instanceof Value.Str s && s.text().isEmpty())) {
          roleArn = arn;
        }
      }
    }
    Value allowed = block.body().attribute("allowed_account_ids").map(a -> ev.evaluateOrUnknown(a.expr())).orElse(Value.NULL);
    Expr.Span allowedAt = block.body().attribute("allowed_account_ids").map(Body.Attribute::span).orElse(block.span());
    boolean skipsValidation = block.body().attribute("skip_region_validation").map(a -> ev.evaluateOrUnknown(a.expr()))
        .map(v -> v.equals(Value.of(true))).orElse(false);
    return of(name, region, roleArn, allowed, skipsValidation, options, (text, reason) -> ev.unknown(allowedAt.withText(text), reason),
        (text, reason) -> ev.unknown(block.span().withText(text), reason), message -> ev.report.problem(ev.location(block.span()), message));
  }

  /**
   * The same rules on the values a configuration gives ({@link Value#NULL} for an argument not
   * written), wherever they come from: the sources, or a plan's {@code configuration}.
   *
   * @param skipsRegionValidation whether the configuration sets {@code skip_region_validation}, with
   *     which Terraform plans a region no partition knows (and gives its {@code aws_partition} an
   *     empty partition)
   * @param unknownAllowed makes the unresolved value for an account {@code allowed_account_ids} does not fix
   * @param unknownArn makes the unresolved value for a role ARN that is not an ARN
   * @param problem reports what Terraform refuses to plan with
   */
  static AwsProvider of(String name, Value region, Value roleArn, Value allowed, boolean skipsRegionValidation, LoadOptions options,
      BiFunction<String, String, Value> unknownAllowed, BiFunction<String, String, Value> unknownArn, Consumer<String> problem) {
    Value partition = partitionOf(region, options);
    if (region instanceof Value.Str s && s.known() && Partition.ofRegion(s.text()).isEmpty()) {
      // Terraform: "Error: invalid AWS Region: xx-foo-1", unless skip_region_validation is set.
      if (!skipsRegionValidation) {
        problem.accept("provider " + name + " has " + Partition.unknownRegion(s.text()) + " (Terraform refuses it: \"invalid AWS Region\")");
      }
      partition = unknownArn.apply("provider " + name + " partition", "provider " + name + " has region " + s.text()
          + ", which is in no AWS partition, so the partition of the ARNs it creates cannot be told");
    }
    if (region instanceof Value.Null) {
      region = Value.of(options.region());
    }
    Value account;
    if (!(roleArn instanceof Value.Null)) {
      account = arnField(roleArn, 4, unknownArn, name + " assumes a role whose ARN is not an ARN");
      checkAllowed(account, allowed, problem, name);
    } else if (allowed instanceof Value.Tuple ids && ids.items().size() == 1) {
      account = ids.items().get(0);
    } else if (allowed instanceof Value.Tuple ids && ids.items().contains(Value.of(options.accountId()))) {
      account = Value.of(options.accountId());
    } else if (allowed instanceof Value.Tuple || allowed instanceof Value.Unknown) {
      account = unknownAllowed.apply("provider " + name + " account", "provider " + name + " may use any of the accounts "
          + shown(allowed) + " and the loaded account " + options.accountId() + " is not one of them; give the account the"
          + " test runs as (@IamTest accountId, the CLI's --account, the Maven plugin's <accountId>)");
    } else {
      account = Value.of(options.accountId());
    }
    return new AwsProvider(name, region, account, partition);
  }

  /**
   * The partition of the region ({@link Partition#ofRegion}); without a region, the options'. A
   * region in no partition is handled by the caller.
   */
  private static Value partitionOf(Value region, LoadOptions options) {
    if (region instanceof Value.Null) {
      return Value.of(options.partition());
    }
    if (region instanceof Value.Str s && s.known()) {
      return Partition.ofRegion(s.text()).map(p -> Value.of(p.id())).orElse(Value.NULL);
    }
    return region instanceof Value.Str s ? new Value.Unknown(s.parts().get(0)) : region;
  }

  /** Field {@code index} of an ARN (4: the account), keeping the unresolved parts that fall inside it. */
  private static Value arnField(Value arn, int index, BiFunction<String, String, Value> unknown, String notAnArn) {
    if (!(arn instanceof Value.Str s)) {
      return arn instanceof Value.Unknown ? arn : unknown.apply(String.valueOf(arn), notAnArn);
    }
    String[] fields = s.text().split(":", 6);
    if (fields.length < 6) {
      return unknown.apply(s.text(), notAnArn);
    }
    String field = fields[index];
    List<Unresolved> parts = new ArrayList<>();
    for (Unresolved part : s.parts()) {
      if (field.contains(part.placeholder())) {
        parts.add(part);
      }
    }
    return new Value.Str(field, parts, Optional.empty());
  }

  /** "AWS account ID not allowed" is an error Terraform reports when it configures the provider. */
  private static void checkAllowed(Value account, Value allowed, Consumer<String> problem, String name) {
    if (account instanceof Value.Str s && s.known() && allowed instanceof Value.Tuple ids && Operators.isWhollyKnown(allowed)
        && !ids.items().contains(account)) {
      problem.accept("provider " + name + " assumes a role in account " + s.text() + ", which its allowed_account_ids "
          + shown(allowed) + " do not allow; Terraform refuses to plan with it");
    }
  }

  private static String shown(Value value) {
    return value instanceof Value.Tuple t
        ? t.items().stream().map(v -> v instanceof Value.Str s ? Unresolved.replacePlaceholders(s.text(), "<unknown>") : "<unknown>")
            .toList().toString()
        : ExpressionEvaluator.describe(value);
  }

  /** The provider a resource or data block uses: its {@code provider} argument ({@code aws.alias}), or {@code aws}. */
  static String reference(Body.Block block) {
    return block.body().attribute("provider").map(a -> unquoted(a.expr().span().text())).orElse("aws");
  }

  /** {@code aws.x} as written in native syntax, or {@code "aws.x"} in JSON syntax. */
  static String unquoted(String text) {
    String t = text.strip();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }
}
