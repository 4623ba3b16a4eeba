package dev.iamunit.iac.cloudformation;

import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.List;

/**
 * What a CloudFormation load found: the templates read, every policy with the logical id that holds
 * it, every value that could not be computed (with file:line and expression), and the mistakes that
 * were left out.
 *
 * @param files the templates read, as named in locations
 * @param policies every policy loaded, in order
 * @param unresolved every value that could not be computed and that something loaded depends on
 * @param problems policies and resources CloudFormation or AWS would reject, left out
 */
public record LoadReport(List<String> files, List<LoadedPolicy> policies, List<Unresolved> unresolved, List<Problem> problems) {

  public LoadReport {
    files = List.copyOf(files);
    policies = List.copyOf(policies);
    unresolved = List.copyOf(unresolved);
    problems = List.copyOf(problems);
  }

  /**
   * A mistake CloudFormation or AWS would reject (an invalid policy, an unknown SAM policy
   * template): what was wrong is left out of the account, and {@link CloudFormationLoader#load}
   * fails on it.
   */
  public record Problem(SourceLocation location, String message) {
    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  /** A policy and the logical id of the resource that declares it ({@code ForceMfaPolicy}). */
  public record LoadedPolicy(String address, Policy policy) {}

  /** How many statements all loaded policies hold together. */
  public int statementCount() {
    return policies.stream().mapToInt(p -> p.policy().statements().size()).sum();
  }
}
