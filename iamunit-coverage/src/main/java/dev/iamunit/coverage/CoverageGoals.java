package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The {@code report} and {@code check} goals, once: the Maven plugin's goals and {@code iamunit
 * coverage} map their configuration onto these methods and print the lines they return, so both
 * write the same files and reach the same verdict from the same fragments.
 */
@API(status = EXPERIMENTAL)
public final class CoverageGoals {

  /** The line that ends a check every rule of which holds. */
  public static final String CHECK_MET = "IAMUnit coverage checks have been met.";

  private CoverageGoals() {}

  /**
   * What {@link #report} did.
   *
   * @param index the HTML report's {@code index.html}, or empty when there was no data to report
   * @param lines what to show the user, in order: the summary and where the report is, or why
   *     there is none
   */
  public record ReportOutcome(Optional<Path> index, List<String> lines) {
    public ReportOutcome {
      lines = List.copyOf(lines);
    }
  }

  /**
   * What {@link #check} found.
   *
   * @param result the violations and notes
   * @param notes what to show whatever the verdict (the baseline can shrink)
   * @param verdict the last line: {@link #CHECK_MET}, or every violation (the failing build's message)
   */
  public record CheckOutcome(CheckResult result, List<String> notes, String verdict) {
    public CheckOutcome {
      notes = List.copyOf(notes);
    }

    public boolean passed() {
      return result.passed();
    }
  }

  /**
   * Merges the fragments of {@code dataDirectory} and writes {@code coverage.json}, {@code
   * coverage.csv}, {@code iamunit.sarif} and {@code html/} into {@code outputDirectory}. No data
   * is no failure: the outcome says the report was skipped and why. A fragment that cannot be read
   * is: a report without it would show its statements as missed, or leave them out.
   *
   * @param sourceRoots folders the templates' paths are relative to, for the HTML source pages
   * @throws CoverageDataException naming the fragment that cannot be read
   */
  public static ReportOutcome report(Path dataDirectory, Path outputDirectory, List<Path> sourceRoots, String title) {
    if (CoverageAnalysis.fragments(dataDirectory).isEmpty()) {
      return new ReportOutcome(Optional.empty(), List.of("IAMUnit coverage report skipped: " + CoverageAnalysis.noData(dataDirectory)));
    }
    CoverageAnalysis analysis = CoverageAnalysis.read(dataDirectory);
    CoverageReport report = CoverageReport.of(analysis).withSourceRoots(sourceRoots).withTitle(title);
    Path index = report.writeAll(outputDirectory);
    List<String> lines = new ArrayList<>(List.of(report.consoleSummary().split("\n")));
    lines.add("IAMUnit coverage report: " + index);
    return new ReportOutcome(Optional.of(index), lines);
  }

  /**
   * Runs the gate on the fragments of {@code dataDirectory} and, when {@code sarifFile} is given,
   * writes the SARIF log with the violations added.
   *
   * @param baseline a baseline file (see {@link Baseline}), or empty
   * @param createBaseline how the user creates a missing baseline, for the message
   * @throws CoverageDataException when there are no fragments or one cannot be read
   * @throws GateConfigurationException when the baseline does not exist
   */
  public static CheckOutcome check(Path dataDirectory, List<CoverageRule> rules, List<String> requiredSids,
      Optional<Path> baseline, Optional<Path> sarifFile, String createBaseline) {
    CoverageAnalysis analysis = CoverageAnalysis.read(dataDirectory);
    CoverageCheck check = CoverageCheck.of(rules).requiringSids(requiredSids);
    if (baseline.isPresent()) {
      if (!Files.isRegularFile(baseline.get())) {
        throw new GateConfigurationException("baseline " + baseline.get() + " does not exist: create it with " + createBaseline);
      }
      check = check.withBaseline(Baseline.read(baseline.get()));
    }
    CheckResult result = check.run(analysis);
    sarifFile.ifPresent(file -> SarifLog.of(analysis).withViolations(result.violations()).write(file));
    return new CheckOutcome(result, result.notes(), result.passed() ? CHECK_MET : result.describe().strip());
  }

  /** Writes the statements missed now to {@code file}, to adopt the gate; returns the line to show. */
  public static String baseline(Path dataDirectory, Path file) {
    Baseline written = Baseline.of(CoverageAnalysis.read(dataDirectory));
    written.write(file);
    return "IAMUnit baseline: " + written.entries().size() + " missed statement(s) written to " + file;
  }
}
