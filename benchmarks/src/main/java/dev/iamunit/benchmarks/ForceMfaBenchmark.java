package dev.iamunit.benchmarks;

import dev.iamunit.coverage.CoverageRecorder;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Case (a): the seed 003 user over its request mix ({@link ForceMfaScenario}), policies compiled
 * once. One operation is one decision; {@code decide} is the bare decision (deciding statements
 * only), {@code evaluate} the full explanation (every statement whose action matched, with its
 * conditions' values), {@code evaluateRecorded} the full explanation counted into a coverage
 * recorder, which is what the JUnit extension does for every request when coverage is on.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ForceMfaBenchmark {

  private final Evaluator evaluator = Evaluator.standard();
  private PolicySet policies;
  private RequestMix mix;
  private CoverageRecorder coverage;

  @Setup
  public void setUp() {
    ForceMfaScenario scenario = new ForceMfaScenario();
    policies = scenario.policies();
    mix = new RequestMix(scenario.requests());
    coverage = new CoverageRecorder();
  }

  @Benchmark
  public Decision decide() {
    return evaluator.decide(mix.next(), policies);
  }

  @Benchmark
  public Decision evaluate() {
    return evaluator.explain(mix.next(), policies);
  }

  @Benchmark
  public Decision evaluateRecorded() {
    Request request = mix.next();
    Decision decision = evaluator.explain(request, policies);
    coverage.record(request, policies, decision, "ForceMfaBenchmark");
    return decision;
  }
}
