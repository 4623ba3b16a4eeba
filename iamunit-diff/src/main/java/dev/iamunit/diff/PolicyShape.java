package dev.iamunit.diff;

import dev.iamunit.model.Condition;
import dev.iamunit.model.ConditionOperator;
import dev.iamunit.model.Effect;
import dev.iamunit.model.Policy;
import dev.iamunit.model.ResourceElement;
import dev.iamunit.model.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy as the evaluator and the diff's reports read it, without where it is written: what
 * decides a request (effect, actions, resources, principals, conditions, the version that turns
 * variables on) and what names a deciding statement ({@link DecidingStatement#identity()}: the
 * policy's name, the Sid or index). Two loads of one policy, reformatted or moved to other lines,
 * have equal shapes, so a formatting-only change re-decides nothing ({@link ChangeScope}).
 *
 * @param name the policy's name, part of each deciding statement's identity
 * @param version the {@code Version} element: variables are substituted only in 2012-10-17
 * @param statements each statement's shape, in document order
 * @param unreadable how many statements could not be read
 */
record PolicyShape(String name, Optional<String> version, List<StatementShape> statements, int unreadable) {

  /** A statement's elements as written, without locations. */
  record StatementShape(
      Optional<String> sid, Effect effect, List<String> actions, boolean notAction, Optional<List<String>> resources,
      boolean notResource, Optional<PrincipalShape> principal, List<ConditionShape> conditions, int index) {}

  /** {@code Principal} or {@code NotPrincipal}, without its location. */
  record PrincipalShape(boolean negated, boolean anyone, Map<String, List<String>> byType) {}

  /** One key under one operator, without its location. */
  record ConditionShape(ConditionOperator operator, String key, List<String> values) {}

  static PolicyShape of(Policy policy) {
    return new PolicyShape(policy.name(), policy.version(), policy.statements().stream().map(PolicyShape::statement).toList(),
        policy.unreadable().size());
  }

  private static StatementShape statement(Statement s) {
    return new StatementShape(s.sid(), s.effect(), s.action().values(), s.action().negated(),
        s.resource().map(ResourceElement::values), s.resource().map(ResourceElement::negated).orElse(false),
        s.principal().map(p -> new PrincipalShape(p.negated(), p.anyone(), p.byType())),
        s.conditions().stream().map(PolicyShape::condition).toList(), s.index());
  }

  private static ConditionShape condition(Condition c) {
    return new ConditionShape(c.operator(), c.key(), c.values());
  }

  /**
   * Whether the policy holds something IAMUnit could not compute (a value in a statement, a
   * statement it could not read): its placeholders differ from load to load, so its shape never
   * equals another load's, and the diff keeps deciding what it reaches as it always has (its gaps).
   */
  static boolean hasGaps(Policy policy) {
    return !policy.unreadable().isEmpty() || policy.statements().stream().anyMatch(s -> !s.unresolved().isEmpty());
  }
}
