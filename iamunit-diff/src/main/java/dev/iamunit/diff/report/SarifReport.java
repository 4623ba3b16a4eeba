package dev.iamunit.diff.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.DiffAccount;
import dev.iamunit.diff.Cause;
import dev.iamunit.diff.SideDecision;
import dev.iamunit.diff.StatementChange;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DecidingStatement;
import dev.iamunit.diff.LoadGaps;
import dev.iamunit.model.SourceLocation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The report as a SARIF 2.1.0 log, for code-scanning annotations on a pull request: one result
 * per cause ({@link Cause}), at the edit behind it (the line added, else removed) or, when no
 * deciding statement changed, at the statement responsible in the head version (for access the
 * head removed, the base statement that granted it), relative to {@code %SRCROOT%}; before them,
 * what each version's load could not evaluate.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SarifReport {

  private static final JsonFactory JSON = new JsonFactory();

  private SarifReport() {}

  /** The SARIF rule of each kind of change: id, level, short and full description. */
  static String[] rule(Change change) {
    return switch (change) {
      case NEWLY_ALLOWED -> new String[] {"iamunit/new-access", "error", "New access",
          "The head version allows a request the base version denied."};
      case NEWLY_DENIED -> new String[] {"iamunit/removed-access", "warning", "Removed access",
          "The head version denies a request the base version allowed."};
      case CHANGED_REASON -> new String[] {"iamunit/changed-reason", "note", "Changed reason",
          "Both versions decide the request alike, through different statements."};
    };
  }

  /** Something in the head IAMUnit could not evaluate that could grant access: the gate fails on it. */
  static final String[] COULD_GRANT = {"iamunit/could-grant-unseen-access", "error", "Could grant access unseen",
      "The head version holds a statement, attachment or policy IAMUnit could not evaluate that could grant access."};

  /** A value a loader could not compute, or a policy it left out. */
  static final String[] NOT_EVALUATED = {"iamunit/not-evaluated", "warning", "Not evaluated",
      "IAMUnit could not compute this value or read this policy, so no request shows its effect."};

  /**
   * A principal/action pair decided over a sample instead of proved. SARIF 2.1.0's result kind
   * (§3.27.9) has {@code "open"} for an undetermined outcome, but level (§3.27.10) says "If kind
   * (§3.27.9) has any value other than "fail", then if level is absent, it SHALL default to "none",
   * and if it is present, it SHALL have the value "none"", and a result at level none shows a
   * reviewer nothing: a {@code "warning"} (kind fail, the default) keeps a sampled pair from reading
   * as a clean pull request; the new-access gate fails on it unless the sample is accepted.
   */
  static final String[] NOT_PROVED = {"iamunit/not-proved", "warning", "Sampled, not proved",
      "The regions of this principal and action were too many to decide every one: they were decided over a sample, "
          + "where new access may be missed."};

  /** Every rule, in the order results index them: the changes, the two kinds of gap, then a sampled pair. */
  private static List<String[]> rules() {
    List<String[]> rules = new ArrayList<>();
    for (Change change : Change.values()) {
      rules.add(rule(change));
    }
    rules.add(COULD_GRANT);
    rules.add(NOT_EVALUATED);
    rules.add(NOT_PROVED);
    return rules;
  }

  public static String render(AccessDiff diff) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text).useDefaultPrettyPrinter()) {
      json.writeStartObject();
      json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      json.writeObjectFieldStart("tool");
      json.writeObjectFieldStart("driver");
      json.writeStringField("name", "IAMUnit");
      json.writeStringField("informationUri", "https://github.com/iamunit/iamunit");
      json.writeArrayFieldStart("rules");
      for (String[] rule : rules()) {
        json.writeStartObject();
        json.writeStringField("id", rule[0]);
        json.writeObjectFieldStart("shortDescription");
        json.writeStringField("text", rule[2]);
        json.writeEndObject();
        json.writeObjectFieldStart("fullDescription");
        json.writeStringField("text", rule[3]);
        json.writeEndObject();
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", rule[1]);
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.writeObjectFieldStart("originalUriBaseIds");
      json.writeObjectFieldStart("%SRCROOT%");
      json.writeObjectFieldStart("description");
      json.writeStringField("text", "the repository root");
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
      json.writeArrayFieldStart("results");
      for (LoadGaps.Gap gap : diff.newCouldGrant()) {
        gap(json, COULD_GRANT, Change.values().length, "head " + diff.head() + ": " + gap.what(), gap.location());
      }
      for (Summary.NotEvaluated gap : Summary.notEvaluated(diff)) {
        gap(json, NOT_EVALUATED, Change.values().length + 1, gap.versions() + ": " + gap.kind() + " " + gap.text(), gap.location());
      }
      for (String pair : diff.space().proof().sampled()) {
        notProved(json, diff, pair);
      }
      for (Cause cause : diff.causes()) {
        result(json, diff, cause);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }

  /**
   * A sampled pair, in the words of the other formats ({@link Summary#proof}, {@link Summary#sampled}),
   * at the edited statement that names a key or action of the pair's reason if there is one, else at
   * the first edit.
   */
  private static void notProved(JsonGenerator json, AccessDiff diff, String pair) throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", NOT_PROVED[0]);
    json.writeNumberField("ruleIndex", Change.values().length + 2);
    json.writeStringField("level", NOT_PROVED[1]);
    json.writeObjectFieldStart("message");
    json.writeStringField("text", Summary.notProved(pair));
    json.writeEndObject();
    Optional<SourceLocation> at = sampledAt(diff, pair);
    if (at.isPresent()) {
      location(json, at.get().file(), at.get().line());
    }
    json.writeEndObject();
  }

  /** The edit whose text names a condition key or action the sampled pair's reason names, else the first edit. */
  private static Optional<SourceLocation> sampledAt(AccessDiff diff, String pair) {
    List<String> names = Arrays.stream(pair.split("[\\s,;()]+")).filter(w -> w.matches("[A-Za-z0-9-]+:[A-Za-z0-9/_*-]+")).toList();
    return diff.statementChanges().stream()
        .filter(c -> c.lines().stream().anyMatch(l -> names.stream().anyMatch(l.text()::contains)))
        .findFirst().or(() -> diff.statementChanges().stream().findFirst()).map(StatementChange::where);
  }

  private static void gap(JsonGenerator json, String[] rule, int index, String message, SourceLocation location)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", rule[0]);
    json.writeNumberField("ruleIndex", index);
    json.writeStringField("level", rule[1]);
    json.writeObjectFieldStart("message");
    json.writeStringField("text", message);
    json.writeEndObject();
    location(json, location.file(), location.line());
    json.writeEndObject();
  }

  private static void location(JsonGenerator json, String file, int line) throws IOException {
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", file);
    json.writeStringField("uriBaseId", "%SRCROOT%");
    json.writeEndObject();
    if (line > 0) {
      json.writeObjectFieldStart("region");
      json.writeNumberField("startLine", line);
      json.writeEndObject();
    }
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
  }

  /** One result per cause, at the edit behind it: the added line, or the statement that decided. */
  private static void result(JsonGenerator json, AccessDiff diff, Cause cause) throws IOException {
    String[] rule = rule(cause.change());
    json.writeStartObject();
    json.writeStringField("ruleId", rule[0]);
    json.writeNumberField("ruleIndex", cause.change().ordinal());
    json.writeStringField("level", rule[1]);
    json.writeObjectFieldStart("message");
    StringBuilder text = new StringBuilder(Summary.title(cause.change())).append(": ").append(cause.who()).append(", ")
        .append(cause.extent()).append(".\n");
    Summary.edits(cause).forEach(line -> text.append(line).append('\n'));
    cause.decided().stream().limit(Summary.DECIDED).forEach(d -> text.append(Summary.requests(d.rows().size()))
        .append(": base ").append(d.base().describe()).append("; head ").append(d.head().describe()).append('\n'));
    cause.examples(Summary.EXAMPLES).forEach(row -> text.append("e.g. ").append(Cause.request(row)).append('\n'));
    json.writeStringField("text", text.toString().strip());
    json.writeEndObject();
    Optional<SourceLocation> at = responsible(cause);
    if (at.isPresent()) {
      location(json, at.get().file(), at.get().line());
    }
    json.writeObjectFieldStart("properties");
    json.writeStringField("account", cause.account());
    json.writeStringField("accountName", account(diff, cause.account()));
    List<String> organizationPolicies = diff.blastRadius().stream()
        .filter(b -> b.accounts().stream().anyMatch(r -> r.causes().stream().anyMatch(c -> c.principal().equals(cause.principal())
            && c.change() == cause.change() && c.credentials() == cause.credentials())))
        .map(b -> b.kind() + " " + b.policy()).toList();
    if (!organizationPolicies.isEmpty()) {
      json.writeArrayFieldStart("organizationPolicies");
      for (String policy : organizationPolicies) {
        json.writeString(policy);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField("iamunitDiff/v2", cause.change().name() + "|" + cause.principal() + "|" + cause.credentials().name()
        + "|" + (cause.changed().isEmpty()
            ? identities(cause.decided().get(0).base()) + "|" + identities(cause.decided().get(0).head())
            : String.join(",", cause.changed().stream().map(StatementChange::identity).toList())));
    json.writeEndObject();
    json.writeEndObject();
  }

  /** {@code prod (111111111111)}: the account's name in the diff, or its id. */
  private static String account(AccessDiff diff, String id) {
    return diff.accounts().stream().filter(a -> a.id().equals(id)).map(DiffAccount::description).findFirst().orElse(id);
  }

  private static String identities(SideDecision side) {
    return String.join(",", side.deciding().stream().map(DecidingStatement::identity).toList());
  }

  /** The edit behind the cause; without one, the head's deciding statement, or for access the head no longer grants, the base's. */
  private static Optional<SourceLocation> responsible(Cause cause) {
    return cause.changed().stream().findFirst().map(StatementChange::where)
        .or(() -> cause.principalChange().flatMap(p -> p.lines().stream().filter(l -> l.sign() == '+').findFirst()
            .or(() -> p.lines().stream().findFirst())).map(StatementChange.Line::location))
        .or(() -> cause.decided().get(0).head().deciding().stream().findFirst()
            .or(() -> cause.decided().get(0).base().deciding().stream().findFirst())
            .map(d -> SourceLocation.of(d.file(), d.line(), 0)));
  }
}
