package dev.iamunit.benchmarks;

import dev.iamunit.eval.BoundRequest;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link OrganizationBenchmark#decide}'s mix, timed by the CPU time of the deciding thread instead
 * of the wall clock, round after round, beside case (a)'s mix ({@link ForceMfaScenario}) for
 * scale: on cores other processes share, JMH's wall-clock scores count the waits for a core. Not
 * a replacement for JMH on an idle machine. {@code java -cp benchmarks/target/benchmarks.jar
 * dev.iamunit.benchmarks.OrganizationCpuRate [rounds]} from the repository root.
 */
public final class OrganizationCpuRate {

  private static final long ROUND_NANOS = 1_000_000_000L;

  private OrganizationCpuRate() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    BoundRequest[] organization = OrganizationBenchmark.boundMix();
    ForceMfaScenario caseA = new ForceMfaScenario();
    Request[] caseARequests = caseA.requests().toArray(Request[]::new);
    PolicySet caseAPolicies = caseA.policies();
    Evaluator evaluator = Evaluator.standard();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < rounds; round++) {
      long start = threads.getCurrentThreadCpuTime();
      long n = 0;
      while (threads.getCurrentThreadCpuTime() - start < ROUND_NANOS) {
        for (int k = 0; k < 1000; k++, n++) {
          evaluator.decide(organization[(int) (n % organization.length)]);
        }
      }
      long organizationRate = n * ROUND_NANOS / (threads.getCurrentThreadCpuTime() - start);
      start = threads.getCurrentThreadCpuTime();
      n = 0;
      while (threads.getCurrentThreadCpuTime() - start < ROUND_NANOS) {
        for (int k = 0; k < 1000; k++, n++) {
          evaluator.decide(caseARequests[(int) (n % caseARequests.length)], caseAPolicies);
        }
      }
      long caseARate = n * ROUND_NANOS / (threads.getCurrentThreadCpuTime() - start);
      System.out.printf("round %d: organization %,d decisions per CPU-second; case (a) %,d%n", round + 1, organizationRate, caseARate);
    }
  }
}
