package dev.iamunit.junit.internal;

import dev.iamunit.IamUnitException;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Unresolved;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The account of one {@link SourceSet} and its load report, or why it could not be loaded: a load
 * fails once, and every test that uses those sources fails with the same message. Lives in the
 * root store.
 *
 * <p>A problem in the templates that concerns one policy (a policy AWS would reject, a SAM policy
 * template IAMUnit does not know) stays in the account as a policy no one can read
 * ({@link LoadReport.Problem#standIn()}): like an unresolved value, it fails only a decision that
 * could read it, naming the problem, and the evaluator decides the rest. A problem that cannot be
 * located (a block declared twice, say) leaves the account without something the templates
 * declare, so any decision might be wrong: every test of these sources fails, naming each such
 * problem. The report lists every problem and unresolved value once per run ({@link #summary()}).
 */
final class LoadedAccount implements AutoCloseable {

  private final LoadedSources loaded;
  private final String failure;

  private LoadedAccount(LoadedSources loaded, String failure) {
    this.loaded = loaded;
    this.failure = failure;
  }

  static LoadedAccount load(SourceSet sources) {
    LoadedSources loaded;
    try {
      loaded = sources.load();
    } catch (IamUnitException e) {
      return new LoadedAccount(null, "IAMUnit could not load the sources of this test: " + e.getMessage());
    }
    List<LoadReport.Problem> problems = loaded.report().problems().stream().filter(p -> p.standIn().isEmpty()).toList();
    if (!problems.isEmpty()) {
      return new LoadedAccount(loaded, "IAMUnit could not load the sources of this test: " + problems.get(0)
          + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems: "
              + problems.subList(1, problems.size()).stream().map(Object::toString).collect(Collectors.joining("; ")) + ")" : ""));
    }
    return new LoadedAccount(loaded, null);
  }

  /** The home account, or a failure that says why the sources did not load. */
  Account account() {
    return accounts().home();
  }

  /** Every account the sources deploy into, or a failure that says why the sources did not load. */
  Accounts accounts() {
    if (failure != null) {
      throw Failures.failure(failure);
    }
    return loaded.accounts();
  }

  /**
   * What the load could not compute or read, one line each with file:line, for the run's report;
   * empty when the account holds everything the templates declare.
   */
  Optional<String> summary() {
    if (loaded == null || loaded.complete()) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder();
    for (LoadReport.Problem problem : loaded.report().problems()) {
      text.append("problem ").append(problem).append('\n');
    }
    for (Unresolved value : loaded.report().unresolved()) {
      text.append("unresolved ").append(value).append('\n');
    }
    return Optional.of(text.toString().strip());
  }

  @Override
  public void close() {
    // Nothing to release: the account is plain data. AutoCloseable lets the store end it cleanly.
  }
}
