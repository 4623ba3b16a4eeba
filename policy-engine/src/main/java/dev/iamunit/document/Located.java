package dev.iamunit.document;

import dev.iamunit.model.SourceLocation;
import java.util.Objects;

/**
 * Where a node, or a member's key, stands. One read from JSON keeps the document's origin and its
 * own line and column as numbers, and makes its {@link SourceLocation} when asked: a document has
 * hundreds of values and keys and only a few are ever asked (the start of a statement, an element
 * the model keeps, an error), and a location each was a fifth of what reading a case per decision
 * allocated. One built with a whole location keeps that one, with {@link #WHOLE} as its line.
 */
abstract class Located {

  static final int WHOLE = -1;

  private final SourceLocation origin;
  private final int line;
  private final int column;

  Located(SourceLocation origin, int line, int column, String name) {
    this.origin = Objects.requireNonNull(origin, name);
    this.line = line;
    this.column = column;
  }

  final SourceLocation located() {
    return line == WHOLE ? origin : origin.at(line, column);
  }
}
