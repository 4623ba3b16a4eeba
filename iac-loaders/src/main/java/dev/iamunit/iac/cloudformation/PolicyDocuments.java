package dev.iamunit.iac.cloudformation;

import dev.iamunit.IamUnitException;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.List;
import java.util.Optional;

/** Turns a resolved policy document (a mapping, or JSON text) into a {@link Policy}, reporting what it depends on. */
final class PolicyDocuments {

  private PolicyDocuments() {}

  /**
   * The policy, or empty when it cannot be read; a policy that is wrong though fully known is a
   * problem in the report, one that depends on unknown values keeps the statements it can read.
   */
  static Optional<Policy> parse(DocNode resolved, SourceLocation at, PolicyKind kind, String name, String address, Report report) {
    DocNode document = resolved;
    if (document == null) {
      return Optional.empty();
    }
    if (document instanceof DocUnresolved unresolved) {
      report.add(unresolved.value());
      return Optional.empty();
    }
    if (document instanceof DocScalar scalar && scalar.kind() == DocScalar.Kind.STRING) {
      if (!scalar.unresolved().isEmpty()) {
        report.addAll(scalar.unresolved());
        return Optional.empty();
      }
      try {
        document = JsonDocuments.read(scalar.text(), scalar.location());
      } catch (IamUnitException e) {
        report.problem(e.location().orElse(at), "policy " + name + " is not valid JSON: " + Template.message(e));
        return Optional.empty();
      }
    }
    List<Unresolved> parts = Intrinsics.unresolvedIn(document);
    report.addAll(parts);
    try {
      // With unknown parts, a statement that cannot be read is kept as unreadable: a decision that
      // could depend on it fails naming it.
      Policy policy = parts.isEmpty() ? PolicyParser.parse(document, kind, name) : PolicyParser.parsePartly(document, kind, name);
      policy.unreadable().forEach(report::add);
      return Optional.of(report.policy(address, policy));
    } catch (IamUnitException e) {
      report.problem(e.location().orElse(at), "policy " + name + ": " + Template.message(e));
      return Optional.empty();
    }
  }
}
