package dev.iamunit.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iamunit.IamUnitException;
import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.StatementResult;
import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads and writes the JSON Lines format of DESIGN.md: one case a line in, one decision a line
 * out. The format is raw: the context is exactly what the line gives.
 */
public final class CaseFormat {

  private static final JsonFactory JSON = new JsonFactory();

  private CaseFormat() {}

  /**
   * Parses one line; {@code source} names it in errors (such as {@code cases.jsonl:12}).
   *
   * @throws IamUnitException naming the element that is wrong
   */
  public static EvaluationCase read(String line, String source) {
    EvaluationCase streamed = StreamingCaseReader.read(line, source);
    return streamed != null ? streamed : readTree(line, source);
  }

  /**
   * Reads the line through its document tree: every line {@link StreamingCaseReader} declines,
   * and the error of every line that is wrong, comes from here.
   */
  static EvaluationCase readTree(String line, String source) {
    DocObject root = object(JsonDocuments.read(line, source), "a case");
    String id = string(member(root, "id"), "id");
    DocObject policies = object(member(root, "policies"), "policies");
    DocObject request = object(member(root, "request"), "request");

    PolicySet.Builder set = PolicySet.builder();
    for (Policy policy : list(policies, "identity", PolicyKind.IDENTITY)) {
      set.identity(policy);
    }
    String action = optional(request, "action").map(n -> string(n, "request.action")).orElse("");
    PolicyKind resourceKind = resourcePolicyKind(action);
    optional(policies, "resource").ifPresent(node -> set.resource(PolicyParser.parse(node, resourceKind, "resource")));
    for (Policy policy : list(policies, "permissionBoundaries", PolicyKind.PERMISSIONS_BOUNDARY)) {
      set.boundary(policy);
    }
    levels(policies, "scps", PolicyKind.SERVICE_CONTROL, set::scpLevel);
    levels(policies, "rcps", PolicyKind.RESOURCE_CONTROL, set::rcpLevel);
    optional(policies, "session").ifPresent(node -> {
      if (node instanceof DocArray array) {
        for (int i = 0; i < array.items().size(); i++) {
          set.session(PolicyParser.parse(array.items().get(i), PolicyKind.SESSION, "session[" + i + "]"));
        }
      } else {
        set.session(PolicyParser.parse(node, PolicyKind.SESSION, "session"));
      }
    });

    RequestContext.Builder context = RequestContext.builder();
    optional(request, "context").ifPresent(node -> {
      for (DocObject.Member entry : object(node, "request.context").members()) {
        if (entry.value() instanceof DocArray values) {
          List<String> texts = new ArrayList<>();
          for (DocNode value : values.items()) {
            texts.add(contextValue(entry.key(), value));
          }
          context.putMultivalued(entry.key(), texts);
        } else {
          context.put(entry.key(), contextValue(entry.key(), entry.value()));
        }
      }
    });
    Optional<String> resourceAccount = optional(request, "resourceAccount").map(n -> string(n, "request.resourceAccount"));
    Request parsed = new Request(
        string(member(request, "principal"), "request.principal"),
        string(member(request, "action"), "request.action"),
        string(member(request, "resource"), "request.resource"),
        resourceAccount,
        context.build(),
        CredentialKind.UNSPECIFIED);
    Optional<Outcome> expected = optional(root, "expected").map(n -> outcome(string(n, "expected"), n));
    return new EvaluationCase(id, set.build(), parsed, expected);
  }

  /** A role's trust policy is the resource-based policy of sts:AssumeRole*, and has no Resource. */
  static PolicyKind resourcePolicyKind(String action) {
    return action.toLowerCase(java.util.Locale.ROOT).startsWith("sts:assumerole") ? PolicyKind.TRUST : PolicyKind.RESOURCE;
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

  private static Outcome outcome(String text, DocNode node) {
    try {
      return Outcome.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new IamUnitException("expected must be ALLOWED, EXPLICIT_DENY or IMPLICIT_DENY, not \"" + text + "\"", node.location());
    }
  }

  private static List<Policy> list(DocObject policies, String name, PolicyKind kind) {
    List<Policy> result = new ArrayList<>();
    Optional<DocNode> node = optional(policies, name);
    if (node.isPresent()) {
      List<DocNode> items = array(node.get(), "policies." + name).items();
      for (int i = 0; i < items.size(); i++) {
        result.add(PolicyParser.parse(items.get(i), kind, name + "[" + i + "]"));
      }
    }
    return result;
  }

  private static void levels(DocObject policies, String name, PolicyKind kind, Consumer<List<Policy>> level) {
    Optional<DocNode> node = optional(policies, name);
    if (node.isEmpty()) {
      return;
    }
    List<DocNode> levels = array(node.get(), "policies." + name).items();
    for (int i = 0; i < levels.size(); i++) {
      List<Policy> documents = new ArrayList<>();
      List<DocNode> items = array(levels.get(i), "policies." + name + "[" + i + "]").items();
      for (int j = 0; j < items.size(); j++) {
        documents.add(PolicyParser.parse(items.get(j), kind, name + "[" + i + "][" + j + "]"));
      }
      level.accept(documents);
    }
  }

  private static DocNode member(DocObject object, String name) {
    return optional(object, name)
        .orElseThrow(() -> new IamUnitException("missing \"" + name + "\"", object.location()));
  }

  /** A member that is present and not null. */
  private static Optional<DocNode> optional(DocObject object, String name) {
    return object.member(name)
        .map(DocObject.Member::value)
        .filter(v -> !(v instanceof DocScalar s && s.kind() == DocScalar.Kind.NULL));
  }

  private static DocObject object(DocNode node, String what) {
    if (node instanceof DocObject object) {
      return object;
    }
    throw new IamUnitException(what + " must be an object, not " + node.describe(), node.location());
  }

  private static DocArray array(DocNode node, String what) {
    if (node instanceof DocArray array) {
      return array;
    }
    throw new IamUnitException(what + " must be an array, not " + node.describe(), node.location());
  }

  /** A string of request.context; the element's name is spelled out only for an error. */
  private static String contextValue(String key, DocNode node) {
    if (node instanceof DocScalar scalar && scalar.kind() == DocScalar.Kind.STRING) {
      return scalar.text();
    }
    return string(node, "request.context." + key);
  }

  private static String string(DocNode node, String what) {
    if (node instanceof DocScalar scalar && scalar.kind() == DocScalar.Kind.STRING) {
      return scalar.text();
    }
    throw new IamUnitException(what + " must be a string, not " + node.describe(), node.location());
  }
}
