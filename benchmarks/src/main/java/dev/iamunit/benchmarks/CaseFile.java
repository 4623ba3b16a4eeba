package dev.iamunit.benchmarks;

import dev.iamunit.IamUnitException;
import dev.iamunit.eval.Evaluator;
import dev.iamunit.jsonl.CaseFormat;
import dev.iamunit.jsonl.EvaluationCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases of a JSON Lines file (DESIGN.md, "Differential testing") that IAMUnit can decide:
 * lines that are not valid cases, or whose decision needs values no line can give, are left out
 * and counted, so both benchmark modes time the same set.
 */
final class CaseFile {

  /** iam-simulate's contract cases, AGPL: read where they are, never copied. */
  static final String CONTRACT_CASES = "conformance/iam-simulate/contract-cases.jsonl";

  private final List<String> lines = new ArrayList<>();
  private final List<EvaluationCase> cases = new ArrayList<>();
  private final int skipped;

  CaseFile(Path file) {
    List<String> all;
    try {
      all = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int left = 0;
    for (int i = 0; i < all.size(); i++) {
      String line = all.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        EvaluationCase evaluationCase = CaseFormat.read(line, file.getFileName() + ":" + (i + 1));
        Evaluator.standard().decide(evaluationCase.request(), evaluationCase.policies());
        lines.add(line);
        cases.add(evaluationCase);
      } catch (IamUnitException e) {
        left++;
      }
    }
    this.skipped = left;
    if (cases.isEmpty()) {
      throw new IllegalStateException("no case of " + file + " can be decided");
    }
  }

  /** {@code path}, or the contract cases in shared/ when it is empty. */
  static Path locate(String path) {
    return path.isEmpty() ? SharedFolder.resolve(CONTRACT_CASES) : Path.of(path);
  }

  List<String> lines() {
    return lines;
  }

  List<EvaluationCase> cases() {
    return cases;
  }

  int skipped() {
    return skipped;
  }
}
