package dev.iamunit.benchmarks;

import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.PolicySet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Case (b): a principal of a large account ({@link LargeAccountScenario}: hundreds of policies,
 * thousands of statements, three SCP levels and a boundary), policies compiled once. Every
 * decision reads every statement, so this measures the per-statement cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LargeAccountBenchmark {

  private final Evaluator evaluator = Evaluator.standard();
  private PolicySet policies;
  private RequestMix mix;

  @Setup
  public void setUp() {
    LargeAccountScenario scenario = new LargeAccountScenario();
    policies = scenario.policies();
    mix = new RequestMix(scenario.requests());
    System.out.println("\nlarge account: " + scenario.policyCount() + " policies, " + scenario.statementCount()
        + " statements, " + mix.size() + " requests");
  }

  @Benchmark
  public Decision decide() {
    return evaluator.decide(mix.next(), policies);
  }

  @Benchmark
  public Decision evaluate() {
    return evaluator.explain(mix.next(), policies);
  }
}
