package dev.iamunit.junit.internal;

import dev.iamunit.coverage.CoverageRecorder;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.model.Account;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statement coverage of one test run in one JVM: every loaded account's statements (so that
 * statements no test reached count as missed) and every decision a test made. It lives in the root
 * store; when the run ends JUnit closes it and it writes its fragment under {@code
 * target/iamunit/}, which the Maven plugin's {@code report} and {@code check} goals merge.
 */
final class CoverageSession implements AutoCloseable {

  /** Configuration parameter: where fragments go, relative to the project root. */
  static final String DIRECTORY = "iamunit.coverage.directory";

  /** Configuration parameter: {@code false} records nothing. */
  static final String ENABLED = "iamunit.coverage.enabled";

  private final CoverageRecorder recorder = new CoverageRecorder();
  private final Set<Account> inventoried = ConcurrentHashMap.newKeySet();
  private final Path directory;
  private final boolean enabled;

  CoverageSession(Path directory, boolean enabled) {
    this.directory = directory;
    this.enabled = enabled;
  }

  void inventory(Account account) {
    if (enabled && inventoried.add(account)) {
      recorder.recordInventory(account);
    }
  }

  void record(PolicySet policies, Decision decision, String testId) {
    if (enabled) {
      recorder.record(policies, decision, testId);
    }
  }

  @Override
  public void close() {
    if (enabled && !inventoried.isEmpty()) {
      recorder.writeFragment(directory);
    }
  }
}
