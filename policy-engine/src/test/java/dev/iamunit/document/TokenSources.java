package dev.iamunit.document;

import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The two sources of tokens, chosen by the test rather than by {@link TokenReader#of(String,
 * SourceLocation)}, so that tests can feed one grammar the same document from each; and a source
 * with a planted bug, for tests that a grammar lets a bug through.
 */
public final class TokenSources {

  private TokenSources() {}

  /** The tokens of plain JSON text, scanned; null when the text is not plain. */
  public static TokenReader text(String json, SourceLocation origin) {
    return JsonTextTokens.scan(json, origin);
  }

  /** The tokens of the text's tree, as {@link JsonDocuments} reads it (an IamUnitException when it cannot). */
  public static TokenReader tree(String json, SourceLocation origin) {
    return TokenReader.of(JsonDocuments.read(json, origin));
  }

  /**
   * The tokens of {@code source} (not yet read), except that asking for the text, location or
   * unresolved parts of the token at {@code position} throws {@code bug}: what a bug in a source
   * or in the model looks like to a grammar.
   */
  public static TokenReader failingAt(TokenReader source, int position, RuntimeException bug) {
    return new Failing(source, position, bug);
  }

  /** The number of tokens of {@code source}, which it leaves read to the end. */
  public static int count(TokenReader source) {
    int count = 0;
    while (source.next() != null) {
      count++;
    }
    return count;
  }

  private static final class Failing extends TokenReader {
    private final TokenReader source;
    private final int failing;
    private final RuntimeException bug;

    Failing(TokenReader source, int failing, RuntimeException bug) {
      super(16);
      this.source = source;
      this.failing = failing;
      this.bug = bug;
      Deque<Integer> open = new ArrayDeque<>();
      for (Token token = source.next(); token != null; token = source.next()) {
        int at = add(token);
        if (token == Token.BEGIN_OBJECT || token == Token.BEGIN_ARRAY) {
          open.push(at);
        } else if (token == Token.END_OBJECT || token == Token.END_ARRAY) {
          close(open.pop(), at);
        }
      }
    }

    @Override
    void grow(int capacity) {}

    private void check(int position) {
      if (position == failing) {
        throw bug;
      }
    }

    @Override
    String text(int position, Token token) {
      check(position);
      return source.textAt(position);
    }

    @Override
    SourceLocation location(int position) {
      check(position);
      return source.locationAt(position);
    }

    @Override
    List<Unresolved> unresolved(int position) {
      check(position);
      source.seek(position);
      return source.unresolved();
    }
  }
}
