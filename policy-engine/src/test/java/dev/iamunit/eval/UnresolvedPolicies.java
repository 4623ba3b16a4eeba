package dev.iamunit.eval;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.JsonDocuments;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Policies as a loader gives them when it cannot compute some values: each {@code ?N?} in a
 * statement's JSON is the unknown value {@code var.vN} at {@code main.tf:N:1}, as the Terraform
 * loader leaves an unset variable inside a string.
 */
public final class UnresolvedPolicies {

  private UnresolvedPolicies() {}

  public static Policy policy(PolicyKind kind, String name, List<String> statements) {
    String json = "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    return PolicyParser.parse(withUnknowns(JsonDocuments.read(json, name + ".json")), kind, name);
  }

  /** The unknown value {@code ?n?} stands for. */
  public static Unresolved unknown(int n) {
    return UNKNOWN.get(n);
  }

  private static final List<Unresolved> UNKNOWN = new ArrayList<>();

  static {
    for (int n = 0; n < 10; n++) {
      UNKNOWN.add(Unresolved.of("var.v" + n, SourceLocation.of("main.tf", n + 1, 1), "variable \"v" + n + "\" has no default and was given no value"));
    }
  }

  private static DocNode withUnknowns(DocNode node) {
    if (node instanceof DocObject object) {
      List<DocObject.Member> members = new ArrayList<>();
      for (DocObject.Member member : object.members()) {
        members.add(new DocObject.Member(member.key(), member.keyLocation(), withUnknowns(member.value())));
      }
      return new DocObject(members, object.location());
    }
    if (node instanceof DocArray array) {
      return new DocArray(array.items().stream().map(UnresolvedPolicies::withUnknowns).toList(), array.location());
    }
    DocScalar scalar = (DocScalar) node;
    if (scalar.kind() != DocScalar.Kind.STRING || scalar.text().indexOf('?') < 0) {
      return scalar;
    }
    String text = scalar.text();
    List<Unresolved> parts = new ArrayList<>();
    for (int n = 0; n < UNKNOWN.size(); n++) {
      String marker = "?" + n + "?";
      if (text.contains(marker)) {
        text = text.replace(marker, UNKNOWN.get(n).placeholder());
        parts.add(UNKNOWN.get(n));
      }
    }
    return new DocScalar(text, DocScalar.Kind.STRING, scalar.location(), parts);
  }
}
