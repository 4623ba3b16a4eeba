package dev.iamunit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Loading the whole corpus once more in a warm JVM (the cold number comes from {@link CorpusLoadCold}). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CorpusLoadBenchmark {

  private Corpus corpus;

  @Setup
  public void setUp() {
    corpus = new Corpus();
  }

  @Benchmark
  public Corpus.Loaded loadEveryCorpusFile() {
    return corpus.loadAll();
  }
}
