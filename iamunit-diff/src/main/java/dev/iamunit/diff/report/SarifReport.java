package dev.iamunit.diff.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DecidingStatement;
import dev.iamunit.diff.LoadGaps;
import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report as a SARIF 2.1.0 log, for code-scanning annotations on a pull request: one result
 * per line of the report, at the statement responsible in the head version (for access the head
 * removed, the base statement that granted it), relative to {@code %SRCROOT%}; before them, what
 * each version's load could not evaluate.
 */
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

  /** Every rule, in the order results index them: the changes, then the two kinds of gap. */
  private static List<String[]> rules() {
    List<String[]> rules = new ArrayList<>();
    for (Change change : Change.values()) {
      rules.add(rule(change));
    }
    rules.add(COULD_GRANT);
    rules.add(NOT_EVALUATED);
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
      for (LoadGaps.Gap gap : diff.headGaps().couldGrant()) {
        gap(json, COULD_GRANT, Change.values().length, "head " + diff.head() + ": " + gap.what(), gap.location());
      }
      gaps(json, "base " + diff.base(), diff.baseGaps());
      gaps(json, "head " + diff.head(), diff.headGaps());
      for (RequestGroup group : RequestGroup.of(diff.rows())) {
        result(json, group);
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

  /** What a version's load left out or could not compute: before the changes, as the other formats list it. */
  private static void gaps(JsonGenerator json, String version, LoadGaps gaps) throws IOException {
    for (LoadReport.Problem problem : gaps.problems()) {
      gap(json, NOT_EVALUATED, Change.values().length + 1, version + ": problem: " + problem.message(), problem.location());
    }
    for (Unresolved value : gaps.unresolved()) {
      gap(json, NOT_EVALUATED, Change.values().length + 1,
          version + ": unresolved " + value.display() + ": " + value.reason(), value.location());
    }
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

  private static void result(JsonGenerator json, RequestGroup group) throws IOException {
    String[] rule = rule(group.change());
    json.writeStartObject();
    json.writeStringField("ruleId", rule[0]);
    json.writeNumberField("ruleIndex", group.change().ordinal());
    json.writeStringField("level", rule[1]);
    json.writeObjectFieldStart("message");
    json.writeStringField("text", Summary.title(group.change()) + ": " + group.principal() + " " + group.action() + " on "
        + group.resource() + " as " + group.conditionsText() + ". Base: " + group.base().describe() + ". Head: "
        + group.head().describe() + ".");
    json.writeEndObject();
    Optional<DecidingStatement> at = responsible(group);
    if (at.isPresent()) {
      location(json, at.get().file(), at.get().line());
    }
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField("iamunitDiff/v1",
        group.change().name() + "|" + group.principal() + "|" + group.action() + "|" + group.resource());
    json.writeEndObject();
    json.writeEndObject();
  }

  /** The head's deciding statement, or for access the head no longer grants, the base's. */
  private static Optional<DecidingStatement> responsible(RequestGroup group) {
    return group.head().deciding().stream().findFirst().or(() -> group.base().deciding().stream().findFirst());
  }
}
