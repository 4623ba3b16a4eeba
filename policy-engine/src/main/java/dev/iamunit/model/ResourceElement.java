package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * {@code Resource} or {@code NotResource}: ARN patterns, {@code *}, policy variables.
 *
 * @param values the patterns as written
 * @param negated true for {@code NotResource}
 * @param location where the element is written
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ResourceElement(List<String> values, boolean negated, SourceLocation location) {

  public ResourceElement {
    values = List.copyOf(values);
    Objects.requireNonNull(location, "location");
  }

  public String elementName() {
    return negated ? "NotResource" : "Resource";
  }
}
