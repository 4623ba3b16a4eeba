package dev.iamunit.jsonl;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamunit.IamUnitException;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.document.TokenReader;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.StatementResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Reads and writes the JSON Lines format of DESIGN.md: one case a line in, one decision a line
 * out. The format is raw: the context is exactly what the line gives.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CaseFormat {

  private static final JsonFactory JSON = new JsonFactory();

  private CaseFormat() {}

  /**
   * Parses one line; {@code source} names it in errors (such as {@code cases.jsonl:12}).
   *
   * @throws IamUnitException naming the element that is wrong
   */
  public static EvaluationCase read(String line, String source) {
    return read(TokenReader.of(line, source));
  }

  /** Reads the case of a document's tokens: how a line is read, whether from its text or from its tree. */
  static EvaluationCase read(TokenReader tokens) {
    tokens.next();
    return new CaseReader(tokens).read();
  }

  /** The id of a line, when it can be read at all: for error lines. */
  public static Optional<String> idOf(String line) {
    try {
      DocNode root = JsonDocuments.read(line, "line");
      if (root instanceof DocObject object) {
        return object.member("id").map(DocObject.Member::value)
            .filter(v -> v instanceof DocScalar s && s.kind() == DocScalar.Kind.STRING)
            .map(v -> ((DocScalar) v).text());
      }
    } catch (IamUnitException e) {
      // no id to report
    }
    return Optional.empty();
  }

  /** {@code {"id":…,"decision":"EXPLICIT_DENY","matched":[{"policy":"identity[0]","sid":…,"effect":"Deny"}]}}. */
  public static String write(String id, Decision decision) {
    return json(generator -> {
      generator.writeStartObject();
      generator.writeStringField("id", id);
      generator.writeStringField("decision", decision.outcome().name());
      generator.writeArrayFieldStart("matched");
      for (StatementResult result : decision.deciding()) {
        generator.writeStartObject();
        generator.writeStringField("policy", result.policyRef());
        if (result.statement().sid().isPresent()) {
          generator.writeStringField("sid", result.statement().sid().get());
        } else {
          generator.writeNumberField("statement", result.statement().index());
        }
        generator.writeStringField("effect", result.statement().effect().json());
        generator.writeEndObject();
      }
      generator.writeEndArray();
      if (decision.outsidePolicies().isPresent()) {
        generator.writeStringField("note", decision.outsidePolicies().get());
      }
      generator.writeEndObject();
    });
  }

  /** {@code {"id":…,"error":"…"}}; the id is null when the line had none. */
  public static String writeError(Optional<String> id, String message) {
    return json(generator -> {
      generator.writeStartObject();
      if (id.isPresent()) {
        generator.writeStringField("id", id.get());
      } else {
        generator.writeNullField("id");
      }
      generator.writeStringField("error", message);
      generator.writeEndObject();
    });
  }

  private interface Writing {
    void write(JsonGenerator generator) throws IOException;
  }

  private static String json(Writing writing) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      writing.write(generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
