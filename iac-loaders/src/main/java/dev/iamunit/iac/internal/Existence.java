package dev.iamunit.iac.internal;

import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements that apply only if a resource exists whose existence a loader cannot know (a
 * Terraform {@code count} or {@code for_each} that is unknown, a CloudFormation {@code Condition}
 * that cannot be computed). Such a statement carries the existence as one more unresolved value,
 * so the evaluator treats it as it treats any statement built from an unknown value: a decision
 * that depends on it fails, naming the value; a decision it cannot change stands.
 */
public final class Existence {

  private Existence() {}

  /** {@code policy} with {@code existence} among the unresolved values of every statement; the policy itself when empty. */
  public static Policy onlyIf(Policy policy, List<Unresolved> existence) {
    if (existence.isEmpty()) {
      return policy;
    }
    List<Statement> statements = new ArrayList<>();
    for (Statement s : policy.statements()) {
      List<Unresolved> unresolved = new ArrayList<>(s.unresolved());
      existence.stream().filter(u -> !unresolved.contains(u)).forEach(unresolved::add);
      statements.add(new Statement(s.sid(), s.effect(), s.action(), s.resource(), s.principal(), s.conditions(), s.index(),
          s.location(), unresolved));
    }
    return new Policy(policy.name(), policy.version(), policy.id(), statements, policy.location(), policy.unreadable());
  }
}
