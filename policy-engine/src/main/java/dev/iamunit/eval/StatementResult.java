package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How one statement fared for a request.
 *
 * @param policyType the kind of policy it is in
 * @param policyRef where that policy sits in the policy set: {@code identity[0]}, {@code scps[1][0]}
 * @param policy the policy
 * @param statement the statement
 * @param applicability applied, or the first element that did not match
 * @param conditions each condition's outcome, when the conditions were reached
 * @param unresolved whether it applied only by assuming values a loader could not compute
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StatementResult(
    PolicyType policyType,
    String policyRef,
    Policy policy,
    Statement statement,
    Applicability applicability,
    List<ConditionResult> conditions,
    boolean unresolved) {

  public StatementResult {
    Objects.requireNonNull(policyType, "policyType");
    Objects.requireNonNull(policyRef, "policyRef");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(applicability, "applicability");
    conditions = List.copyOf(conditions);
  }

  public boolean applied() {
    return applicability == Applicability.APPLIED;
  }
}
