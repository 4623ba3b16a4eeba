package dev.iamunit.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.iamunit.IamUnitException;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.explain.DecisionText;
import dev.iamunit.jsonl.CaseFormat;
import dev.iamunit.jsonl.EvaluationCase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iamunit evaluate --jsonl [FILE|-]}: one decision line for each case line of the JSON
 * Lines format (DESIGN.md, "Differential testing and benchmarks"). It streams: one line is read,
 * decided and written before the next is read, so memory stays flat for any input size.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Decides each case of a JSON Lines file, one result line per case line.",
      "",
      "Result lines:",
      "  {\"id\":…,\"decision\":\"ALLOWED|EXPLICIT_DENY|IMPLICIT_DENY\",\"matched\":[…]}",
      "A line that cannot be read or evaluated gives {\"id\":…,\"error\":\"…\"} (id null when the line has",
      "none) and the run goes on. Blank lines are skipped. The context is exactly what the line gives."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every case line was decided",
      "1:some lines were answered with an error line",
      ExitCodes.USAGE_LINE,
      "3:the input file cannot be read",
      ExitCodes.INTERNAL_LINE
    })
final class EvaluateCommand implements Callable<Integer> {

  private static final Evaluator EVALUATOR = Evaluator.standard();

  private final InputStream stdin;

  @Spec
  CommandSpec spec;

  @Option(names = "--jsonl", required = true, description = "Read and write the JSON Lines case format (the only format so far).")
  boolean jsonl;

  @Option(
      names = "--explain",
      description = "Add an \"explanation\" field (the text explain prints after \"Decision: \") to each decision line.")
  boolean explain;

  @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "The cases; '-' or nothing reads standard input.")
  String input = "-";

  EvaluateCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    boolean fromStdin = input.equals("-");
    String source = fromStdin ? "<stdin>" : input;
    PrintWriter out = spec.commandLine().getOut();
    int errors = 0;
    try (BufferedReader reader = fromStdin
        ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16)
        : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String result = evaluate(line, source + ":" + number);
        if (result == null) {
          errors++;
          continue;
        }
        out.write(result);
        out.write('\n');
      }
    } finally {
      out.flush();
    }
    return errors == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  /** The decision line, or null after writing an error line. */
  private String evaluate(String line, String where) {
    PrintWriter out = spec.commandLine().getOut();
    try {
      EvaluationCase evaluationCase = CaseFormat.read(line, where);
      Decision decision = explain
          ? EVALUATOR.explain(evaluationCase.request(), evaluationCase.policies())
          : EVALUATOR.decide(evaluationCase.request(), evaluationCase.policies());
      String result = CaseFormat.write(evaluationCase.id(), decision);
      return explain
          ? withExplanation(result, DecisionText.explained(decision, Optional.of(evaluationCase.request().context())))
          : result;
    } catch (IamUnitException e) {
      out.write(CaseFormat.writeError(CaseFormat.idOf(line), e.getMessage()));
      out.write('\n');
      return null;
    } catch (RuntimeException e) {
      // A bug on one case must not hide the answers to the others; its trace goes to stderr.
      out.write(CaseFormat.writeError(CaseFormat.idOf(line), "internal error: " + e));
      out.write('\n');
      PrintWriter err = spec.commandLine().getErr();
      err.println(spec.qualifiedName() + ": internal error at " + where + ":");
      e.printStackTrace(err);
      return null;
    }
  }

  /** {@code {...}} becomes {@code {...,"explanation":"..."}}. */
  private static String withExplanation(String decisionLine, String explanation) {
    char[] quoted = JsonStringEncoder.getInstance().quoteAsString(explanation);
    StringBuilder text = new StringBuilder(decisionLine.length() + quoted.length + 20);
    text.append(decisionLine, 0, decisionLine.length() - 1).append(",\"explanation\":\"").append(quoted).append("\"}");
    return text.toString();
  }
}
