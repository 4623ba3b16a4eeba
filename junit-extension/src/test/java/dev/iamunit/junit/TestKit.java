package dev.iamunit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs example classes through the Jupiter engine, as JUnit tests its own extensions. */
final class TestKit {

  static final String EXAMPLES = "iamunit.examples";

  private TestKit() {}

  static EngineExecutionResults run(Class<?> examples) {
    return run(examples, Map.of());
  }

  static EngineExecutionResults run(Class<?> examples, Map<String, String> configuration) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(EXAMPLES, "true")
        .configurationParameters(configuration)
        .selectors(selectClass(examples))
        .execute();
  }

  /** The failure of each failed test, by the test's display name. */
  static Map<String, Throwable> failures(EngineExecutionResults results) {
    Map<String, Throwable> failures = new TreeMap<>();
    for (Event event : results.testEvents().failed().list()) {
      failures.put(event.getTestDescriptor().getDisplayName(),
          event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow());
    }
    return failures;
  }

  static String failureMessage(EngineExecutionResults results, String displayName) {
    Throwable failure = failures(results).get(displayName);
    if (failure == null) {
      throw new AssertionError("no failure of " + displayName + " among " + failures(results).keySet());
    }
    return failure.getMessage();
  }
}
