package dev.iamunit.fuzzing;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Timeout;

/**
 * Stops a test that never ends, and nothing else. Hostile and fuzzed inputs prove each limit by
 * the error only that limit gives (with the limit gone the test gets another error, or runs on
 * without end), never by how long they take: a machine shared with a whole build takes tens of
 * seconds for what an idle one does in one (a 50 MB template took 66 s there; a 30 s and a 60 s
 * timeout failed clean runs). So the timeout is ten minutes, far above any clean run, and runs the
 * test in a thread of its own, since a CPU-bound loop ignores the interrupt JUnit would otherwise
 * send. On a test class it guards every test; on a method, that test.
 */
@API(status = INTERNAL, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Timeout(value = HangGuard.MINUTES, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public @interface HangGuard {

  /** How long a test may run before it counts as a hang. */
  long MINUTES = 10;
}
