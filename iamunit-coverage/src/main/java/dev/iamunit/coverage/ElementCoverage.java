package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The statements of one template, policy or principal, and their counters.
 *
 * @param kind what groups them
 * @param name the template path, policy name or principal ({@code user/MFAUser})
 * @param statements in template order
 */
@API(status = EXPERIMENTAL)
public record ElementCoverage(ElementKind kind, String name, List<StatementCoverage> statements) {

  public ElementCoverage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    statements = statements.stream().sorted(StatementCoverage.ORDER).toList();
  }

  public Counter counter(CounterKind counter) {
    return counter.count(statements);
  }

  public List<StatementCoverage> missed() {
    return statements.stream().filter(s -> !s.covered()).toList();
  }

  /** Applied but never decisive: always overridden, possibly dead. */
  public List<StatementCoverage> neverDecisive() {
    return statements.stream().filter(StatementCoverage::neverDecisive).toList();
  }
}
