package dev.iamunit.benchmarks;

import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.AccessDiffer;
import dev.iamunit.diff.Version;
import dev.iamunit.iac.SourceFormats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Issue 26's scale numbers: for each size (default 150, 300 and 3,000 roles) the repository of
 * {@link ManyRolesRepository} is written to a temporary folder, and {@code AccessDiffer.compare}
 * loads both versions and diffs them, as {@code iamunit diff} does; printed are the wall time of
 * the whole comparison (loading included), the CPU time of the main thread and of the process for
 * it (the machine is shared; the base version loads on a thread of its own, which the process's
 * time counts), the peak heap of the run and what the diff decided.
 * Targets for 3,000 roles: under 10 s and under 1 GB, so run it with {@code -Xmx1g}:
 * {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.iamunit.benchmarks.ManyRolesDiff [--every-principal] [sizes...]}.
 * {@code --every-principal} decides every principal, as before issue 26's scoping.
 */
public final class ManyRolesDiff {

  private ManyRolesDiff() {}

  public static void main(String[] args) throws IOException {
    boolean every = false;
    List<Integer> sizes = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--every-principal")) {
        every = true;
      } else {
        sizes.add(Integer.parseInt(arg));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(150, 300, 3000);
    }
    AccessDiffer differ = every ? AccessDiffer.standard().everyPrincipal() : AccessDiffer.standard();
    for (int roles : sizes) {
      Path folder = Files.createTempDirectory("iamunit-many-roles-");
      try {
        ManyRolesRepository.write(folder, roles);
        long bytes;
        try (Stream<Path> files = Files.walk(folder.resolve("head"))) {
          bytes = files.filter(Files::isRegularFile).mapToLong(ManyRolesDiff::size).sum();
        }
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long processCpuStart = processCpuNanos();
        AccessDiff diff = differ.compare(new Version("base", folder.resolve("base"), false), new Version("head", folder.resolve("head"), false),
            List.of(), SourceFormats.standard());
        long millis = (System.nanoTime() - start) / 1_000_000;
        // The machine is shared: the thread's CPU time is what the diff costs, the wall time what it took under the load.
        long cpuMillis = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        // The base version loads on a thread of its own: the process's CPU time counts it (and the JIT's and GC's threads).
        long processCpuMillis = (processCpuNanos() - processCpuStart) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%,d roles (%.1f MB of Terraform a version): diff %,d ms wall, %,d ms CPU of the main thread,"
            + " %,d ms CPU of the process (compare after loading %,d ms wall), peak heap %,d MB (max %,d MB)%n", roles, bytes / 1048576.0,
            millis, cpuMillis, processCpuMillis, diff.elapsed().toMillis(), peak / 1048576,
            Runtime.getRuntime().maxMemory() / 1048576);
        System.out.printf("  %s%n  %s%n  %s%n", diff.space().scope().describe(), diff.space().describe(),
            diff.isEmpty() ? "no change" : diff.rows().size() + " requests differ, " + diff.causes().size() + " causes");
      } finally {
        delete(folder);
      }
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
