package dev.iamunit.document;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A whole value a loader could not compute. Where it stands for a string the parser keeps its
 * placeholder; anywhere structure is needed (a statement, a condition block) it is an error.
 */
@API(status = INTERNAL, since = "0.1")
public record DocUnresolved(Unresolved value) implements DocNode {

  public DocUnresolved {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public SourceLocation location() {
    return value.location();
  }

  @Override
  public String describe() {
    return value.display();
  }
}
