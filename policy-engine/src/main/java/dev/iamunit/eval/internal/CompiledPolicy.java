package dev.iamunit.eval.internal;

import dev.iamunit.eval.PolicyType;
import dev.iamunit.model.Policy;

/**
 * A policy with its statements compiled, and where it sits in a policy set.
 *
 * @param actionIndex which statements list an action, or null when the policy has too many
 *     statements for one ({@link ActionIndex}): then each statement matches the action itself
 */
public record CompiledPolicy(Policy policy, PolicyType type, String ref, CompiledStatement[] statements, ActionIndex actionIndex) {

  public static CompiledPolicy compile(Policy policy, PolicyType type, String ref) {
    boolean variables = policy.substitutesVariables();
    CompiledStatement[] statements =
        policy.statements().stream().map(s -> new CompiledStatement(s, variables)).toArray(CompiledStatement[]::new);
    return new CompiledPolicy(policy, type, ref, statements, ActionIndex.of(statements));
  }
}
