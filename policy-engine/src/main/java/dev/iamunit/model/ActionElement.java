package dev.iamunit.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code Action} or {@code NotAction}: action patterns such as {@code iam:*MFA*}.
 *
 * @param values the patterns as written
 * @param negated true for {@code NotAction}
 * @param location where the element is written
 */
public record ActionElement(List<String> values, boolean negated, SourceLocation location) {

  public ActionElement {
    values = List.copyOf(values);
    Objects.requireNonNull(location, "location");
  }

  public String elementName() {
    return negated ? "NotAction" : "Action";
  }
}
