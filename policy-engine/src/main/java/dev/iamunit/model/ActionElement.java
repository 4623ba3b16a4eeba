package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * {@code Action} or {@code NotAction}: action patterns such as {@code iam:*MFA*}.
 *
 * @param values the patterns as written
 * @param negated true for {@code NotAction}
 * @param location where the element is written
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ActionElement(List<String> values, boolean negated, SourceLocation location) {

  public ActionElement {
    values = List.copyOf(values);
    Objects.requireNonNull(location, "location");
  }

  public String elementName() {
    return negated ? "NotAction" : "Action";
  }
}
