package dev.iamunit.iac.terraform;

import dev.iamunit.model.Policy;
import dev.iamunit.model.Unresolved;
import java.util.List;

/**
 * What a Terraform load found: the files read, every policy with the address that holds it, and
 * every value that could not be computed, each with its file:line and expression.
 *
 * @param files the files read, as named in locations
 * @param policies every policy loaded, in order
 * @param unresolved every value that could not be computed, once each
 */
public record LoadReport(List<String> files, List<LoadedPolicy> policies, List<Unresolved> unresolved) {

  public LoadReport {
    files = List.copyOf(files);
    policies = List.copyOf(policies);
    unresolved = List.copyOf(unresolved);
  }

  /** A policy and the Terraform address that declares it ({@code aws_iam_policy.force_mfa}). */
  public record LoadedPolicy(String address, Policy policy) {}

  /** How many statements all loaded policies hold together. */
  public int statementCount() {
    return policies.stream().mapToInt(p -> p.policy().statements().size()).sum();
  }
}
