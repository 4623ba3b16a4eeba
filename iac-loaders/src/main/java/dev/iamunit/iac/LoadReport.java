package dev.iamunit.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a load of templates found: the files read, every policy with the template address that
 * holds it, every value that could not be computed (each with its file:line and expression), and
 * the mistakes that were left out.
 *
 * @param files the files read, as named in locations
 * @param policies every policy loaded, in order
 * @param unresolved every value that could not be computed, once each
 * @param problems policies, blocks and resources that Terraform, CloudFormation or AWS would
 *     reject, left out
 * @param inputs the files the templates read as inputs, absolute (Terraform's {@code
 *     file("audit.yaml")}, a nested stack's or a stack set's local template): {@link SourceFormats}
 *     loads none of them as a source of its own
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LoadReport(List<String> files, List<LoadedPolicy> policies, List<Unresolved> unresolved, List<Problem> problems,
    List<java.nio.file.Path> inputs) {

  public LoadReport {
    files = List.copyOf(files);
    policies = List.copyOf(policies);
    unresolved = List.copyOf(unresolved);
    problems = List.copyOf(problems);
    inputs = List.copyOf(inputs);
  }

  /** A report of a load that read no file as an input. */
  public LoadReport(List<String> files, List<LoadedPolicy> policies, List<Unresolved> unresolved, List<Problem> problems) {
    this(files, policies, unresolved, problems, List.of());
  }

  /**
   * A mistake Terraform, CloudFormation or AWS would reject (an invalid policy, a duplicate
   * resource, an unknown SAM policy template): what was wrong is left out of the account, and the
   * loaders' {@code load} fails on it.
   *
   * @param standIn where the problem concerns one policy (of a principal, a resource, an
   *     organization level), the value that stands for it in the account: the policy is there
   *     with no readable statement and this as its {@linkplain Policy#unreadable() unreadable}
   *     part, so a decision that could read it fails naming the problem and one it cannot change
   *     stands; empty when the problem cannot be located, and then any decision may be wrong
   */
  public record Problem(SourceLocation location, String message, Optional<Unresolved> standIn) {

    public Problem {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(standIn, "standIn");
    }

    /** A problem that cannot be located in the account. */
    public Problem(SourceLocation location, String message) {
      this(location, message, Optional.empty());
    }

    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  /**
   * A policy and the template address that declares it: {@code aws_iam_policy.force_mfa}, or a
   * CloudFormation logical id such as {@code ForceMfaPolicy}.
   */
  public record LoadedPolicy(String address, Policy policy) {}

  /** The reports of several loads as one, in order, followed by {@code more} problems. */
  public static LoadReport concat(List<LoadReport> reports, List<Problem> more) {
    List<String> files = new ArrayList<>();
    List<LoadedPolicy> policies = new ArrayList<>();
    List<Unresolved> unresolved = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<java.nio.file.Path> inputs = new ArrayList<>();
    for (LoadReport report : reports) {
      files.addAll(report.files());
      policies.addAll(report.policies());
      unresolved.addAll(report.unresolved());
      problems.addAll(report.problems());
      inputs.addAll(report.inputs());
    }
    problems.addAll(more);
    return new LoadReport(files, policies, unresolved, problems, inputs);
  }

  /**
   * {@code 2 files: main.tf, stacks/app.yaml}: the files a load read, as every report names them,
   * so a reader sees what a folder's detection took as templates and what it skipped.
   */
  public static String filesRead(List<String> files) {
    return files.size() + (files.size() == 1 ? " file" : " files") + (files.isEmpty() ? "" : ": " + String.join(", ", files));
  }

  /** How many statements all loaded policies hold together. */
  public int statementCount() {
    return policies.stream().mapToInt(p -> p.policy().statements().size()).sum();
  }
}
