package dev.iamunit.benchmarks;

import dev.iamunit.eval.BoundRequest;
import dev.iamunit.eval.Evaluator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bytes allocated per decision of {@link OrganizationBenchmark#decide}'s mix, by the deciding
 * thread ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}): unlike a rate, the
 * same on a busy machine as on an idle one, once the JIT has compiled the loop (escape analysis
 * removes some allocations only then). Prints the mix's bytes per decision for {@code decide} and
 * {@code explain}, and {@code decide}'s per action. {@code java -cp benchmarks/target/benchmarks.jar
 * dev.iamunit.benchmarks.OrganizationAllocation [rounds]} from the repository root.
 */
public final class OrganizationAllocation {

  private static final int DECISIONS = 1_000_000;

  private OrganizationAllocation() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    BoundRequest[] mix = OrganizationBenchmark.boundMix();
    Evaluator evaluator = Evaluator.standard();
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= rounds; round++) {
      long start = threads.getCurrentThreadAllocatedBytes();
      for (int n = 0; n < DECISIONS; n++) {
        evaluator.decide(mix[n % mix.length]);
      }
      long decide = threads.getCurrentThreadAllocatedBytes() - start;
      start = threads.getCurrentThreadAllocatedBytes();
      for (int n = 0; n < DECISIONS; n++) {
        evaluator.explain(mix[n % mix.length]);
      }
      long explain = threads.getCurrentThreadAllocatedBytes() - start;
      System.out.printf("round %d: decide %,.1f B per decision; explain %,.1f B%n", round,
          (double) decide / DECISIONS, (double) explain / DECISIONS);
    }
    // Per action, after the rounds above compiled the loop, less what reading the counter allocates.
    long empty = threads.getCurrentThreadAllocatedBytes();
    empty = threads.getCurrentThreadAllocatedBytes() - empty;
    Map<String, long[]> byAction = new TreeMap<>();
    for (int n = 0; n < DECISIONS; n++) {
      BoundRequest request = mix[n % mix.length];
      long start = threads.getCurrentThreadAllocatedBytes();
      evaluator.decide(request);
      long bytes = threads.getCurrentThreadAllocatedBytes() - start - empty;
      long[] sum = byAction.computeIfAbsent(request.request().action() + " " + evaluator.decide(request).outcome(), a -> new long[2]);
      sum[0] += bytes;
      sum[1]++;
    }
    byAction.forEach((action, sum) -> System.out.printf("  %-45s %,8.1f B%n", action, (double) sum[0] / sum[1]));
  }
}
