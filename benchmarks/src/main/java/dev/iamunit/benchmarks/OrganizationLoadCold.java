package dev.iamunit.benchmarks;

import dev.iamunit.iac.LoadedSources;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Issue 24's cold number: the time from this JVM's start until the organization {@link
 * OrganizationTerraform} wrote into a folder is loaded (target under 3 s). Write the folder first,
 * in another JVM, so that writing it is not timed: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.iamunit.benchmarks.OrganizationTerraform /tmp/org} then {@code java -cp
 * benchmarks/target/benchmarks.jar dev.iamunit.benchmarks.OrganizationLoadCold /tmp/org}.
 */
public final class OrganizationLoadCold {

  private OrganizationLoadCold() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: OrganizationLoadCold FOLDER   (a folder OrganizationTerraform wrote)");
      System.exit(2);
    }
    long start = System.nanoTime();
    LoadedSources loaded = OrganizationLoad.load(Path.of(args[0]));
    long loadMillis = (System.nanoTime() - start) / 1_000_000;
    long loadCpuMillis = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println("organization: " + OrganizationLoad.summary(loaded));
    System.out.printf("cold load, from JVM start: %d ms (target < 3000 ms); the load itself %d ms%n", sinceStart, loadMillis);
    // On shared cores the wall clock also counts the waits for a core; the CPU time does not.
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      System.out.printf("CPU time: the loading thread %d ms, the whole JVM (with JIT and GC) %d ms%n", loadCpuMillis,
          os.getProcessCpuTime() / 1_000_000);
    }
    loaded.report().problems().stream().limit(5).forEach(p -> System.out.println("  problem: " + p));
    loaded.report().unresolved().stream().limit(5).forEach(u -> System.out.println("  unresolved: " + u));
  }
}
