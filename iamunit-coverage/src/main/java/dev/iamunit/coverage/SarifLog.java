package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamunit.coverage.internal.FragmentFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A SARIF 2.1.0 log for code-scanning annotations on a pull request: one result per missed
 * statement, per possibly dead statement, per failed policy assertion and per broken coverage
 * rule, each at the template's file:line (relative to {@code %SRCROOT%}, the repository root).
 */
@API(status = EXPERIMENTAL)
public final class SarifLog {

  /** The rules a result can come from. */
  public enum Rule {
    MISSED_STATEMENT("iamunit/missed-statement", "warning", "Statement no test exercised",
        "No test made a request this statement decided. Add a test that it allows (or denies) what it should."),
    NEVER_DECISIVE("iamunit/never-decisive", "note", "Statement always overridden",
        "The statement applied in tests but another statement always decided: it may be dead."),
    FAILED_ASSERTION("iamunit/failed-assertion", "error", "Policy assertion failed",
        "A policy test's assertion about this statement failed."),
    COVERAGE_RULE("iamunit/coverage-rule", "error", "Coverage rule violated",
        "A coverage rule of the build's gate is not met.");

    private final String id;
    private final String level;
    private final String shortText;
    private final String fullText;

    Rule(String id, String level, String shortText, String fullText) {
      this.id = id;
      this.level = level;
      this.shortText = shortText;
      this.fullText = fullText;
    }

    public String id() {
      return id;
    }
  }

  private record Result(Rule rule, String message, String file, int line, String fingerprint) {}

  private final List<Result> results;

  private SarifLog(List<Result> results) {
    this.results = List.copyOf(results);
  }

  public static SarifLog empty() {
    return new SarifLog(List.of());
  }

  /** Missed statements, statements always overridden, and the failures the tests recorded. */
  public static SarifLog of(CoverageAnalysis analysis) {
    SarifLog log = empty();
    for (StatementCoverage s : analysis.statements()) {
      if (s.neverDecisive()) {
        log = log.with(Rule.NEVER_DECISIVE, s.effect().json() + " statement " + s.displayName() + " of " + s.policy()
            + " applied " + s.overridden() + " time(s) but never decided: another statement always overrode it",
            s.key().file(), s.key().line(), s.key().id());
      } else if (!s.covered()) {
        log = log.with(Rule.MISSED_STATEMENT, s.effect().json() + " statement " + s.displayName() + " of " + s.policy()
            + " was not exercised by any test", s.key().file(), s.key().line(), s.key().id());
      }
    }
    for (AssertionFailure failure : analysis.failures()) {
      log = log.withFailedAssertion(failure);
    }
    return log;
  }

  /** This log and a failed assertion. */
  public SarifLog withFailedAssertion(AssertionFailure failure) {
    return with(Rule.FAILED_ASSERTION, failure.testId() + ": " + failure.message(), failure.file(), failure.line(),
        failure.testId());
  }

  /** This log and the violations of the gate's rules. */
  public SarifLog withViolations(List<Violation> violations) {
    SarifLog log = this;
    for (Violation violation : violations) {
      log = log.with(Rule.COVERAGE_RULE, violation.message(), violation.file(), violation.line(), violation.message());
    }
    return log;
  }

  private SarifLog with(Rule rule, String message, String file, int line, String fingerprint) {
    List<Result> all = new ArrayList<>(results);
    all.add(new Result(rule, message, file, line, fingerprint));
    return new SarifLog(all);
  }

  public int size() {
    return results.size();
  }

  public String json() {
    ObjectNode root = FragmentFormat.mapper().createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "IAMUnit");
    driver.put("semanticVersion", version());
    ArrayNode rules = driver.putArray("rules");
    for (Rule rule : Rule.values()) {
      ObjectNode node = rules.addObject();
      node.put("id", rule.id);
      node.putObject("shortDescription").put("text", rule.shortText);
      node.putObject("fullDescription").put("text", rule.fullText);
      node.putObject("defaultConfiguration").put("level", rule.level);
    }
    run.putObject("originalUriBaseIds").putObject("%SRCROOT%").putObject("description").put("text", "the repository root");
    ArrayNode out = run.putArray("results");
    for (Result result : results) {
      ObjectNode node = out.addObject();
      node.put("ruleId", result.rule.id);
      node.put("ruleIndex", result.rule.ordinal());
      node.put("level", result.rule.level);
      node.putObject("message").put("text", result.message);
      ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
      ObjectNode artifact = physical.putObject("artifactLocation");
      artifact.put("uri", uri(result.file));
      if (!Path.of(result.file).isAbsolute()) {
        artifact.put("uriBaseId", "%SRCROOT%");
      }
      if (result.line > 0) {
        physical.putObject("region").put("startLine", result.line);
      }
      node.putObject("partialFingerprints").put("iamunit/v1", result.rule.id + ":" + result.fingerprint);
    }
    return FragmentFormat.text(root);
  }

  /** Writes the log, creating folders as needed. */
  public Path write(Path file) {
    CoverageReport.write(file, json());
    return file;
  }

  private static String uri(String file) {
    String path = file.replace('\\', '/');
    try {
      return Path.of(file).isAbsolute() ? Path.of(file).toUri().toString() : new URI(null, null, path, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a usable file name: " + file, e);
    }
  }

  private static String version() {
    String version = SarifLog.class.getPackage().getImplementationVersion();
    return version == null ? "0.1.0-SNAPSHOT" : version;
  }
}
