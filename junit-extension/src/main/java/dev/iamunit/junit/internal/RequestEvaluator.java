package dev.iamunit.junit.internal;

import dev.iamunit.junit.Evaluation;
import dev.iamunit.junit.SpaceSearch;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a scenario's requests need of the scenario, and nothing more: a {@link ScenarioRequest} is a
 * value (action, resource, context, principal) that this evaluates.
 */
interface RequestEvaluator {

  /** The resource of a request on {@code action} that names none: see {@link DefaultResource}. */
  String defaultResource(String action, java.util.Optional<dev.iamunit.junit.IamPrincipal> principal);

  /** How a test names each member account under organizational unit {@code unit} ({@code prod}, or its id); fails on an unknown unit. */
  List<String> accountsUnder(String unit);

  /**
   * Why {@code principal} does not exist in its account, when it does not (no user or role of its
   * name there, no role provisioned there for its permission set); empty when it does. An account
   * the principal's {@code @InAccount} cannot name fails the test.
   */
  java.util.Optional<String> missing(dev.iamunit.junit.IamPrincipal principal);

  /**
   * {@code request} evaluated under each kind of credentials the scenario stands for; a request
   * that cannot be evaluated fails the test with a message that says why.
   */
  List<Evaluation> evaluations(ScenarioRequest request);

  /**
   * Every request {@code principal} can make for an action {@code actions} accepts that AWS
   * allows, over the complete request space, under each kind of credentials the scenario stands
   * for; a principal missing or a value the loaders could not compute fails the test.
   */
  SpaceSearch allowedRequests(java.util.Optional<dev.iamunit.junit.IamPrincipal> principal, Predicate<String> actions);
}
