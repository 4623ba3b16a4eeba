package dev.iamunit.eval.space;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.internal.PolicyValues;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A statement, and whether its policy substitutes variables (Version 2012-10-17): what a request
 * space is built from.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PolicyStatement(Statement statement, boolean variables) {

  public PolicyStatement {
    Objects.requireNonNull(statement, "statement");
  }

  /** Every statement of {@code policies}. */
  public static List<PolicyStatement> of(List<Policy> policies) {
    List<PolicyStatement> all = new ArrayList<>();
    for (Policy policy : policies) {
      for (Statement statement : policy.statements()) {
        all.add(new PolicyStatement(statement, policy.substitutesVariables()));
      }
    }
    return all;
  }

  /**
   * Whether this statement can apply to {@code action}: its Action names it, or its NotAction does
   * not; a statement without either (a trust policy's) applies to every action. A value the
   * loaders could not compute is read as the evaluator reads it at its broadest: in Action it may
   * name any action ({@link #broadly}), in NotAction it excludes none for certain.
   */
  public boolean mayApplyTo(String action) {
    boolean negated = statement.action().negated();
    boolean named = false;
    for (String pattern : statement.action().values()) {
      if (!(negated && Unresolved.isIn(pattern))) {
        named |= PolicyValues.actionMatches(broadly(pattern), action);
      }
    }
    return named != negated;
  }

  /** An action pattern with each value the loaders could not compute read as {@code *}: every action it may match. */
  static String broadly(String pattern) {
    return Unresolved.isIn(pattern) ? Unresolved.replacePlaceholders(pattern, "*") : pattern;
  }
}
