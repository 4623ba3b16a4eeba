package dev.iamunit.document;

import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tokens of plain JSON text, read in one pass before any grammar sees them: strict JSON whose
 * strings have no escapes and no control characters, whose lines end in {@code \n}, with no key
 * twice in an object, as case files and most policies are written. {@link #scan} returns null for
 * any other text, valid JSON or not, which {@link TokenReader#of(String, SourceLocation)} then
 * leaves to {@link JsonDocuments}: it reads all of JSON and says what is wrong. On text it accepts
 * this gives the tokens, texts and locations {@link JsonDocuments}' tree gives
 * (JsonTextTokensTests hold the two equal).
 *
 * <p>Why not Jackson: reading a case line per decision, as iam-simulate's callers do, spent 45 %
 * of its time in Jackson's streaming parser and the tree, in a general parser's work (canonical
 * names, lazy strings, read contexts); see benchmarks/README.md.
 */
final class JsonTextTokens extends TokenReader {

  /** Thrown inside {@link #scan} at the first character that is not plain; never leaves it. */
  private static final class NotPlain extends RuntimeException {
    private static final NotPlain INSTANCE = new NotPlain();

    private NotPlain() {
      super("not plain JSON", null, false, false);
    }
  }

  /** Longer texts are left to Jackson, whose limits on strings apply there. */
  private static final int MAX_LENGTH = 1 << 20;

  /** Longer numbers are left to Jackson, whose limit on numbers applies there. */
  private static final int MAX_NUMBER_LENGTH = 100;

  /**
   * Deeper is left to JsonDocuments, which reads up to {@link JsonDocuments#MAX_DEPTH} levels: no
   * case or policy needs a tenth of this, and the scan recurses once per level.
   */
  private static final int MAX_DEPTH = 32;

  /** Keys an object may have before duplicates are looked for through a set. */
  private static final int KEY_SCAN_LIMIT = 8;

  private final char[] text;
  private final int end;
  private final SourceLocation origin;

  /** Where each token's text starts: a name's or string's first character, after its quote. */
  private int[] starts;

  /** Where each line after the first starts; null while the text has one line. */
  private int[] lineStarts;

  private int lineCount = 1;

  /** The index of the next character to scan. */
  private int position;

  /** The positions of the names of the open objects, innermost last, for the duplicate check. */
  private int[] names = new int[16];

  private int nameCount;

  private JsonTextTokens(String json, SourceLocation origin) {
    // A case line has about one token for every thirteen characters; the arrays grow when more.
    super(json.length() / 12 + 16);
    // One copy of the text, which Arrays.equals compares with the strings read before at once,
    // where String.regionMatches compares character by character.
    this.text = json.toCharArray();
    this.end = text.length;
    this.origin = origin;
    this.starts = new int[json.length() / 12 + 16];
  }

  /** The tokens of {@code json}, or null when it is not plain JSON. */
  static JsonTextTokens scan(String json, SourceLocation origin) {
    if (json.length() > MAX_LENGTH) {
      return null;
    }
    JsonTextTokens tokens = new JsonTextTokens(json, origin);
    try {
      tokens.document();
    } catch (NotPlain e) {
      return null;
    }
    return tokens;
  }

  private static NotPlain notPlain() {
    throw NotPlain.INSTANCE;
  }

  @Override
  void grow(int capacity) {
    starts = Arrays.copyOf(starts, capacity);
  }

  /** Adds a token whose text is {@code text[start, stop)}; a container's end is recorded when it closes. */
  private int add(Token token, int start, int stop) {
    int at = add(token);
    starts[at] = start;
    extent(at, stop);
    return at;
  }

  /** Where the text of a scalar or name ends. */
  private int end(int at) {
    return extent(at);
  }

  @Override
  String text(int at, Token token) {
    int length = end(at) - starts[at];
    return token == Token.STRING || token == Token.NAME
        ? StringValues.of(text, starts[at], length)
        : new String(text, starts[at], length);
  }

  @Override
  SourceLocation location(int at) {
    Token token = tokenAt(at);
    int offset = token == Token.STRING || token == Token.NAME ? starts[at] - 1 : starts[at];
    int line = lineOf(offset);
    int lineStart = line == 0 ? 0 : lineStarts[line - 1];
    return JsonDocuments.position(origin, line + 1, offset - lineStart + 1);
  }

  /** The 0-based line of the character at {@code offset}. */
  private int lineOf(int offset) {
    if (lineStarts == null) {
      return 0;
    }
    int found = Arrays.binarySearch(lineStarts, 0, lineCount - 1, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }

  @Override
  List<Unresolved> unresolved(int at) {
    return List.of();
  }

  private void document() {
    skipSpaces();
    value(0);
    skipSpaces();
    if (position < end) {
      throw notPlain();
    }
  }

  private boolean at(char c) {
    return position < end && text[position] == c;
  }

  /** Spaces, tabs and line feeds; a carriage return is left to Jackson, which counts lines its way. */
  private void skipSpaces() {
    while (position < end) {
      char c = text[position];
      if (c == ' ' || c == '\t') {
        position++;
      } else if (c == '\n') {
        newLine(++position);
      } else {
        return;
      }
    }
  }

  private void newLine(int start) {
    if (lineStarts == null) {
      lineStarts = new int[16];
    } else if (lineCount - 1 == lineStarts.length) {
      lineStarts = Arrays.copyOf(lineStarts, lineStarts.length * 2);
    }
    lineStarts[lineCount++ - 1] = start;
  }

  private void value(int depth) {
    if (position >= end) {
      throw notPlain();
    }
    switch (text[position]) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string(Token.STRING);
      case 't' -> literal("true", Token.BOOLEAN);
      case 'f' -> literal("false", Token.BOOLEAN);
      case 'n' -> literal("null", Token.NULL);
      default -> number();
    }
  }

  private void object(int depth) {
    if (depth == MAX_DEPTH) {
      throw notPlain();
    }
    int opening = add(Token.BEGIN_OBJECT, position, position);
    position++;
    int firstName = nameCount;
    skipSpaces();
    if (!at('}')) {
      do {
        if (!at('"')) {
          throw notPlain();
        }
        addName(string(Token.NAME));
        skipSpaces();
        if (!at(':')) {
          throw notPlain();
        }
        position++;
        skipSpaces();
        value(depth + 1);
      } while (more('}'));
    }
    checkKeys(firstName);
    nameCount = firstName;
    close(opening, add(Token.END_OBJECT, position, position));
    position++;
  }

  private void addName(int name) {
    if (nameCount == names.length) {
      names = Arrays.copyOf(names, nameCount * 2);
    }
    names[nameCount++] = name;
  }

  /**
   * A key written twice is an error in any object (JsonDocuments reports it): a few keys are
   * compared with each other, more go through a set.
   */
  private void checkKeys(int first) {
    if (nameCount - first <= KEY_SCAN_LIMIT) {
      for (int i = first + 1; i < nameCount; i++) {
        for (int j = first; j < i; j++) {
          if (sameText(names[i], names[j])) {
            throw notPlain();
          }
        }
      }
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = first; i < nameCount; i++) {
      if (!seen.add(new String(text, starts[names[i]], end(names[i]) - starts[names[i]]))) {
        throw notPlain();
      }
    }
  }

  /** Whether two names are the same text; most names differ in length or in their first character. */
  private boolean sameText(int a, int b) {
    int length = end(a) - starts[a];
    return length == end(b) - starts[b]
        && (length == 0 || text[starts[a]] == text[starts[b]])
        && Arrays.equals(text, starts[a], end(a), text, starts[b], end(b));
  }

  private void array(int depth) {
    if (depth == MAX_DEPTH) {
      throw notPlain();
    }
    int opening = add(Token.BEGIN_ARRAY, position, position);
    position++;
    skipSpaces();
    if (!at(']')) {
      do {
        value(depth + 1);
      } while (more(']'));
    }
    close(opening, add(Token.END_ARRAY, position, position));
    position++;
  }

  /** After a value in a container: whether a comma follows (and another value), or the container's {@code closing} bracket. */
  private boolean more(char closing) {
    skipSpaces();
    if (at(',')) {
      position++;
      skipSpaces();
      return true;
    }
    if (at(closing)) {
      return false;
    }
    throw notPlain();
  }

  /** A string or name from its opening quote: no escapes, no control characters (which JSON forbids). */
  private int string(Token token) {
    int i = position + 1;
    while (true) {
      if (i >= end) {
        throw notPlain();
      }
      char c = text[i];
      if (c == '"') {
        break;
      }
      if (c == '\\' || c < 0x20) {
        throw notPlain();
      }
      i++;
    }
    int at = add(token, position + 1, i);
    position = i + 1;
    return at;
  }

  /**
   * {@code true}, {@code false} or {@code null}. What follows a literal or a number is for the
   * caller to accept: only a comma, a closing bracket or a space can follow a value, so "truex",
   * "01" and "1.5.2" are refused there.
   */
  private void literal(String literal, Token token) {
    if (end - position < literal.length()) {
      throw notPlain();
    }
    for (int i = 0; i < literal.length(); i++) {
      if (text[position + i] != literal.charAt(i)) {
        throw notPlain();
      }
    }
    add(token, position, position + literal.length());
    position += literal.length();
  }

  /** JSON's number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
  private void number() {
    int start = position;
    if (at('-')) {
      position++;
    }
    if (at('0')) {
      position++;
    } else if (digits() == 0) {
      throw notPlain();
    }
    if (at('.')) {
      position++;
      if (digits() == 0) {
        throw notPlain();
      }
    }
    if (at('e') || at('E')) {
      position++;
      if (at('+') || at('-')) {
        position++;
      }
      if (digits() == 0) {
        throw notPlain();
      }
    }
    if (position - start > MAX_NUMBER_LENGTH) {
      throw notPlain();
    }
    add(Token.NUMBER, start, position);
  }

  private int digits() {
    int start = position;
    while (position < end && text[position] >= '0' && text[position] <= '9') {
      position++;
    }
    return position - start;
  }
}
