package dev.iamunit.document;

import com.fasterxml.jackson.core.JsonToken;
import dev.iamunit.model.SourceLocation;

/**
 * The tokens of one line of plain JSON: strict JSON on a single line whose strings have no
 * escapes, as case files and generated documents are written. Anything else, valid JSON or not,
 * is refused with {@link NotPlain} at the first character that is not plain, for the caller to
 * read the text through {@link JsonDocuments} instead, which reads all of JSON and says what is
 * wrong. On the text it accepts it gives the tokens, texts and locations Jackson gives
 * JsonDocuments: PlainJsonTokenizerTests hold the two equal.
 *
 * <p>Why not Jackson's streaming parser: reading a case line per decision, as iam-simulate's
 * callers do, spent 45 % of its time in it, in a general parser's work (canonical names, lazy
 * strings, read contexts); with this tokenizer a decision that reads its line takes a tenth less
 * time (benchmarks/README.md).
 */
public final class PlainJsonTokenizer {

  /** Thrown at the first character this tokenizer leaves to JsonDocuments; no stack trace. */
  public static final class NotPlain extends RuntimeException {
    private static final NotPlain INSTANCE = new NotPlain();

    private NotPlain() {
      super("not plain JSON", null, false, false);
    }
  }

  /** Longer texts are left to Jackson, whose limits on strings apply there. */
  private static final int MAX_LENGTH = 1 << 20;

  /** Longer numbers are left to Jackson, whose limit on numbers applies there. */
  private static final int MAX_NUMBER_LENGTH = 100;

  private enum State { ROOT, ROOT_DONE, OBJECT_OPENED, ARRAY_OPENED, AFTER_NAME, AFTER_VALUE }

  private final char[] text;
  private final int end;
  /** The index of the next character to read. */
  private int position;
  private State state = State.ROOT;

  /**
   * Whether each open container is an object. Deeper is not plain: JsonDocuments reads up to
   * {@link JsonDocuments#MAX_DEPTH} levels, and no case or policy needs a tenth of this.
   */
  private final boolean[] objects = new boolean[16];
  private int depth;

  private JsonToken token;
  private int tokenStart;
  private int valueStart;
  private int valueEnd;

  public PlainJsonTokenizer(String text) {
    if (text.length() > MAX_LENGTH) {
      throw NotPlain.INSTANCE;
    }
    // One copy of the line, which Arrays.equals compares with the strings read before at once,
    // where String.regionMatches compares character by character.
    this.text = text.toCharArray();
    this.end = text.length();
  }

  private static NotPlain notPlain() {
    throw NotPlain.INSTANCE;
  }

  /** The next token, as {@code JsonParser.nextToken()}; null after the document's one value. */
  public JsonToken next() {
    skipSpaces();
    switch (state) {
      case ROOT, AFTER_NAME -> {
        return value();
      }
      case ROOT_DONE -> {
        if (position < end) {
          throw notPlain();
        }
        return token = null;
      }
      case OBJECT_OPENED -> {
        return at('}') ? close() : name();
      }
      case ARRAY_OPENED -> {
        return at(']') ? close() : value();
      }
      default -> {
        if (at(',')) {
          position++;
          skipSpaces();
          return objects[depth - 1] ? name() : value();
        }
        if (at(objects[depth - 1] ? '}' : ']')) {
          return close();
        }
        throw notPlain();
      }
    }
  }

  /** The next member's name, as {@code JsonParser.nextFieldName()}: null at the end of the object. */
  public String nextName() {
    return next() == JsonToken.FIELD_NAME ? text() : null;
  }

  /** The text of the current name, string, number or literal; a string read again is the string read before. */
  public String text() {
    return token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME
        ? StringValues.of(text, valueStart, valueEnd - valueStart)
        : new String(text, valueStart, valueEnd - valueStart);
  }

  /** Whether the current string is {@code expected}, without making a string of it. */
  public boolean textIs(String expected) {
    return valueEnd - valueStart == expected.length() && charsAre(valueStart, expected);
  }

