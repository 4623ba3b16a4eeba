package dev.iamunit.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamunit.model.Condition;
import dev.iamunit.model.Policy;
import dev.iamunit.model.PrincipalElement;
import dev.iamunit.model.Statement;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Writes a {@link Policy} back as policy JSON, in the canonical shape AWS's own tools print: every
 * list an array, conditions grouped by operator. Parsing the output gives the same policy, but for
 * locations.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PolicyWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private PolicyWriter() {}

  public static String write(Policy policy) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      if (policy.version().isPresent()) {
        json.writeStringField("Version", policy.version().get());
      }
      if (policy.id().isPresent()) {
        json.writeStringField("Id", policy.id().get());
      }
      json.writeArrayFieldStart("Statement");
      for (Statement statement : policy.statements()) {
        statement(json, statement);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void statement(JsonGenerator json, Statement statement) throws IOException {
    json.writeStartObject();
    if (statement.sid().isPresent()) {
      json.writeStringField("Sid", statement.sid().get());
    }
    json.writeStringField("Effect", statement.effect().json());
    if (statement.principal().isPresent()) {
      PrincipalElement principal = statement.principal().get();
      json.writeFieldName(principal.elementName());
      if (principal.anyone()) {
        json.writeString("*");
      } else {
        json.writeStartObject();
        for (Map.Entry<String, List<String>> type : principal.byType().entrySet()) {
          strings(json, type.getKey(), type.getValue());
        }
        json.writeEndObject();
      }
    }
    strings(json, statement.action().elementName(), statement.action().values());
    if (statement.resource().isPresent()) {
      strings(json, statement.resource().get().elementName(), statement.resource().get().values());
    }
    if (!statement.conditions().isEmpty()) {
      Map<String, List<Condition>> byOperator = new LinkedHashMap<>();
      for (Condition condition : statement.conditions()) {
        byOperator.computeIfAbsent(condition.operator().name(), k -> new java.util.ArrayList<>()).add(condition);
      }
      json.writeObjectFieldStart("Condition");
      for (Map.Entry<String, List<Condition>> operator : byOperator.entrySet()) {
        json.writeObjectFieldStart(operator.getKey());
        for (Condition condition : operator.getValue()) {
          strings(json, condition.key(), condition.values());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
