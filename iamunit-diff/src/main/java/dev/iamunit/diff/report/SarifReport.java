package dev.iamunit.diff.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamunit.diff.AccessDiff;
import dev.iamunit.diff.Change;
import dev.iamunit.diff.DecidingStatement;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The report as a SARIF 2.1.0 log, for code-scanning annotations on a pull request: one result
 * per line of the report, at the statement responsible in the head version (for access the head
 * removed, the base statement that granted it), relative to {@code %SRCROOT%}.
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
      for (Change change : Change.values()) {
        String[] rule = rule(change);
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
      json.writeArrayFieldStart("locations");
      json.writeStartObject();
      json.writeObjectFieldStart("physicalLocation");
      json.writeObjectFieldStart("artifactLocation");
      json.writeStringField("uri", at.get().file());
      json.writeStringField("uriBaseId", "%SRCROOT%");
      json.writeEndObject();
      if (at.get().line() > 0) {
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", at.get().line());
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndArray();
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
