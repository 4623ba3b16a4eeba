package dev.iamunit.iac.terraform;

import dev.iamunit.IamUnitException;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.List;
import java.util.Optional;

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
   * The policy a value holds, or empty when it cannot be known, in which case the reason is in the
   * report. A policy that is wrong though fully known is the user's mistake: a TemplateException.
   */
  static Optional<Policy> parse(Value value, SourceLocation at, PolicyKind kind, String name, Report report) {
    DocNode document;
    List<Unresolved> parts;
    {
      final var sel22 = value;
      if (sel22 instanceof Value.Unknown unknown) {

        report.add(unknown.unresolved());
        return Optional.empty();
      
      }
      else if (sel22 instanceof Value.Null n) {

        return Optional.empty();
      
      }
      else if (sel22 instanceof Value.Str s && (s.document().isPresent())) {

        document = s.document().get();
        parts = s.parts();
      
      }
      else if (sel22 instanceof Value.Str s) {

        parts = s.parts();
        if (s.text().isBlank()) {
          return Optional.empty();
        }
        try {
          document = JsonValues.annotate(JsonDocuments.read(s.text(), at), parts);
        } catch (IamUnitException e) {
          if (!parts.isEmpty()) {
            report.add(Unresolved.of(
                name, at, "the policy JSON is not well-formed until " + parts.get(0).expression() + " is known ("
                    + parts.get(0).reason() + ")"));
            return Optional.empty();
          }
          report.problem(e.location().orElse(at), "policy " + name + " is not valid JSON: " + message(e));
            return Optional.empty();
        }
      
      }
      else if (sel22 instanceof Value.Obj o) {

        // A map given where a JSON string belongs: the provider would reject it; keep the structure.
        document = JsonValues.document(o, at);
        parts = Value.unresolvedIn(o);
      
      }
      else {
        throw new TemplateException("policy " + name + " must be a JSON string, not " + Value.typeName(value), at);
      }
    }
    parts.forEach(report::add);
    try {
      return Optional.of(parse(document, kind, name, at, report, !parts.isEmpty()));
    } catch (TemplateException e) {
      report.problem(e.location().orElse(at), message(e));
      return Optional.empty();
    }
  }

  /**
   * Parses a document; with unknown parts, a statement that cannot be read is kept as unreadable
   * (a decision that could depend on it fails) and reported.
   */
  static Policy parse(DocNode document, PolicyKind kind, String name, SourceLocation at, Report report, boolean partial) {
    try {
      Policy policy = partial ? PolicyParser.parsePartly(document, kind, name) : PolicyParser.parse(document, kind, name);
      policy.unreadable().forEach(report::add);
      return policy;
    } catch (IamUnitException e) {
      throw new TemplateException("policy " + name + ": " + message(e), e.location().orElse(at));
    }
  }

  /** An exception's message without the location prefix IamUnitException adds. */
  static String message(IamUnitException e) {
    String text = e.getMessage();
    String prefix = e.location().map(l -> l + ": ").orElse("");
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }
}
