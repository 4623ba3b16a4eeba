package dev.iamunit.iac.cloudformation;

import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects what a load finds, for {@link LoadReport}. */
final class Report {
  private final List<String> files = new ArrayList<>();
  private final List<LoadReport.LoadedPolicy> policies = new ArrayList<>();
  private final Set<Unresolved> unresolved = new LinkedHashSet<>();
  private final List<LoadReport.Problem> problems = new ArrayList<>();

  void file(String name) {
    files.add(name);
  }

  Unresolved add(Unresolved value) {
    unresolved.add(value);
    return value;
  }

  void addAll(List<Unresolved> values) {
    values.forEach(this::add);
  }

  Policy policy(String address, Policy policy) {
    policies.add(new LoadReport.LoadedPolicy(address, policy));
    return policy;
  }

  void problem(SourceLocation location, String message) {
    problems.add(new LoadReport.Problem(location, message));
  }

  LoadReport build() {
    return new LoadReport(files, policies, List.copyOf(unresolved), problems);
  }
}
