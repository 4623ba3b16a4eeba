package dev.iamunit.document;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The tokens of one JSON-like document, each with where it was written: the one input of the
 * policy grammar ({@code policy.PolicyParser}) and of the case grammar ({@code jsonl.CaseFormat.read}),
 * whatever the document came from. As gson's {@code JsonReader} and {@code JsonTreeReader} give
 * one grammar both text and an already-built tree, {@link #of(String, SourceLocation)} reads text
 * and {@link #of(DocNode)} replays a tree a loader built (with its {@link DocUnresolved} leaves),
 * and a grammar cannot tell them apart except by speed.
 *
 * <p>A grammar pulls tokens with {@link #next()} and reads the current one ({@link #token()},
 * {@link #text()}, {@link #location()}). A value is read from its first token and left at its
 * last (the closing bracket of a container). Because the reader holds the document's tokens,
 * {@link #position()}, {@link #skipValue()} and {@link #seek(int)} let a grammar note where a
 * value stands, pass over it and come back: what lets it check an object's members in the order
 * its rules give, not the order they were written, without a tree.
 *
 * <p>Sources are in this package only (its constructor is package-private). Not thread-safe: one
 * reader is read by one grammar at a time.
 */
@API(status = INTERNAL, since = "0.1")
public abstract class TokenReader {

  /** What a token is. A member's name is a token of its own, before its value's. */
  public enum Token {
    BEGIN_OBJECT,
    END_OBJECT,
    BEGIN_ARRAY,
    END_ARRAY,
    NAME,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL,
    /** A whole value a loader could not compute ({@link DocUnresolved}); only trees have them. */
    UNRESOLVED;

    private static final Token[] ALL = values();
  }

  /** The kind of each token, as its {@link Token#ordinal()}. */
  private byte[] kinds;

  /**
   * For the opening token of a container, the position of its closing token; a source may keep
   * what it needs of other tokens here ({@link #extent(int)}), one array where two cost more.
   */
  private int[] extents;

  private int count;
  private int current = -1;

  TokenReader(int capacity) {
    kinds = new byte[capacity];
    extents = new int[capacity];
  }

  /**
   * The tokens of JSON text that begins at {@code origin} in its file. Plain text (no escapes, no
   * carriage returns, no duplicate keys: what case files and most policies are) is read straight
   * into tokens; any other text, valid or not, is read by {@link JsonDocuments}, which reads all
   * of JSON and reports what is wrong with it, and its tree is replayed. Either way the whole text
   * is known to be one well-formed JSON value before a grammar sees its first token.
   *
   * @throws dev.iamunit.IamUnitException with the location when the text is not one well-formed JSON value
   */
  public static TokenReader of(String json, SourceLocation origin) {
    TokenReader plain = JsonTextTokens.scan(json, origin);
    return plain != null ? plain : of(JsonDocuments.read(json, origin));
  }

  /** As {@link #of(String, SourceLocation)} for a whole file. */
  public static TokenReader of(String json, String file) {
    return of(json, SourceLocation.of(file, 1, 1));
  }

  /** Replays a document tree, as gson's {@code JsonTreeReader} replays its tree. */
  public static TokenReader of(DocNode document) {
    return DocTreeTokens.flatten(document);
  }

  /** Adds a token; returns its position. */
  final int add(Token token) {
    if (count == kinds.length) {
      grow(count * 2);
      kinds = Arrays.copyOf(kinds, count * 2);
      extents = Arrays.copyOf(extents, count * 2);
    }
    kinds[count] = (byte) token.ordinal();
    return count++;
  }

  /** Records that the container opened at {@code opening} closes at {@code closing}. */
  final void close(int opening, int closing) {
    extents[opening] = closing;
  }

  /** What a source keeps of the token at {@code position} that is not the opening of a container. */
  final int extent(int position) {
    return extents[position];
  }

  final void extent(int position, int value) {
    extents[position] = value;
  }

  /** Makes room for {@code capacity} tokens in what a source keeps for each. */
  abstract void grow(int capacity);

  /** Advances to the next token and returns it; null after the last. */
  public final Token next() {
    if (current + 1 >= count) {
      current = count;
      return null;
    }
    return Token.ALL[kinds[++current]];
  }

  /** The current token. */
  public final Token token() {
    return tokenAt(current);
  }

  /** The token at {@code position}. */
  public final Token tokenAt(int position) {
    checkPosition(position);
    return Token.ALL[kinds[position]];
  }

  /** Where the current token stands among the document's tokens, for {@link #seek(int)}. */
  public final int position() {
    return current;
  }

  /** Makes the token at {@code position} the current one. */
  public final void seek(int position) {
    checkPosition(position);
    current = position;
  }

  /** From the first token of a value to its last: a container's closing token, a scalar itself. */
  public final void skipValue() {
    current = lastOf(current);
  }

  /** The position of the last token of the value that starts at {@code position}. */
  private int lastOf(int position) {
    Token token = tokenAt(position);
    if (token == Token.BEGIN_OBJECT || token == Token.BEGIN_ARRAY) {
      return extents[position];
    }
    if (token == Token.NAME || token == Token.END_OBJECT || token == Token.END_ARRAY) {
      throw new IllegalStateException("no value starts at " + token + " (token " + position + ")");
    }
    return position;
  }

  /** The number of items of the current array, or members of the current object. */
  public final int size() {
    Token token = token();
    if (token != Token.BEGIN_OBJECT && token != Token.BEGIN_ARRAY) {
      throw new IllegalStateException("size of " + token + ", which is not a container");
    }
    int size = 0;
    int end = extents[current];
    for (int at = current + 1; at < end; at++) {
      if (kinds[at] == Token.NAME.ordinal()) {
        at++;
      }
      at = lastOf(at);
      size++;
    }
    return size;
  }

  /** The text of the current name or scalar: a string's characters, a number or boolean as written, "null"; an unresolved value's placeholder. */
  public final String text() {
    return textAt(current);
  }

  /** The text of the token at {@code position}, as {@link #text()}. */
  public final String textAt(int position) {
    Token token = tokenAt(position);
    if (token == Token.BEGIN_OBJECT || token == Token.END_OBJECT || token == Token.BEGIN_ARRAY || token == Token.END_ARRAY) {
      throw new IllegalStateException("text of " + token + ", which has none");
    }
    return text(position, token);
  }

  /** Where the current token was written: a name or string at its opening quote. */
  public final SourceLocation location() {
    return locationAt(current);
  }

  /** Where the token at {@code position} was written. */
  public final SourceLocation locationAt(int position) {
    checkPosition(position);
    return location(position);
  }

  /**
   * What a loader could not compute in the current value: the value itself for {@link
   * Token#UNRESOLVED}, the parts of a string it put together from them, otherwise nothing.
   */
  public final List<Unresolved> unresolved() {
    checkPosition(current);
    return unresolved(current);
  }

  /** How the current value reads in an error message: "an object", "the string \"x\"", as {@link DocNode#describe()}. */
  public final String describe() {
    Token token = token();
    return switch (token) {
      case BEGIN_OBJECT -> DocObject.DESCRIPTION;
      case BEGIN_ARRAY -> DocArray.DESCRIPTION;
      case STRING -> DocScalar.describe(DocScalar.Kind.STRING, text());
      case NUMBER -> DocScalar.describe(DocScalar.Kind.NUMBER, text());
      case BOOLEAN -> DocScalar.describe(DocScalar.Kind.BOOLEAN, text());
      case NULL -> DocScalar.describe(DocScalar.Kind.NULL, text());
      case UNRESOLVED -> unresolved().get(0).display();
      case NAME, END_OBJECT, END_ARRAY -> throw new IllegalStateException("no value starts at " + token);
    };
  }

  private void checkPosition(int position) {
    if (position < 0 || position >= count) {
      throw new IllegalStateException("no token at " + position + " of " + count);
    }
  }

  /** The text of a name or scalar token. */
  abstract String text(int position, Token token);

  abstract SourceLocation location(int position);

  abstract List<Unresolved> unresolved(int position);
}