  /** Whether the text from {@code from} begins with {@code expected}, which must fit before its end. */
  private boolean charsAre(int from, String expected) {
    for (int i = 0; i < expected.length(); i++) {
      if (text[from + i] != expected.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Where the current token starts (a name's or string's quote), in a text that begins at {@code origin}. */
  public SourceLocation location(SourceLocation origin) {
    return JsonDocuments.position(origin, 1, tokenStart + 1);
  }

  private boolean at(char c) {
    return position < end && text[position] == c;
  }

  /** Spaces and tabs; a line break makes the text more than one line, which is not plain. */
  private void skipSpaces() {
    while (position < end) {
      char c = text[position];
      if (c == ' ' || c == '\t') {
        position++;
      } else {
        return;
      }
    }
  }

  private JsonToken value() {
    if (position >= end) {
      throw notPlain();
    }
    tokenStart = position;
    char c = text[position];
    switch (c) {
      case '{' -> {
        return open(true, JsonToken.START_OBJECT);
      }
      case '[' -> {
        return open(false, JsonToken.START_ARRAY);
      }
      case '"' -> {
        string();
        return scalar(JsonToken.VALUE_STRING);
      }
      case 't' -> {
        return literal("true", JsonToken.VALUE_TRUE);
      }
      case 'f' -> {
        return literal("false", JsonToken.VALUE_FALSE);
      }
      case 'n' -> {
        return literal("null", JsonToken.VALUE_NULL);
      }
      default -> {
        return number();
      }
    }
  }

  private JsonToken open(boolean object, JsonToken opened) {
    if (depth == objects.length) {
      throw notPlain();
    }
    objects[depth++] = object;
    position++;
    state = object ? State.OBJECT_OPENED : State.ARRAY_OPENED;
    return token = opened;
  }

  private JsonToken close() {
    tokenStart = position;
    boolean object = objects[--depth];
    position++;
    state = depth == 0 ? State.ROOT_DONE : State.AFTER_VALUE;
    return token = object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
  }

  private JsonToken scalar(JsonToken scalar) {
    state = depth == 0 ? State.ROOT_DONE : State.AFTER_VALUE;
    return token = scalar;
  }

  /** A member's name and its colon. */
  private JsonToken name() {
    if (!at('"')) {
      throw notPlain();
    }
    tokenStart = position;
    string();
    skipSpaces();
    if (!at(':')) {
      throw notPlain();
    }
    position++;
    state = State.AFTER_NAME;
    return token = JsonToken.FIELD_NAME;
  }

  /** A string from its opening quote at {@code position}: no escapes, no control characters (which JSON forbids). */
  private void string() {
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
    valueStart = position + 1;
    valueEnd = i;
    position = i + 1;
  }

  /**
   * {@code true}, {@code false} or {@code null}. What follows a literal or a number is for the
   * next token to accept: only a comma, a closing bracket or a space can follow a value, so
   * "truex", "01" and "1.5.2" are refused there.
   */
  private JsonToken literal(String literal, JsonToken kind) {
    if (end - position < literal.length() || !charsAre(position, literal)) {
      throw notPlain();
    }
    valueStart = position;
    position += literal.length();
    valueEnd = position;
    return scalar(kind);
  }

  /** JSON's number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
  private JsonToken number() {
    int start = position;
    if (at('-')) {
      position++;
    }
    if (at('0')) {
      position++;
    } else if (digits() == 0) {
      throw notPlain();
    }
    boolean integer = true;
    if (at('.')) {
      position++;
      integer = false;
      if (digits() == 0) {
        throw notPlain();
      }
    }
    if (at('e') || at('E')) {
      position++;
      integer = false;
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
    valueStart = start;
    valueEnd = position;
    return scalar(integer ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT);
  }

  private int digits() {
    int start = position;
    while (position < end && text[position] >= '0' && text[position] <= '9') {
      position++;
    }
    return position - start;
  }
}
