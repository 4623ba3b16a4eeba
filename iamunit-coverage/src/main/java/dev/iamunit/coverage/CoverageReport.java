package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamunit.coverage.internal.FragmentFormat;
import dev.iamunit.coverage.internal.HtmlReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The reports of one analysis: console summary, {@code coverage.json}, {@code coverage.csv}, the
 * HTML pages and {@code iamunit.sarif}. The library never prints: the caller prints {@link
 * #consoleSummary()} where it likes.
 */
@API(status = EXPERIMENTAL)
public final class CoverageReport {

  /** The {@code format} of {@code coverage.json}; its schema is in this module's README. */
  public static final String JSON_FORMAT = "iamunit-coverage/2";

  private static final List<CounterKind> COUNTERS = List.of(CounterKind.values());
  private static final String CSV_HEADER = "TEMPLATE,LINE,COLUMN,INDEX,ACCOUNT,SID,POLICY,EFFECT,STATUS,DECISIVE,OVERRIDDEN,"
      + "NOT_APPLIED_ACTION,NOT_APPLIED_RESOURCE,NOT_APPLIED_PRINCIPAL,NOT_APPLIED_CONDITION,CONDITIONS_COVERED,"
      + "CONDITIONS_MISSED,TESTS";

  private final CoverageAnalysis analysis;
  private final List<Path> sourceRoots;
  private final String title;

  private CoverageReport(CoverageAnalysis analysis, List<Path> sourceRoots, String title) {
    this.analysis = Objects.requireNonNull(analysis, "analysis");
    this.sourceRoots = List.copyOf(sourceRoots);
    this.title = Objects.requireNonNull(title, "title");
  }

  public static CoverageReport of(CoverageAnalysis analysis) {
    return new CoverageReport(analysis, List.of(Path.of("")), "IAMUnit coverage");
  }

  /** Folders the templates' paths are relative to, tried in order, for the HTML source pages. */
  public CoverageReport withSourceRoots(List<Path> roots) {
    return new CoverageReport(analysis, roots, title);
  }

  /** The heading of the HTML pages, such as the project's name. */
  public CoverageReport withTitle(String newTitle) {
    return new CoverageReport(analysis, sourceRoots, newTitle);
  }

  /** A few lines for the end of a test run: totals, each template, the missed statements. */
  public String consoleSummary() {
    ElementCoverage total = analysis.total();
    StringBuilder text = new StringBuilder("IAMUnit coverage: ").append(counters(total)).append('\n');
    for (ElementCoverage template : analysis.elements(ElementKind.TEMPLATE)) {
      text.append("  ").append(template.name()).append(": ").append(counters(template)).append('\n');
    }
    List<StatementCoverage> missed = total.missed();
    if (!missed.isEmpty()) {
      text.append("Missed statements (never decisive in any test):\n");
      for (StatementCoverage s : missed) {
        // A statement counted per account reads ProtectCloudTrail/DenyStopLogging (file:line) in prod (111111111111).
        text.append("  ").append(s.effect().json()).append(' ')
            .append(s.key().inAccount() ? s.policy() + "/" + s.describe() : s.describe() + " in " + s.policy())
            .append(s.neverDecisive() ? " (applied " + s.overridden() + "x, always overridden: possibly dead)" : "")
            .append('\n');
      }
    }
    return text.toString();
  }

  private static String counters(ElementCoverage element) {
    return "statements " + element.counter(CounterKind.STATEMENT).describe()
        + ", Allow " + element.counter(CounterKind.ALLOW).describe()
        + ", Deny " + element.counter(CounterKind.DENY).describe()
        + ", conditions " + element.counter(CounterKind.CONDITION).describe();
  }

  /** {@code coverage.json}: counters per element and every statement (schema in the README). */
  public String json() {
    ObjectNode root = FragmentFormat.mapper().createObjectNode();
    root.put("format", JSON_FORMAT);
    root.set("counters", counterNode(analysis.total()));
    root.put("neverDecisive", analysis.total().neverDecisive().size());
    elements(root.putArray("templates"), ElementKind.TEMPLATE);
    elements(root.putArray("policies"), ElementKind.POLICY);
    elements(root.putArray("principals"), ElementKind.PRINCIPAL);
    root.set("statements", FragmentFormat.statements(analysis.statements()));
    ArrayNode failures = root.putArray("failures");
    for (AssertionFailure failure : analysis.failures()) {
      failures.addObject().put("test", failure.testId()).put("message", failure.message()).put("file", failure.file())
          .put("line", failure.line());
    }
    return FragmentFormat.text(root);
  }

  private void elements(ArrayNode into, ElementKind kind) {
    for (ElementCoverage element : analysis.elements(kind)) {
      ObjectNode node = into.addObject();
      node.put("name", element.name());
      node.set("counters", counterNode(element));
      node.put("neverDecisive", element.neverDecisive().size());
      ArrayNode ids = node.putArray("statements");
      element.statements().forEach(s -> ids.add(s.key().id()));
    }
  }

  private static ObjectNode counterNode(ElementCoverage element) {
    ObjectNode counters = FragmentFormat.mapper().createObjectNode();
    for (CounterKind kind : COUNTERS) {
      Counter counter = element.counter(kind);
      ObjectNode node = counters.putObject(kind.name());
      node.put("covered", counter.covered());
      node.put("missed", counter.missed());
      node.put("total", counter.total());
      if (counter.total() == 0) {
        node.putNull("ratio");
      } else {
        node.put("ratio", Math.round(counter.coveredRatio() * 10_000) / 10_000.0);
      }
    }
    return counters;
  }

  /** {@code coverage.csv}: one row per statement, the columns of the header. */
  public String csv() {
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (StatementCoverage s : analysis.statements()) {
      List<Object> cells = List.of(s.key().file(), s.key().line(), s.key().column(), s.key().index(), s.account(), s.sid().orElse(""),
          s.policy(), s.effect().json(), s.status(), s.decisive(), s.overridden(), s.notAppliedAction(),
          s.notAppliedResource(), s.notAppliedPrincipal(), s.notAppliedCondition(), s.conditionsCovered(),
          s.conditions().size() - s.conditionsCovered(), String.join(" ", s.tests()));
      for (int i = 0; i < cells.size(); i++) {
        csv.append(i == 0 ? "" : ",").append(csvCell(String.valueOf(cells.get(i))));
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  private static String csvCell(String value) {
    boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  /** The SARIF log of this analysis: missed and possibly dead statements, failed assertions. */
  public SarifLog sarif() {
    return SarifLog.of(analysis);
  }

  /**
   * Writes {@code coverage.json}, {@code coverage.csv}, {@code iamunit.sarif} and the HTML report
   * ({@code html/index.html}) into {@code directory}, and returns the HTML index.
   */
  public Path writeAll(Path directory) {
    write(directory.resolve("coverage.json"), json());
    write(directory.resolve("coverage.csv"), csv());
    sarif().write(directory.resolve("iamunit.sarif"));
    return writeHtml(directory.resolve("html"));
  }

  /** Writes the HTML pages into {@code directory} and returns {@code index.html}. */
  public Path writeHtml(Path directory) {
    return new HtmlReport(analysis, sourceRoots, title).write(directory);
  }

  static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }
}
