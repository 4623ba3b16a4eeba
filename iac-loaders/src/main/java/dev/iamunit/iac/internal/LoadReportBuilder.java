package dev.iamunit.iac.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Collects, while one load runs, what {@link LoadReport} holds when it is done: the files read,
 * every policy with its template address, every unresolved value (once each) and every problem.
 * One per load; both formats and the assembler write to it, and a loader reads it on one thread.
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadReportBuilder {
  private final List<String> files = new ArrayList<>();
  private final List<LoadReport.LoadedPolicy> policies = new ArrayList<>();
  private final Map<String, Unresolved> unresolved = new LinkedHashMap<>();
  private final List<LoadReport.Problem> problems = new ArrayList<>();
  private final Set<String> standIns = new HashSet<>();
  private final TemplateInputs inputs = new TemplateInputs();

  public void file(String name) {
    files.add(name);
  }

  /**
   * A file a template reads as an input (Terraform's {@code file("audit.yaml")}, a nested stack's
   * template): no source of its own ({@link TemplateInputs}).
   */
  public void input(java.nio.file.Path file) {
    inputs.add(file);
  }

  /** Whether a template of this load read {@code file} as an input so far. */
  public boolean isInput(java.nio.file.Path file) {
    return inputs.contains(file);
  }

  /**
   * Records a value that cannot be computed; the same value (same placeholder) is kept once. A
   * problem's stand-in is reported as its problem, not again here.
   */
  public Unresolved add(Unresolved value) {
    if (!standIns.contains(value.placeholder())) {
      unresolved.putIfAbsent(value.placeholder(), value);
    }
    return value;
  }

  public void addAll(List<Unresolved> values) {
    values.forEach(this::add);
  }

  public Policy policy(String address, Policy policy) {
    policies.add(new LoadReport.LoadedPolicy(address, policy));
    return policy;
  }

  /** A mistake Terraform, CloudFormation or AWS would reject; what it concerns is left out, the rest still loads. */
  public void problem(SourceLocation location, String message) {
    problems.add(new LoadReport.Problem(location, message));
  }

  /**
   * A mistake AWS would reject in {@code what} (one policy), which stays in the account as a policy
   * no one can read: returns the value that stands for it ({@link LoadReport.Problem#standIn()}).
   */
  public Unresolved problemIn(String what, SourceLocation location, String message) {
    Unresolved standIn = Unresolved.of(what, location, message + "; IAMUnit cannot read it, so a decision that could depend on it "
        + "is not made: fix it in the template");
    standIns.add(standIn.placeholder());
    problems.add(new LoadReport.Problem(location, message, Optional.of(standIn)));
    return standIn;
  }

  public LoadReport build() {
    return new LoadReport(files, policies, List.copyOf(unresolved.values()), problems, inputs.files());
  }
}
