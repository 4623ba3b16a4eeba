package dev.iamunit.junit.internal;

import dev.iamunit.coverage.CoverageRecorder;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.SourceLocation;
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

  private final CoverageRecorder recorder;
  private final Set<Accounts> inventoried = ConcurrentHashMap.newKeySet();
  private final Path directory;
  private final boolean enabled;

  CoverageSession(Path directory, boolean enabled, boolean logDecisions) {
    this.directory = directory;
    this.enabled = enabled;
    this.recorder = logDecisions ? CoverageRecorder.withDecisionLog() : new CoverageRecorder();
  }

  /** The accounts of one load, at once: a statement the load deploys into several counts per account. */
  void inventory(Accounts accounts) {
    if (enabled && inventoried.add(accounts)) {
      recorder.recordInventory(accounts);
    }
  }

  void record(Request request, PolicySet policies, Decision decision, String testId) {
    if (enabled) {
      recorder.record(request, policies, decision, testId);
    }
  }

  /** A failed assertion of {@code testId}, for the SARIF report, at the statement it is about. */
  void recordFailure(String testId, String message, SourceLocation statement) {
    if (enabled) {
      recorder.recordFailure(testId, message, statement);
    }
  }

  @Override
  public void close() {
    if (enabled && !inventoried.isEmpty()) {
      recorder.writeFragment(directory);
    }
  }
}
