package dev.iamunit.document;

import dev.iamunit.model.SourceLocation;

/**
 * How nodes keep where they stand: a node read from JSON keeps the document's origin and its own
 * line and column as numbers, and makes its {@link SourceLocation} when asked. A document has
 * hundreds of values and keys and only a few are ever asked (the start of a statement, an
 * element the model keeps, an error); a location each was a fifth of what reading a case per
 * decision allocated. A node built with a whole location keeps that one, with {@link #WHOLE} as its line.
 */
final class Locations {

  static final int WHOLE = -1;

  private Locations() {}

  static SourceLocation at(SourceLocation origin, int line, int column) {
    return line == WHOLE ? origin : origin.at(line, column);
  }
}
