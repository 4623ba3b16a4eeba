package dev.iamunit.document;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.iamunit.IamUnitException;
import dev.iamunit.model.SourceLocation;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Reads JSON text into a {@link DocNode} tree with the line and column of every value, through
 * Jackson's streaming parser. Duplicate keys are an error, as in AWS's policy validator.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonDocuments {

  /** Deep enough for any real policy or template; deeper input is rejected, not a stack overflow. */
  public static final int MAX_DEPTH = 200;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  private JsonDocuments() {}

  /**
   * Parses {@code json}, naming {@code file} in locations and errors.
   *
   * @throws IamUnitException with the location when the text is not one well-formed JSON value
   */
  public static DocNode read(String json, String file) {
    return read(json, SourceLocation.of(file, 1, 1));
  }

  /**
   * Parses {@code json} that begins at {@code origin} in a larger file (a heredoc, a JSON string
   * inside a template): reported lines are the file's lines.
   */
  public static DocNode read(String json, SourceLocation origin) {
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    JsonParser parser;
    try {
      parser = FACTORY.createParser(text);
    } catch (IOException e) {
      throw new IamUnitException("could not read JSON: " + e.getMessage(), origin, e);
    }
    try (parser) {
      Reader reader = new Reader(parser, origin);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IamUnitException("the document is empty; expected a JSON object", origin);
      }
      DocNode root = reader.value();
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw new IamUnitException(
            "unexpected content after the end of the JSON document; remove it", reader.here());
      }
      return root;
    } catch (StreamConstraintsException e) {
      // Jackson reports its limits without a position; the parser is where the limit was crossed.
      throw new IamUnitException(limitExceeded(e), position(origin, parser.currentLocation()));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      SourceLocation where = at == null ? origin : position(origin, at);
      throw new IamUnitException("malformed JSON: " + e.getOriginalMessage(), where);
    } catch (IOException e) {
      throw new IamUnitException("could not read JSON: " + e.getMessage(), origin, e);
    }
  }

  /**
   * Which of Jackson's {@link StreamReadConstraints} the text crossed, in words: no real policy or
   * template comes near them, so the reader should look for generated or damaged input.
   */
  private static String limitExceeded(StreamConstraintsException e) {
    String limit = e.getOriginalMessage();
    if (limit.startsWith("Document nesting depth")) {
      return "the document nests arrays and objects deeper than " + MAX_DEPTH + " levels; no policy or template "
          + "needs that many: look for unbalanced brackets or generated input";
    }
    // "String value length (20000001) exceeds the maximum allowed (20000000, from `...`)"
    return "the document is larger than IAMUnit reads: " + limit.replaceAll(", from `[^`]*`", "")
        + "; no policy or template needs that much: look for generated or damaged input";
  }

  static SourceLocation position(SourceLocation origin, JsonLocation at) {
    return position(origin, at.getLineNr(), at.getColumnNr());
  }

  static SourceLocation position(SourceLocation origin, int line, int column) {
    return origin.at(fileLine(origin, line), fileColumn(origin, line, column));
  }

  /** The file's line of a document's {@code line}: the document starts at {@code origin}. */
  private static int fileLine(SourceLocation origin, int line) {
    return line <= 1 ? origin.line() : origin.line() + line - 1;
  }

  /** The file's column of a document's {@code column}: on its first line, the document starts mid-line. */
  private static int fileColumn(SourceLocation origin, int line, int column) {
    return line <= 1 ? Math.max(1, origin.column()) + column - 1 : column;
  }

  private static final class Reader {
    /** Members an object may have before duplicate keys are found through a map. */
    private static final int SCAN_LIMIT = 8;

    private final JsonParser parser;
    private final SourceLocation origin;

    /**
     * The members of the objects being read, innermost last, and likewise the items of the
     * arrays: each object takes its members from the top of the stack into its list when it ends.
     * An ArrayList per object cost more than the rest of building the tree: it grows, and {@code
     * List.copyOf} copies it twice more (JDK 17) in the record's constructor.
     */
    private DocObject.Member[] memberStack = new DocObject.Member[32];
    private int members;
    private DocNode[] itemStack = new DocNode[32];
    private int items;

    Reader(JsonParser parser, SourceLocation origin) {
      this.parser = parser;
      this.origin = origin;
    }

    SourceLocation here() {
      return position(origin, parser.currentTokenLocation());
    }

    /**
     * The line and column in the document where the current value token starts, as {@link
     * #here()} gives them, without the {@link JsonLocation} that {@code currentTokenLocation()}
     * allocates for every value. Jackson's parsers for text are {@link ParserBase}s, whose {@code
     * getTokenColumnNr()} is one more than the column of {@code currentTokenLocation()}; the
     * location tests of the loaders hold the two equal. Not for a FIELD_NAME, whose token
     * position is that of the value after the colon.
     */
    private int valueLine() {
      return parser instanceof ParserBase base ? base.getTokenLineNr() : parser.currentTokenLocation().getLineNr();
    }

    private int valueColumn() {
      return parser instanceof ParserBase base ? base.getTokenColumnNr() - 1 : parser.currentTokenLocation().getColumnNr();
    }

    DocNode value() throws IOException {
      int tokenLine = valueLine();
      int line = fileLine(origin, tokenLine);
      int column = fileColumn(origin, tokenLine, valueColumn());
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT:
          return object(line, column);
        case START_ARRAY:
          return array(line, column);
        case VALUE_STRING:
          return scalar(
              StringValues.of(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength()),
              DocScalar.Kind.STRING, line, column);
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return scalar(parser.getText(), DocScalar.Kind.NUMBER, line, column);
        case VALUE_TRUE:
        case VALUE_FALSE:
          return scalar(parser.getText(), DocScalar.Kind.BOOLEAN, line, column);
        case VALUE_NULL:
          return scalar("null", DocScalar.Kind.NULL, line, column);
        default:
          throw new IamUnitException("unexpected JSON token " + token, origin.at(line, column));
      }
    }

    private DocScalar scalar(String text, DocScalar.Kind kind, int line, int column) {
      return new DocScalar(text, kind, origin, line, column, List.of());
    }

    private DocArray array(int line, int column) throws IOException {
      int first = items;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        // value() reads nested arrays above this one's items and leaves the stack as it found it.
        DocNode item = value();
        if (items == itemStack.length) {
          itemStack = Arrays.copyOf(itemStack, items * 2);
        }
        itemStack[items++] = item;
      }
      List<DocNode> list = immutableList(itemStack, first, items);
      items = first;
      return new DocArray(list, origin, line, column);
    }

    private DocObject object(int line, int column) throws IOException {
      int first = members;
      // Most objects have a handful of members, for which looking back through them is cheaper
      // than a map of keys per object; a large one gets the map.
      Map<String, SourceLocation> seen = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonLocation keyToken = parser.currentTokenLocation();
        int keyLine = fileLine(origin, keyToken.getLineNr());
        int keyColumn = fileColumn(origin, keyToken.getLineNr(), keyToken.getColumnNr());
        if (seen == null && members - first == SCAN_LIMIT) {
          seen = new HashMap<>();
          for (int i = first; i < members; i++) {
            seen.put(memberStack[i].key(), memberStack[i].keyLocation());
          }
        }
        SourceLocation earlier = seen != null ? seen.putIfAbsent(key, origin.at(keyLine, keyColumn)) : earlierKey(first, key);
        if (earlier != null) {
          throw new IamUnitException(
              "duplicate key \""
                  + key
                  + "\" (first at line "
                  + earlier.line()
                  + "); AWS rejects documents with duplicate keys: keep one",
              origin.at(keyLine, keyColumn));
        }
        parser.nextToken();
        // value() reads nested objects above this one's members and leaves the stack as it found it.
        DocObject.Member member = new DocObject.Member(key, origin, keyLine, keyColumn, value());
        if (members == memberStack.length) {
          memberStack = Arrays.copyOf(memberStack, members * 2);
        }
        memberStack[members++] = member;
      }
      List<DocObject.Member> list = immutableList(memberStack, first, members);
      members = first;
      return new DocObject(list, origin, line, column);
    }

    /** Where {@code key} was written first among the members of the object from {@code first}, or null. */
    private SourceLocation earlierKey(int first, String key) {
      for (int i = first; i < members; i++) {
        if (memberStack[i].key().equals(key)) {
          return memberStack[i].keyLocation();
        }
      }
      return null;
    }

    /**
     * {@code stack[from..to)} as a {@code List.of} list, which the records' {@code List.copyOf}
     * keeps as it is instead of copying.
     */
    private static <T> List<T> immutableList(T[] stack, int from, int to) {
      return switch (to - from) {
        case 0 -> List.of();
        case 1 -> List.of(stack[from]);
        case 2 -> List.of(stack[from], stack[from + 1]);
        default -> List.of(Arrays.copyOfRange(stack, from, to));
      };
    }
  }
}
