package dev.iamunit.benchmarks;

import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.jsonl.CaseFormat;
import dev.iamunit.jsonl.EvaluationCase;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Case (c): the cases of a JSON Lines file, one decision per operation, in two modes.
 * {@code compiledOnce} decides cases whose policies were parsed and compiled before the run (our
 * steady state); {@code parsePerDecision} reads the line, parses and compiles its policies and
 * then decides, as iam-simulate does for every call. {@code file} defaults to iam-simulate's
 * contract cases in shared/; benchmarks/compare passes the seed 003 mix.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CaseFileBenchmark {

  @Param("")
  public String file;

  private final Evaluator evaluator = Evaluator.standard();
  private String[] lines;
  private EvaluationCase[] cases;
  private int next;

  @Setup
  public void setUp() {
    CaseFile cases = new CaseFile(CaseFile.locate(file));
    this.lines = cases.lines().toArray(String[]::new);
    this.cases = cases.cases().toArray(EvaluationCase[]::new);
    System.out.println("\n" + CaseFile.locate(file) + ": " + this.cases.length + " cases, " + cases.skipped() + " left out");
  }

  private int advance() {
    int index = next;
    next = next + 1 == cases.length ? 0 : next + 1;
    return index;
  }

  @Benchmark
  public Decision compiledOnce() {
    EvaluationCase evaluationCase = cases[advance()];
    return evaluator.decide(evaluationCase.request(), evaluationCase.policies());
  }

  @Benchmark
  public Decision parsePerDecision() {
    EvaluationCase evaluationCase = CaseFormat.read(lines[advance()], "case");
    return evaluator.decide(evaluationCase.request(), evaluationCase.policies());
  }
}
