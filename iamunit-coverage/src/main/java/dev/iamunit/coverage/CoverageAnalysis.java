package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.iamunit.coverage.internal.Deployments;
import dev.iamunit.coverage.internal.FragmentFormat;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The analysis half of coverage: merges the fragments every JVM wrote and groups the statements
 * by template, policy and principal.
 *
 * <p>When any fragment carries an inventory (the statements of loaded templates), only inventory
 * statements are counted: statements of policies built in code, of AWS managed policies or of the
 * FullAWSAccess SCP IAMUnit adds by AWS's rule are not the repository's and are left out. Without any inventory, every recorded statement counts.
 */
@API(status = EXPERIMENTAL)
public final class CoverageAnalysis {

  private final List<StatementCoverage> statements;
  private final List<AssertionFailure> failures;
  private final List<RecordedDecision> decisions;

  private CoverageAnalysis(Collection<StatementCoverage> recorded, List<AssertionFailure> failures,
      List<RecordedDecision> decisions) {
    Map<StatementKey, StatementCoverage> merged = new TreeMap<>();
    for (StatementCoverage statement : recorded) {
      merged.merge(statement.key(), statement, StatementCoverage::plus);
    }
    boolean inventory = merged.values().stream().anyMatch(StatementCoverage::inventory);
    this.statements = merged.values().stream().filter(s -> !inventory || s.inventory()).toList();
    this.failures = List.copyOf(failures);
    this.decisions = decisions.stream().sorted().toList();
  }

  /** Merges statements recorded by any number of recorders; the same statement adds up. */
  public static CoverageAnalysis of(Collection<StatementCoverage> statements, List<AssertionFailure> failures) {
    return new CoverageAnalysis(statements, failures, List.of());
  }

  public static CoverageAnalysis of(Collection<StatementCoverage> statements) {
    return of(statements, List.of());
  }

  /**
   * Merges every fragment ({@code coverage-*.json}) in {@code dataDirectory}. A statement deployed
   * in several accounts counts per account ({@link StatementKey#as}) by what every fragment's
   * inventory found together: a JVM whose tests loaded it in one account only (a folder per account
   * sharing a module, say) wrote it without account, and its counts go to that account's entry.
   *
   * @throws CoverageDataException when the folder has no fragment or a fragment is not readable
   */
  public static CoverageAnalysis read(Path dataDirectory) {
    List<StatementCoverage> all = new ArrayList<>();
    List<AssertionFailure> failures = new ArrayList<>();
    List<RecordedDecision> decisions = new ArrayList<>();
    List<Path> fragments = fragments(dataDirectory);
    if (fragments.isEmpty()) {
      throw new CoverageDataException(noData(dataDirectory));
    }
    List<JsonNode> roots = new ArrayList<>();
    Deployments everywhere = new Deployments();
    for (Path file : fragments) {
      JsonNode root = readJson(file);
      String format = root.path("format").asText();
      if (FragmentFormat.PREVIOUS_FORMATS.contains(format)) {
        throw new CoverageDataException("cannot read coverage fragment " + file + ": an earlier IAMUnit wrote it (format "
            + format + "), which counted an SCP or RCP statement once for every account, where " + FragmentFormat.FORMAT
            + " counts it per account it applies to; run the tests again (mvn clean verify) to write it anew");
      }
      if (!FragmentFormat.FORMAT.equals(format)) {
        throw new CoverageDataException(file + " is not an IAMUnit coverage fragment (format " + FragmentFormat.FORMAT
            + " expected); remove it or move it out of " + dataDirectory);
      }
      roots.add(root);
      everywhere.addAll(FragmentFormat.readDeployments(root));
    }
    for (JsonNode root : roots) {
      Deployments local = FragmentFormat.readDeployments(root);
      FragmentFormat.readStatements(root).forEach(s -> all.add(s.withKey(everywhere.merged(s.key(), local))));
      failures.addAll(FragmentFormat.readFailures(root));
      FragmentFormat.readDecisions(root).forEach(d -> decisions.add(new RecordedDecision(d.testId(), d.request(), d.outcome(),
          d.deciding().stream().map(id -> everywhere.merged(StatementKey.parse(id), local).id()).toList())));
    }
    return new CoverageAnalysis(all, failures, decisions);
  }

  /** Why there is nothing to analyse in {@code dataDirectory}, and what to do. */
  static String noData(Path dataDirectory) {
    return "no coverage data (coverage-*.json) in " + dataDirectory
        + ": run the IAMUnit tests first; they write one fragment per test JVM there";
  }

  /** The fragments ({@code coverage-*.json}) in {@code dataDirectory}, by name; none when it does not exist. */
  public static List<Path> fragments(Path dataDirectory) {
    if (!Files.isDirectory(dataDirectory)) {
      return List.of();
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDirectory, "coverage-*.json")) {
      List<Path> found = new ArrayList<>();
      files.forEach(found::add);
      return found.stream().sorted().toList();
    } catch (IOException e) {
      throw new CoverageDataException("cannot list the coverage fragments in " + dataDirectory + ": " + e.getMessage());
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      return FragmentFormat.mapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      // One line, without Jackson's second line about its source: where in the file, and what.
      JsonLocation at = e.getLocation();
      throw new CoverageDataException("cannot read coverage fragment " + file + ": not JSON"
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + " (" + e.getOriginalMessage()
          + "); IAMUnit writes its fragments whole, so something else wrote or changed it: remove it and run the tests again");
    } catch (IOException e) {
      throw new CoverageDataException("cannot read coverage fragment " + file + ": " + e.getMessage());
    }
  }

  /** Every counted statement, by template then position. */
  public List<StatementCoverage> statements() {
    return statements;
  }

  public List<AssertionFailure> failures() {
    return failures;
  }

  /**
   * Every decision of every fragment that kept a decision log ({@link
   * CoverageRecorder#withDecisionLog()}), sorted by test then request; empty when none did.
   */
  public List<RecordedDecision> decisions() {
    return decisions;
  }

  public Optional<StatementCoverage> statement(StatementKey key) {
    return statements.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /** The statements with this Sid, in every template. */
  public List<StatementCoverage> statementsWithSid(String sid) {
    return statements.stream().filter(s -> s.sid().filter(sid::equals).isPresent()).toList();
  }

  public ElementCoverage total() {
    return new ElementCoverage(ElementKind.BUNDLE, "all", statements);
  }

  /** The templates, policies or principals, by name. */
  public List<ElementCoverage> elements(ElementKind kind) {
    return switch (kind) {
      case BUNDLE -> List.of(total());
      case TEMPLATE -> group(kind, s -> List.of(s.key().file()));
      case POLICY -> group(kind, s -> List.of(s.policy()));
      case PRINCIPAL -> group(kind, StatementCoverage::principals);
    };
  }

  private List<ElementCoverage> group(ElementKind kind, Function<StatementCoverage, List<String>> names) {
    Map<String, List<StatementCoverage>> groups = new TreeMap<>();
    for (StatementCoverage statement : statements) {
      for (String name : names.apply(statement)) {
        groups.computeIfAbsent(name, n -> new ArrayList<>()).add(statement);
      }
    }
    return groups.entrySet().stream().map(e -> new ElementCoverage(kind, e.getKey(), e.getValue())).toList();
  }
}
