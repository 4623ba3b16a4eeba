package dev.iamunit.iac.terraform;

import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what one load found, as it goes; {@link LoadReport} is its immutable result. */
final class Report {
  private final Map<String, Unresolved> unresolved = new LinkedHashMap<>();
  private final List<LoadReport.LoadedPolicy> policies = new ArrayList<>();
  private final List<String> files = new ArrayList<>();
  private final List<LoadReport.Problem> problems = new ArrayList<>();

  /** A mistake Terraform or AWS would reject; the rest of the configuration still loads. */
  void problem(dev.iamunit.model.SourceLocation location, String message) {
    problems.add(new LoadReport.Problem(location, message));
  }

  Unresolved add(Unresolved value) {
    unresolved.putIfAbsent(value.placeholder(), value);
    return value;
  }

  void policy(String address, Policy policy) {
    policies.add(new LoadReport.LoadedPolicy(address, policy));
  }

  void file(String file) {
    files.add(file);
  }

  LoadReport build() {
    return new LoadReport(files, policies, List.copyOf(unresolved.values()), problems);
  }
}
