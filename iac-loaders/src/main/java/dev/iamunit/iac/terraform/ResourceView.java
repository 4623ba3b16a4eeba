package dev.iamunit.iac.terraform;

import dev.iamunit.model.SourceLocation;
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
}
