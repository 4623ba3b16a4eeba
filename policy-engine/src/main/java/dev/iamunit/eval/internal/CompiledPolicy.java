package dev.iamunit.eval.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.eval.PolicyType;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A policy with its statements compiled, and where it sits in a policy set.
 *
 * @param actionIndex which statements list an action, or null when the policy has too many
 *     statements for one ({@link ActionIndex}): then each statement matches the action itself
 */
@API(status = INTERNAL, since = "0.1")
public record CompiledPolicy(Policy policy, PolicyType type, String ref, CompiledStatement[] statements, ActionIndex actionIndex) {

  public static CompiledPolicy compile(Policy policy, PolicyType type, String ref) {
    boolean variables = policy.substitutesVariables();
    // A loop rather than a stream: a policy is compiled for every line of a case file.
    List<Statement> source = policy.statements();
    CompiledStatement[] statements = new CompiledStatement[source.size()];
    for (int i = 0; i < statements.length; i++) {
      statements[i] = new CompiledStatement(source.get(i), variables);
    }
    return new CompiledPolicy(policy, type, ref, statements, ActionIndex.of(statements));
  }
}
