package dev.iamunit.document;

import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.Arrays;
import java.util.List;

/**
 * A document tree replayed as tokens: each token keeps the node or member it stands for, and its
 * text, location and unresolved parts are that node's. Members are replayed in the order the tree
 * holds them, duplicates included (a loader's tree may have them; the grammar decides).
 */
final class DocTreeTokens extends TokenReader {

  /** The node each token stands for; a {@link DocObject.Member} for a name. */
  private Object[] sources;

  private DocTreeTokens() {
    super(16);
    sources = new Object[16];
  }

  static DocTreeTokens flatten(DocNode document) {
    DocTreeTokens tokens = new DocTreeTokens();
    tokens.append(document);
    return tokens;
  }

  private void append(DocNode node) {
    if (node instanceof DocObject object) {
      int opening = add(Token.BEGIN_OBJECT, object);
      for (DocObject.Member member : object.members()) {
        add(Token.NAME, member);
        append(member.value());
      }
      close(opening, add(Token.END_OBJECT, object));
    } else if (node instanceof DocArray array) {
      int opening = add(Token.BEGIN_ARRAY, array);
      for (DocNode item : array.items()) {
        append(item);
      }
      close(opening, add(Token.END_ARRAY, array));
    } else if (node instanceof DocScalar scalar) {
      Token token = switch (scalar.kind()) {
        case STRING -> Token.STRING;
        case NUMBER -> Token.NUMBER;
        case BOOLEAN -> Token.BOOLEAN;
        case NULL -> Token.NULL;
      };
      add(token, scalar);
    } else {
      add(Token.UNRESOLVED, node);
    }
  }

  private int add(Token token, Object source) {
    int position = add(token);
    sources[position] = source;
    return position;
  }

  @Override
  void grow(int capacity) {
    sources = Arrays.copyOf(sources, capacity);
  }

  @Override
  String text(int position, Token token) {
    Object source = sources[position];
    if (source instanceof DocObject.Member member) {
      return member.key();
    }
    if (source instanceof DocScalar scalar) {
      return scalar.text();
    }
    return ((DocUnresolved) source).value().placeholder();
  }

  @Override
  SourceLocation location(int position) {
    return sources[position] instanceof DocObject.Member member ? member.keyLocation() : ((DocNode) sources[position]).location();
  }

  @Override
  List<Unresolved> unresolved(int position) {
    Object source = sources[position];
    if (source instanceof DocScalar scalar) {
      return scalar.unresolved();
    }
    return source instanceof DocUnresolved unresolved ? List.of(unresolved.value()) : List.of();
  }
}
