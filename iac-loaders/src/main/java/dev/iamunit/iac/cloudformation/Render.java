package dev.iamunit.iac.cloudformation;

import dev.iamunit.document.DocArray;
import dev.iamunit.document.DocNode;
import dev.iamunit.document.DocObject;
import dev.iamunit.document.DocScalar;
import dev.iamunit.document.DocUnresolved;
import dev.iamunit.model.Unresolved;
import java.util.stream.Collectors;

/** A template value as one short line, for unresolved expressions and messages. */
final class Render {

  private Render() {}

  static String compact(DocNode node) {
    if (node instanceof DocObject object) {
      return object.members().stream().map(m -> m.key() + ": " + compact(m.value())).collect(Collectors.joining(", ", "{", "}"));
    }
    if (node instanceof DocArray array) {
      return array.items().stream().map(Render::compact).collect(Collectors.joining(", ", "[", "]"));
    }
    if (node instanceof DocScalar scalar) {
      return Unresolved.replacePlaceholders(scalar.text(), "<?>");
    }
    return ((DocUnresolved) node).value().display();
  }
}
