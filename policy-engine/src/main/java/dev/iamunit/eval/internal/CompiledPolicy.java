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
 * @param level the organization level of an SCP or RCP (0 for the root); 0 for other types
 */
@API(status = INTERNAL, since = "0.1")
public record CompiledPolicy(Policy policy, PolicyType type, int level, String ref, CompiledStatement[] statements) {

  public static CompiledPolicy compile(Policy policy, PolicyType type, int level, String ref) {
    boolean variables = policy.substitutesVariables();
    // A loop rather than a stream: a policy is compiled for every line of a case file.
    List<Statement> source = policy.statements();
    CompiledStatement[] statements = new CompiledStatement[source.size()];
    for (int i = 0; i < statements.length; i++) {
      statements[i] = new CompiledStatement(source.get(i), variables);
    }
    return new CompiledPolicy(policy, type, level, ref, statements);
  }
}
