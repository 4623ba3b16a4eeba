package dev.iamunit.iac.terraform;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.List;

/** One resource instance as the account assembler reads it, from .tf sources or a plan. */
interface ResourceView {

  String type();

  /** {@code module.x.aws_iam_role.r[0]}. */
  String address();

  SourceLocation location();

  /** An argument's value, or null (the value) when absent. */
  Value get(String name);

  SourceLocation locationOf(String name);

  /** Nested blocks, such as a role's {@code inline_policy}. */
  List<ResourceView> blocks(String name);

  /** The names of the arguments given, so that an unmapped type's policy arguments can be found. */
  List<String> argumentNames();

  /**
   * An attribute as a reference to it reads ({@code aws_kms_key.k.arn}): given, or computed from
   * what AWS's formats fix, or unknown; the same value as every reference to it sees.
   */
  default Value computed(String name, LoadOptions options) {
    return get(name);
  }

  /**
   * The IAM name of a user, group, role or policy: its {@code name}, else the symbolic name that
   * stands for the one AWS generates (from {@code name_prefix}), which references to the resource's
   * {@code name}, {@code id} and {@code arn} carry too, so that attachments still find it.
   */
  /** What AWS generates for the resource at apply time (a key id): one value, however often it is asked for. */
  default Unresolved generated(String attribute, String reason) {
    return Unresolved.of(address() + "." + attribute, location(), reason);
  }

  /** The AWS provider configuration the resource is created with: in a plan, the load options' defaults. */
  default AwsProvider provider(LoadOptions options) {
    return AwsProvider.defaults(options);
  }

  default Value iamName() {
    return get("name");
  }

  /**
   * Why it is unknown whether this instance exists (its {@code count} or {@code for_each} cannot be
   * computed), or empty when it certainly exists: every statement it contributes applies only if it does.
   */
  default List<Unresolved> existence() {
    return List.of();
  }
}
