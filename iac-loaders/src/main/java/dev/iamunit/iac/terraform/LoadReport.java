package dev.iamunit.iac.terraform;

import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.List;

/**
 * What a Terraform load found: the files read, every policy with the address that holds it, and
 * every value that could not be computed, each with its file:line and expression, and the
 * mistakes that were left out.
 *
 * @param files the files read, as named in locations
 * @param policies every policy loaded, in order
 * @param unresolved every value that could not be computed, once each
 * @param problems policies and blocks that Terraform or AWS would reject, left out
 */
public record LoadReport(List<String> files, List<LoadedPolicy> policies, List<Unresolved> unresolved, List<Problem> problems) {

  public LoadReport {
    files = List.copyOf(files);
    policies = List.copyOf(policies);
    unresolved = List.copyOf(unresolved);
    problems = List.copyOf(problems);
  }

  /**
   * A mistake in the configuration that Terraform or AWS would reject (an invalid policy, a
   * duplicate resource): what was wrong is left out of the account, and {@link
   * TerraformLoader#load} fails on it.
   */
  public record Problem(SourceLocation location, String message) {
    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  /** A policy and the Terraform address that declares it ({@code aws_iam_policy.force_mfa}). */
  public record LoadedPolicy(String address, Policy policy) {}

  /** How many statements all loaded policies hold together. */
  public int statementCount() {
    return policies.stream().mapToInt(p -> p.policy().statements().size()).sum();
  }
}
