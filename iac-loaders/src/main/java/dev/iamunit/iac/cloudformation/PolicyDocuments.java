package dev.iamunit.iac.cloudformation;

import dev.iamunit.IamUnitException;
import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
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
      return Optional.of(report.policy(address, PolicyParser.parse(document, kind, name)));
    } catch (IamUnitException e) {
      if (parts.isEmpty() || !(document instanceof DocObject root)) {
        report.problem(e.location().orElse(at), "policy " + name + ": " + Template.message(e));
        return Optional.empty();
      }
      return Optional.of(report.policy(address, statementByStatement(root, kind, name, report)));
    }
  }

  private static Policy statementByStatement(DocObject root, PolicyKind kind, String name, Report report) {
    List<DocObject.Member> head = new ArrayList<>();
    List<DocNode> statements = new ArrayList<>();
    for (DocObject.Member member : root.members()) {
      if (member.key().equals("Statement")) {
        statements = member.value() instanceof DocArray array ? array.items() : List.of(member.value());
      } else {
        head.add(member);
      }
    }
    List<Statement> kept = new ArrayList<>();
    Policy shell = null;
    for (DocNode statement : statements) {
      List<DocObject.Member> members = new ArrayList<>(head);
      members.add(new DocObject.Member("Statement", statement.location(), new DocArray(List.of(statement), statement.location())));
      try {
        Policy one = PolicyParser.parse(new DocObject(members, root.location()), kind, name);
        shell = one;
        Statement s = one.statements().get(0);
        kept.add(new Statement(s.sid(), s.effect(), s.action(), s.resource(), s.principal(), s.conditions(),
            kept.size(), s.location(), s.unresolved()));
      } catch (IamUnitException e) {
        report.add(Unresolved.of("statement of " + name, statement.location(),
            "left out: it cannot be read until the values it is built from are known: " + Template.message(e)));
      }
    }
    if (shell == null) {
      return new Policy(name, Optional.empty(), Optional.empty(), List.of(), root.location());
    }
    return new Policy(name, shell.version(), shell.id(), kept, root.location());
  }
}
