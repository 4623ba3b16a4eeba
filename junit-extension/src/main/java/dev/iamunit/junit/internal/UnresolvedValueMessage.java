package dev.iamunit.junit.internal;

import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The failure of a request whose decision needs a value the loaders could not compute: each value
 * with its file:line and reason, then how a test author gives it in the test. Template variables
 * and parameters are given with {@code @IamTest(parameters = "name=value")}; values that no
 * parameter gives (an attribute of a data source, say) can only be avoided.
 */
final class UnresolvedValueMessage {

  private UnresolvedValueMessage() {}

  /** {@code what} names the request, as {@link ScenarioRequest#describe} does. */
  static String of(String what, List<Unresolved> values) {
    StringBuilder text = new StringBuilder(what)
        .append(" cannot be evaluated: its decision depends on values IAMUnit could not compute");
    Set<String> names = new LinkedHashSet<>();
    List<String> others = new ArrayList<>();
    for (Unresolved value : values) {
      text.append("\n  ").append(value);
      String name = parameterName(value);
      if (name != null) {
        names.add(name);
      } else {
        others.add(value.display());
      }
    }
    if (!names.isEmpty()) {
      List<String> given = names.stream().map(n -> "\"" + n + "=...\"").toList();
      text.append("\nGive ").append(names.size() == 1 ? "it" : "them").append(" in the test: @IamTest(parameters = ")
          .append(given.size() == 1 ? given.get(0) : "{" + String.join(", ", given) + "}").append(')');
    }
    if (!others.isEmpty()) {
      text.append("\nNo parameter gives ").append(String.join(", ", others))
          .append(": test a request whose decision does not depend on ").append(others.size() == 1 ? "it" : "them");
    }
    return text.toString();
  }

  /**
   * The name {@code @IamTest(parameters)} gives a value by: a root module's Terraform variable
   * ({@code var.bucket}) or a CloudFormation parameter ({@code Ref BucketName}, whose reason the
   * loader starts with "parameter BucketName"; a {@code Ref} to a resource or to an undeclared
   * name is no parameter); null for any other value.
   */
  static String parameterName(Unresolved value) {
    String expression = value.expression();
    if (expression.startsWith("var.") && expression.indexOf('.', 4) < 0 && expression.indexOf('[', 4) < 0) {
      return expression.substring(4);
    }
    if (expression.startsWith("Ref ") && value.reason().startsWith("parameter " + expression.substring(4) + " ")) {
      return expression.substring(4);
    }
    return null;
  }
}
