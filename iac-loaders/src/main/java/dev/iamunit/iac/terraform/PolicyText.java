package dev.iamunit.iac.terraform;

import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.IamUnitException;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.iac.internal.PolicyDocuments;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Turns the value of a {@code policy} argument into a {@link Policy}, keeping where it was written. */
final class PolicyText {

  private PolicyText() {}

  /**
   * A string read from a heredoc, a file or a template, with its JSON document tree attached when it
   * is JSON, so that statement lines are the lines where the JSON was written.
   */
  static Value.Str withDocument(String text, List<Unresolved> parts, SourceLocation origin) {
    String trimmed = text.strip();
    if (trimmed.startsWith("{")) {
      try {
        DocNode node = JsonDocuments.read(text, origin);
        return new Value.Str(text, parts, Optional.of(JsonValues.annotate(node, parts)));
      } catch (IamUnitException e) {
        // Not JSON as written (an unknown part stands where JSON structure goes): parse it later.
      }
    }
    return new Value.Str(text, parts, Optional.empty());
  }

  /**
   * The policy a value holds, or empty when there is none or it is wrong though fully known (a
   * problem in the report). A policy that cannot be known is a policy with no readable statement
   * whose unreadable reason names what it depends on (see {@link PolicyDocuments#read}).
   */
  static Optional<Policy> parse(Value value, SourceLocation at, PolicyKind kind, String name, LoadReportBuilder report) {
    return parse(value, at, kind, name, report, UnaryOperator.identity());
  }

  /** The policy a value holds, its document first rewritten by {@code rewrite} (API Gateway's {@code execute-api:/} shorthand). */
  static Optional<Policy> parse(Value value, SourceLocation at, PolicyKind kind, String name, LoadReportBuilder report, UnaryOperator<DocNode> rewrite) {
    if (value instanceof Value.Unknown unknown) {
      return Optional.of(PolicyDocuments.unknown(name, at, report.add(unknown.unresolved())));
    } else if (value instanceof Value.Null) {
      return Optional.empty();
    } else if (value instanceof Value.Str s && s.document().isPresent()) {
      return PolicyDocuments.read(rewrite.apply(s.document().get()), kind, name, at, report, s.parts());
    } else if (value instanceof Value.Str s) {
      if (s.text().isBlank()) {
        return Optional.empty();
      }
      DocNode document;
      try {
        document = JsonValues.annotate(JsonDocuments.read(s.text(), at), s.parts());
      } catch (IamUnitException e) {
        if (!s.parts().isEmpty()) {
          report.addAll(s.parts());
          Unresolved first = s.parts().get(0);
          return Optional.of(PolicyDocuments.unknown(name, at, report.add(Unresolved.of(name, at,
              "the policy JSON is not well-formed until " + first.expression() + " is known (" + first.reason() + ")"))));
        }
        return Optional.of(PolicyDocuments.invalidJson(name, at, e, report));
      }
      return PolicyDocuments.read(rewrite.apply(document), kind, name, at, report, s.parts());
    } else if (value instanceof Value.Obj o) {
      // A map given where a JSON string belongs: the provider would reject it; keep the structure.
      return PolicyDocuments.read(rewrite.apply(JsonValues.document(o, at)), kind, name, at, report, Value.unresolvedIn(o));
    }
    throw new TemplateException("policy " + name + " must be a JSON string, not " + Value.typeName(value), at);
  }
}
