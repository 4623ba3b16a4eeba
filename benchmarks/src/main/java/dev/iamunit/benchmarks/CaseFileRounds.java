package dev.iamunit.benchmarks;

import dev.iamunit.eval.Evaluator;
import dev.iamunit.jsonl.CaseFormat;
import dev.iamunit.jsonl.EvaluationCase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The two modes of {@link CaseFileBenchmark}, timed in rounds on command, so that
 * benchmarks/compare/paired.mjs can alternate them with rounds of iam-simulate: this machine runs
 * CPU-bound code at two speeds that alternate every few seconds, and only rounds that follow each
 * other closely see the same speed. One process, kept warm between rounds, idle while the other
 * engine runs.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.iamunit.benchmarks.CaseFileRounds FILE}. Prints
 * {@code {"ready":true,"cases":N,"skipped":N}} once the file is loaded, then reads commands from
 * stdin, one a line, {@code parse SECONDS} or {@code compiled SECONDS}, and answers each with
 * {@code {"mode":"parse","decisions":N,"seconds":S,"allowed":N}}. Stops at {@code quit} or the end
 * of stdin; a command it does not know is an error (exit status 2), as only a program sends them.
 */
public final class CaseFileRounds {

  private final Evaluator evaluator = Evaluator.standard();
  private final String[] lines;
  private final EvaluationCase[] cases;

  private CaseFileRounds(CaseFile file) {
    this.lines = file.lines().toArray(String[]::new);
    this.cases = file.cases().toArray(EvaluationCase[]::new);
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: CaseFileRounds FILE");
      System.exit(2);
    }
    CaseFile file = new CaseFile(CaseFile.locate(args[0]));
    CaseFileRounds rounds = new CaseFileRounds(file);
    answer(String.format(Locale.ROOT, "{\"ready\":true,\"cases\":%d,\"skipped\":%d}", file.cases().size(), file.skipped()));
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String command = commands.readLine(); command != null && !command.trim().equals("quit"); command = commands.readLine()) {
      if (command.isBlank()) {
        continue;
      }
      try {
        answer(rounds.run(command.trim().split("\\s+")));
      } catch (IllegalArgumentException e) {
        System.err.println("CaseFileRounds: " + e.getMessage());
        System.exit(2);
      }
    }
  }

  private String run(String[] command) {
    LongSupplier pass = switch (command[0]) {
      case "parse" -> this::parsePass;
      case "compiled" -> this::compiledPass;
      default -> null;
    };
    double seconds = command.length == 2 ? seconds(command[1]) : Double.NaN;
    if (pass == null || !(seconds > 0 && seconds < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("unknown command \"" + String.join(" ", command)
          + "\" (expected: parse SECONDS, compiled SECONDS or quit)");
    }
    return time(command[0], seconds, pass);
  }

  /**
   * Repeats {@code pass} over all cases until {@code seconds} have gone by. The clock is read once
   * a pass, not once a decision, where reading it would be a part of what a compiled decision
   * costs. The count of allowed decisions goes into the answer, so no decision's work can be
   * dropped as unused.
   */
  private String time(String mode, double seconds, LongSupplier pass) {
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long now;
    long passes = 0;
    long allowed = 0;
    do {
      allowed += pass.getAsLong();
      passes++;
      now = System.nanoTime();
    } while (now < end);
    return String.format(Locale.ROOT, "{\"mode\":\"%s\",\"decisions\":%d,\"seconds\":%s,\"allowed\":%d}",
        mode, passes * cases.length, (now - start) / 1e9, allowed);
  }

  /** Each line read, its policies parsed and compiled, then decided, as parsePerDecision does. */
  private long parsePass() {
    long allowed = 0;
    for (String line : lines) {
      EvaluationCase evaluationCase = CaseFormat.read(line, "case");
      if (evaluator.decide(evaluationCase.request(), evaluationCase.policies()).isAllowed()) {
        allowed++;
      }
    }
    return allowed;
  }

  /** Each case decided from the policies compiled at load, as compiledOnce does. */
  private long compiledPass() {
    long allowed = 0;
    for (EvaluationCase evaluationCase : cases) {
      if (evaluator.decide(evaluationCase.request(), evaluationCase.policies()).isAllowed()) {
        allowed++;
      }
    }
    return allowed;
  }

  private static double seconds(String word) {
    try {
      return Double.parseDouble(word);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static void answer(String json) {
    System.out.println(json);
    System.out.flush();
  }
}
