package dev.iamunit.fuzzing;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * Bounds the time one fuzz input may take. JUnit's {@code @Timeout} cannot do it for a fuzz test:
 * when Jazzer fuzzes, the whole run is one invocation, and the timeout fails a clean five-minute
 * run. Each input runs on a worker thread instead; an input still running after the limit is a
 * hang, reported as a failure (the worker is a daemon, so a true hang cannot keep the JVM alive).
 */
@API(status = INTERNAL, since = "0.1")
public final class InputTime {

  private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "fuzz-input");
    thread.setDaemon(true);
    return thread;
  });

  /**
   * How long one input of a build's seeds and mutants may take before it counts as a hang: far above
   * what any takes, even on a machine shared with a whole build, since time is not what these tests
   * prove (see {@link HangGuard}).
   */
  public static final Duration HANG = Duration.ofMinutes(1);

  private InputTime() {}

  public static void within(Duration limit, Runnable input) {
    Future<?> done = WORKER.submit(input);
    try {
      done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      done.cancel(true);
      throw new AssertionError("the input takes more than " + limit.toMillis() + " ms: a hang");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
