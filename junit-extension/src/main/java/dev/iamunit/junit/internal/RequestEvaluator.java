package dev.iamunit.junit.internal;

import dev.iamunit.junit.Evaluation;
import java.util.List;

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
   * {@code request} evaluated under each kind of credentials the scenario stands for; a request
   * that cannot be evaluated fails the test with a message that says why.
   */
  List<Evaluation> evaluations(ScenarioRequest request);
}
