package dev.iamunit.iac.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.IamUnitException;
import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Turns a policy document, as either format resolves it (a tree whose unknown parts are
 * {@link DocUnresolved} nodes or placeholders in scalars, or JSON text), into a {@link Policy},
 * reporting what it depends on. The one place where a template's policy becomes a model policy.
 */
@API(status = INTERNAL, since = "0.1")
public final class PolicyDocuments {

  private PolicyDocuments() {}

  /**
   * The policy a document holds, or empty when there is none. A document AWS would reject is a
   * problem in the report and stays as a policy no one can read ({@link LoadReportBuilder#problemIn}),
   * so that only the decisions that could read it fail. A document that cannot be known at all is not dropped: it is
   * a policy with no readable statement and the reason as its {@linkplain Policy#unreadable()
   * unreadable} part, so that a decision that could depend on it fails naming it; one that depends
   * on unknown values in places keeps the statements it can read.
   */
  public static Optional<Policy> read(DocNode resolved, SourceLocation at, PolicyKind kind, String name, LoadReportBuilder report) {
    DocNode document = resolved;
    if (document == null) {
      return Optional.empty();
    }
    if (document instanceof DocUnresolved unresolved) {
      return Optional.of(unknown(name, at, report.add(unresolved.value())));
    }
    if (document instanceof DocScalar scalar && scalar.kind() == DocScalar.Kind.STRING) {
      if (!scalar.unresolved().isEmpty()) {
        // JSON text built from unknown values: its structure is not known until they are.
        report.addAll(scalar.unresolved());
        return Optional.of(unknown(name, at, scalar.unresolved().get(0)));
      }
      if (scalar.text().isBlank()) {
        return Optional.empty();
      }
      try {
        document = JsonDocuments.read(scalar.text(), scalar.location());
      } catch (IamUnitException e) {
        return Optional.of(invalidJson(name, at, e, report));
      }
    }
    return read(document, kind, name, at, report, List.of());
  }

  /** Reads a document tree; {@code knownParts} are unknowns the tree does not show (they were in its JSON text). */
  public static Optional<Policy> read(DocNode document, PolicyKind kind, String name, SourceLocation at, LoadReportBuilder report,
      List<Unresolved> knownParts) {
    List<Unresolved> parts = new ArrayList<>(knownParts);
    parts.addAll(unresolvedIn(document));
    report.addAll(parts);
    try {
      // With unknown parts, a statement that cannot be read is kept as unreadable: a decision that
      // could depend on it fails naming it.
      Policy policy = parts.isEmpty() ? PolicyParser.parse(document, kind, name) : PolicyParser.parsePartly(document, kind, name);
      report.addAll(policy.unreadable());
      return Optional.of(policy);
    } catch (IamUnitException e) {
      return Optional.of(unknown(name, at, report.problemIn("policy " + name, e.location().orElse(at), "policy " + name + ": " + message(e))));
    }
  }

  /** A policy whose JSON text is not well-formed: a problem, and a policy no one can read in its place. */
  public static Policy invalidJson(String name, SourceLocation at, IamUnitException e, LoadReportBuilder report) {
    return unknown(name, at, report.problemIn("policy " + name, e.location().orElse(at), "policy " + name + " is not valid JSON: " + message(e)));
  }

  /** A policy that exists but whose content cannot be known: no statement, one unreadable reason. */
  public static Policy unknown(String name, SourceLocation at, Unresolved why) {
    return new Policy(name, Optional.empty(), Optional.empty(), List.of(), at, List.of(why));
  }

  /** The unresolved values a resolved tree holds, in document order. */
  public static List<Unresolved> unresolvedIn(DocNode resolved) {
    List<Unresolved> found = new ArrayList<>();
    collect(resolved, found);
    return found;
  }

  private static void collect(DocNode node, List<Unresolved> found) {
    if (node instanceof DocObject object) {
      object.members().forEach(m -> collect(m.value(), found));
    } else if (node instanceof DocArray array) {
      array.items().forEach(i -> collect(i, found));
    } else if (node instanceof DocScalar scalar) {
      found.addAll(scalar.unresolved());
    } else if (node instanceof DocUnresolved unresolved) {
      found.add(unresolved.value());
    }
  }

  /** An exception's message without the location prefix IamUnitException adds. */
  public static String message(IamUnitException e) {
    String text = e.getMessage();
    String prefix = e.location().map(l -> l + ": ").orElse("");
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }

  /**
   * The document with each {@code execute-api:/...} Resource or NotResource written as the ARN
   * under {@code apiArn}, as API Gateway expands it (API Gateway Developer Guide, "Create and attach
   * an API Gateway resource policy to an API": "the resource ... execute-api:/* ... is
   * shorthand"); {@code apiParts} are the unresolved parts of the API's ARN.
   */
  public static DocNode expandExecuteApi(DocNode node, String apiArn, List<Unresolved> apiParts) {
    if (node instanceof DocScalar s && s.kind() == DocScalar.Kind.STRING && s.text().startsWith("execute-api:/")) {
      List<Unresolved> parts = new ArrayList<>(s.unresolved());
      parts.addAll(apiParts);
      return new DocScalar(apiArn + s.text().substring("execute-api:".length()), s.kind(), s.location(), parts);
    }
    if (node instanceof DocObject object) {
      return new DocObject(object.members().stream().map(m -> new DocObject.Member(m.key(), m.keyLocation(),
          m.key().equals("Statement") || m.key().equals("Resource") || m.key().equals("NotResource")
              ? expandExecuteApi(m.value(), apiArn, apiParts) : m.value())).toList(), object.location());
    }
    if (node instanceof DocArray array) {
      return new DocArray(array.items().stream().map(i -> expandExecuteApi(i, apiArn, apiParts)).toList(), array.location());
    }
    return node;
  }
}
