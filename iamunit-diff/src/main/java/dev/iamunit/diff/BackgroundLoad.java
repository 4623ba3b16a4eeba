package dev.iamunit.diff;

import dev.iamunit.iac.LoadedSources;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * One version's sources loading on a thread of their own while the caller loads the other version:
 * loading is about half of a large diff, and the two loads share nothing (loaders keep no mutable
 * state between loads). What the load throws, a user's mistake in that version included, {@link
 * #join()} throws as it was thrown, so that it is reported as a load on the caller's thread would be.
 */
final class BackgroundLoad {

  private final FutureTask<LoadedSources> task;

  private BackgroundLoad(FutureTask<LoadedSources> task) {
    this.task = task;
  }

  /** Starts {@code load} on a new daemon thread named after the version, so that a thread dump says what it loads. */
  static BackgroundLoad start(String version, Supplier<LoadedSources> load) {
    FutureTask<LoadedSources> task = new FutureTask<>(load::get);
    Thread thread = new Thread(task, "iamunit-load-" + version);
    // A load whose result is no longer wanted must not keep the JVM of a failed command alive.
    thread.setDaemon(true);
    thread.start();
    return new BackgroundLoad(task);
  }

  /** The loaded sources, once loaded; what the load threw, thrown again. */
  LoadedSources join() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          // The caller's own load would not have stopped either: wait on, and keep the interrupt for the caller.
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException unchecked) {
            throw unchecked;
          }
          if (cause instanceof Error error) {
            throw error;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Gives the load up: its result and what it throws are not wanted (the other version failed, or it loaded into another account). */
  void abandon() {
    task.cancel(true);
  }
}
