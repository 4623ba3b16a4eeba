package dev.iamunit.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The cold number of issue 10: the time from this JVM's start until every corpus file is loaded
 * (target under 3 s), and the heap the loaded accounts keep (target under 64 MB). Run it in a
 * fresh JVM: {@code java -cp benchmarks/target/benchmarks.jar dev.iamunit.benchmarks.CorpusLoadCold}.
 */
public final class CorpusLoadCold {

  private CorpusLoadCold() {}

  public static void main(String[] args) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    Corpus corpus = new Corpus();
    Corpus.Loaded loaded = corpus.loadAll();
    long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    long mainThreadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long processCpu = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
    System.gc();
    long heapAfter = memory.getHeapMemoryUsage().getUsed();
    System.out.printf("corpus: %d files, %d loaded (%d statements), %d refused%n",
        corpus.files(), loaded.reports().size(), loaded.statements(), loaded.refused());
    System.out.printf("cold load, from JVM start: %d ms (target < 3000 ms)%n", sinceStart);
    // On cores other work shares, the wall time above grows with the machine's load; the CPU
    // time this JVM spent (its main thread, and all its threads: JIT compilers, GC) grows less,
    // and compares runs made under different loads.
    System.out.printf("CPU time until loaded: main thread %d ms, whole JVM %d ms%n",
        mainThreadCpu / 1_000_000, processCpu / 1_000_000);
    System.out.printf("heap kept by the loaded corpus (and the AWS data it resolved): %.1f MB (target < 64 MB)%n",
        (heapAfter - heapBefore) / 1048576.0);
    // Keep the result reachable until the heap is measured.
    if (loaded.reports().isEmpty()) {
      System.out.println("nothing loaded");
    }
  }
}
