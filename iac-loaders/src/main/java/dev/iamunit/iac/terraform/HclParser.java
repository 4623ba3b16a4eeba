package dev.iamunit.iac.terraform;

import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.SourceLocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recursive-descent parser for HCL2 native syntax (the Terraform language), keeping every
 * expression as a tree with its line, column and source text. hcl4j cannot be used for this: its
 * public API evaluates while parsing and exposes no expression tree.
 *
 * <p>Newlines end an attribute; inside brackets, parentheses and braces they are insignificant, as
 * in the HCL native syntax specification.
 */
final class HclParser {

  private static final List<List<String>> BINARY_LEVELS =
      List.of(
          List.of("||"),
          List.of("&&"),
          List.of("==", "!="),
          List.of("<=", ">=", "<", ">"),
          List.of("+", "-"),
          List.of("*", "/", "%"));

  /** The first characters of the operators of {@link #BINARY_LEVELS}. */
  private static final String OPERATOR_STARTS = "|&=!<>+-*/%";

  /**
   * How deeply brackets, blocks, templates and operator chains may nest. Real configurations stay
   * far below it; without it, a file of 10,000 "[" would overflow the stack of parser and
   * evaluator alike.
   */
  static final int NESTING_LIMIT = 100;

  private final String file;
  private final String src;
  private final int firstLine;
  private final int[] lineStarts;
  private int pos;
  private int depth;
  /** Current nesting, checked against {@link #NESTING_LIMIT}. */
  private int nesting;
  private LoadReportBuilder report = new LoadReportBuilder();

  private HclParser(String file, String src, int firstLine) {
    this.file = file;
    this.src = src;
    this.firstLine = firstLine;
    this.lineStarts = lineStarts(src);
  }

  /** Where each line starts. A parser is made for every string of a .tf.json file: no boxing. */
  private static int[] lineStarts(String src) {
    int lines = 1;
    for (int i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) {
      lines++;
    }
    int[] starts = new int[lines];
    int line = 1;
    for (int i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) {
      starts[line++] = i + 1;
    }
    return starts;
  }

  /** Parses a whole {@code .tf} file. */
  static Body parseFile(String file, String text, LoadReportBuilder report) {
    HclParser parser = new HclParser(file, text.startsWith("\uFEFF") ? text.substring(1) : text, 1);
    parser.report = report;
    Body body = parser.body(true);
    return body;
  }

  /** Parses one expression, such as a {@code .tfvars} value or a string in {@code .tf.json}. */
  static Expr parseExpression(String file, String text, int line) {
    HclParser parser = new HclParser(file, text, line);
    parser.depth = 1;
    parser.skipSpace();
    Expr expr = parser.expression();
    parser.skipSpace();
    if (parser.pos < text.length()) {
      throw parser.error("unexpected " + shown(parser.src.charAt(parser.pos)) + " after the expression");
    }
    return expr;
  }

  /** Parses a string of {@code .tf.json} as a template: {@code ${...}} interpolations and directives. */
  static Expr parseTemplate(String file, String text, int line) {
    HclParser parser = new HclParser(file, text, line);
    return parser.templateUntilEnd(parser.pos);
  }

  // ---------------------------------------------------------------- bodies

  private Body body(boolean topLevel) {
    Map<String, Body.Attribute> attributes = new LinkedHashMap<>();
    List<Body.Block> blocks = new ArrayList<>();
    int savedDepth = depth;
    depth = 0;
    while (true) {
      skipSpaceAndNewlines();
      if (pos >= src.length()) {
        if (!topLevel) {
          throw error("the block is not closed; add \"}\"");
        }
        break;
      }
      if (peek() == '}') {
        if (topLevel) {
          throw error("unexpected \"}\"");
        }
        pos++;
        break;
      }
      int start = pos;
      String name = identifier("an attribute name or a block type");
      skipSpace();
      if (peek() == '=' && peek(1) != '=') {
        pos++;
        skipSpace();
        Expr expr = expression();
        Expr.Span span = span(start);
        if (attributes.containsKey(name)) {
          report.problem(span.location(""), "attribute \"" + name + "\" is set twice in the same block; Terraform rejects"
              + " this, and only the first is loaded");
        } else {
          attributes.put(name, new Body.Attribute(name, expr, span));
        }
        endOfLine();
      } else {
        List<String> labels = new ArrayList<>();
        while (peek() != '{') {
          if (peek() == '"') {
            Expr label = quoted();
            if (!(label instanceof Expr.Literal lit && lit.value() instanceof Value.Str s)) {
              throw error("a block label must be a literal string");
            }
            labels.add(s.text());
          } else if (isIdentStart(peek())) {
            labels.add(identifier("a block label"));
          } else {
            throw error("expected \"=\" after attribute \"" + name + "\", or \"{\" to open block \"" + name + "\"");
          }
          skipSpace();
        }
        pos++;
        enter();
        Body inner = body(false);
        nesting--;
        blocks.add(new Body.Block(name, labels, inner, span(start)));
      }
    }
    depth = savedDepth;
    return new Body(attributes, blocks);
  }

  private void endOfLine() {
    skipSpace();
    if (pos >= src.length() || peek() == '\n' || peek() == '}') {
      return;
    }
    throw error("unexpected " + shown(peek()) + " after the attribute's value; put each attribute on its own line");
  }

  // ---------------------------------------------------------------- expressions

  private Expr expression() {
    enter();
    int start = pos;
    Expr condition = binary(0);
    skipSpace();
    Expr result = condition;
    if (peek() == '?') {
      pos++;
      skipSpaceAndNewlines();
      Expr then = expression();
      skipSpaceAndNewlines();
      expect(':', "of the conditional expression");
      skipSpaceAndNewlines();
      Expr otherwise = expression();
      result = new Expr.Conditional(condition, then, otherwise, span(start));
    }
    nesting--;
    return result;
  }

  /** One level deeper; too deep is a syntax error here rather than a stack overflow later. */
  private void enter() {
    if (++nesting > NESTING_LIMIT) {
      throw error("brackets, blocks, templates or operators nest more than " + NESTING_LIMIT
          + " levels deep here; IAMUnit stops there. Split the expression with locals");
    }
  }

  private Expr binary(int level) {
    if (level == BINARY_LEVELS.size()) {
      return unary();
    }
    int start = pos;
    int outer = nesting;
    Expr left = binary(level + 1);
    while (true) {
      skipSpace();
      String op = operatorAt(BINARY_LEVELS.get(level));
      if (op == null) {
        nesting = outer;
        return left;
      }
      // Each operator of a chain nests the tree (a + b + c is (a + b) + c) one level deeper.
      enter();
      pos += op.length();
      skipSpaceAndNewlines();
      Expr right = binary(level + 1);
      left = new Expr.Binary(op, left, right, span(start));
    }
  }

  private String operatorAt(List<String> candidates) {
    // Most positions hold no operator: one test here instead of six levels of candidates.
    if (pos >= src.length() || OPERATOR_STARTS.indexOf(src.charAt(pos)) < 0) {
      return null;
    }
    for (String op : candidates) {
      if (src.startsWith(op, pos)) {
        // "=>" and "<<" belong to other constructs; "==" is not "=".
        if (op.equals("<") && src.startsWith("<<", pos)) {
          return null;
        }
        if ((op.equals(">") || op.equals("<")) && peek(1) == '=') {
          continue;
        }
        return op;
      }
    }
    return null;
  }

  private Expr unary() {
    int start = pos;
    if (peek() == '!' || (peek() == '-' && peek(1) != '-')) {
      String op = String.valueOf(src.charAt(pos++));
      skipSpace();
      enter();
      Expr operand = unary();
      nesting--;
      return new Expr.Unary(op, operand, span(start));
    }
    return postfix(primary(), start);
  }

  private Expr postfix(Expr expr, int start) {
    int outer = nesting;
    while (true) {
      int save = pos;
      skipSpace();
      if (peek() == '.' && peek(1) == '*') {
        pos += 2;
        Expr each = new Expr.SplatItem(span(pos));
        while (true) {
          int inner = pos;
          skipSpace();
          if (peek() == '.' && isIdentStart(peek(1))) {
            pos++;
            each = new Expr.GetAttr(each, identifier("an attribute name"), span(start));
          } else {
            pos = inner;
            break;
          }
        }
        expr = new Expr.Splat(expr, each, span(start));
      } else if (peek() == '.' && Character.isDigit(peek(1))) {
        pos++;
        int numStart = pos;
        while (Character.isDigit(peek())) {
          pos++;
        }
        String digits = src.substring(numStart, pos);
        if (digits.length() > 9) {
          throw error("index ." + digits + " is too large to be a list index");
        }
        Expr key = new Expr.Literal(Value.of(Long.parseLong(digits)), span(numStart));
        expr = new Expr.Index(expr, key, span(start));
      } else if (peek() == '.' && isIdentStart(peek(1))) {
        pos++;
        expr = new Expr.GetAttr(expr, identifier("an attribute name"), span(start));
      } else if (peek() == '[' && isSplatBracket()) {
        skipSplatBracket();
        Expr each = new Expr.SplatItem(span(pos));
        while (true) {
          int inner = pos;
          skipSpace();
          if (peek() == '.' && isIdentStart(peek(1))) {
            pos++;
            each = new Expr.GetAttr(each, identifier("an attribute name"), span(start));
          } else if (peek() == '[' && !isSplatBracket()) {
            each = new Expr.Index(each, bracketIndex(), span(start));
          } else {
            pos = inner;
            break;
          }
        }
        expr = new Expr.Splat(expr, each, span(start));
      } else if (peek() == '[') {
        expr = new Expr.Index(expr, bracketIndex(), span(start));
      } else {
        pos = save;
        nesting = outer;
        return expr;
      }
      // a.b.c is ((a.b).c): each step nests the tree one level deeper.
      enter();
    }
  }

  private boolean isSplatBracket() {
    int i = pos + 1;
    while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
      i++;
    }
    if (i >= src.length() || src.charAt(i) != '*') {
      return false;
    }
    i++;
    while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
      i++;
    }
    return i < src.length() && src.charAt(i) == ']';
  }

  private void skipSplatBracket() {
    pos = src.indexOf(']', pos) + 1;
  }

  private Expr bracketIndex() {
    pos++;
    depth++;
    skipSpace();
    Expr key = expression();
    skipSpace();
    expect(']', "of the index");
    depth--;
    return key;
  }

  private Expr primary() {
    skipSpace();
    int start = pos;
    char c = peek();
    if (Character.isDigit(c)) {
      return number();
    }
    if (c == '"') {
      return quoted();
    }
    if (c == '<' && peek(1) == '<') {
      return heredoc();
    }
    if (c == '(') {
      pos++;
      depth++;
      skipSpace();
      Expr inner = expression();
      skipSpace();
      expect(')', "of the parenthesized expression");
      depth--;
      return inner;
    }
    if (c == '[') {
      return tuple();
    }
    if (c == '{') {
      return object();
    }
    if (isIdentStart(c)) {
      String name = identifier("an expression");
      while (src.startsWith("::", pos)) {
        pos += 2;
        name = name + "::" + identifier("a function name");
      }
      switch (name) {
        case "true":
          return new Expr.Literal(Value.of(true), span(start));
        case "false":
          return new Expr.Literal(Value.of(false), span(start));
        case "null":
          return new Expr.Literal(Value.NULL, span(start));
        default:
          break;
      }
      int save = pos;
      skipSpace();
      if (peek() == '(') {
        return call(name, start);
      }
      pos = save;
      return new Expr.Variable(name, span(start));
    }
    if (pos >= src.length()) {
      throw error("the expression ends too early");
    }
    throw error("unexpected " + shown(c) + " where an expression should start");
  }

  private Expr number() {
    int start = pos;
    while (Character.isDigit(peek())) {
      pos++;
    }
    if (peek() == '.' && Character.isDigit(peek(1))) {
      pos++;
      while (Character.isDigit(peek())) {
        pos++;
      }
    }
    if ((peek() == 'e' || peek() == 'E')
        && (Character.isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && Character.isDigit(peek(2))))) {
      pos += 2;
      while (Character.isDigit(peek())) {
        pos++;
      }
    }
    String text = src.substring(start, pos);
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      value = null;
    }
    // Far beyond any count, port or policy value; bounds the cost of printing and arithmetic.
    if (value == null || text.length() > 100 || Math.abs((long) value.precision() - value.scale()) > 100) {
      pos = start;
      throw error("the number " + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
          + " is out of the range IAMUnit evaluates (up to 100 digits)");
    }
    return new Expr.Literal(new Value.Num(value), span(start));
  }

  private Expr call(String name, int start) {
    pos++;
    depth++;
    List<Expr> args = new ArrayList<>();
    boolean expand = false;
    skipSpace();
    while (peek() != ')') {
      args.add(expression());
      skipSpace();
      if (src.startsWith("...", pos)) {
        pos += 3;
        expand = true;
        skipSpace();
      }
      if (peek() == ',') {
        pos++;
        skipSpace();
      } else if (peek() != ')') {
        throw error("expected \",\" or \")\" in the arguments of " + name + "()");
      }
    }
    pos++;
    depth--;
    return new Expr.Call(name, args, expand, span(start));
  }

  private Expr tuple() {
    int start = pos;
    pos++;
    depth++;
    skipSpace();
    if (startsWithKeyword("for")) {
      Expr result = forExpr(start, false);
      depth--;
      return result;
    }
    List<Expr> items = new ArrayList<>();
    while (peek() != ']') {
      items.add(expression());
      skipSpace();
      if (peek() == ',') {
        pos++;
        skipSpace();
      } else if (peek() != ']') {
        throw error("expected \",\" or \"]\" in the list");
      }
    }
    pos++;
    depth--;
    return new Expr.TupleCons(items, span(start));
  }

  private Expr object() {
    int start = pos;
    pos++;
    depth++;
    skipSpace();
    if (startsWithKeyword("for")) {
      Expr result = forExpr(start, true);
      depth--;
      return result;
    }
    List<Expr.ObjectCons.Item> items = new ArrayList<>();
    while (peek() != '}') {
      Expr key = expression();
      // A bare name as a key is the literal name, not a reference (HCL native syntax).
      if (key instanceof Expr.Variable variable) {
        key = new Expr.Literal(Value.of(variable.name()), variable.span());
      }
      skipSpace();
      if (peek() != '=' && peek() != ':') {
        throw error("expected \"=\" or \":\" after the object key " + key.span().text());
      }
      pos++;
      skipSpace();
      Expr value = expression();
      items.add(new Expr.ObjectCons.Item(key, value));
      skipSpace();
      if (peek() == ',') {
        pos++;
        skipSpace();
      }
      if (pos >= src.length()) {
        throw error("the object is not closed; add \"}\"");
      }
    }
    pos++;
    depth--;
    return new Expr.ObjectCons(items, span(start));
  }

  /** The header {@code for k, v in collection} of a for expression or a {@code %{for}} directive. */
  private record ForHeader(Optional<String> key, String value, Expr collection) {}

  /**
   * Reads {@code k, v in collection} (the key variable optional) after the {@code for} keyword, to
   * the end of the collection expression; {@code construct} names what is read, for errors.
   */
  private ForHeader forHeader(String construct) {
    skipSpace();
    String first = identifier("a " + construct + " variable");
    skipSpace();
    Optional<String> key = Optional.empty();
    String value = first;
    if (peek() == ',') {
      pos++;
      skipSpace();
      key = Optional.of(first);
      value = identifier("a " + construct + " variable");
      skipSpace();
    }
    if (!startsWithKeyword("in")) {
      throw error("expected \"in\" in the " + construct);
    }
    pos += 2;
    skipSpace();
    return new ForHeader(key, value, expression());
  }

  private Expr forExpr(int start, boolean object) {
    pos += 3;
    ForHeader header = forHeader("for expression");
    skipSpace();
    expect(':', "after the for expression's collection");
    skipSpace();
    Optional<Expr> keyExpr = Optional.empty();
    Expr valueExpr = expression();
    skipSpace();
    boolean grouping = false;
    if (object) {
      if (!src.startsWith("=>", pos)) {
        throw error("expected \"=>\" in the object for expression");
      }
      pos += 2;
      skipSpace();
      keyExpr = Optional.of(valueExpr);
      valueExpr = expression();
      skipSpace();
      if (src.startsWith("...", pos)) {
        pos += 3;
        grouping = true;
        skipSpace();
      }
    }
    Optional<Expr> condition = Optional.empty();
    if (startsWithKeyword("if")) {
      pos += 2;
      skipSpace();
      condition = Optional.of(expression());
      skipSpace();
    }
    expect(object ? '}' : ']', "to close the for expression");
    return new Expr.For(header.key(), header.value(), header.collection(), keyExpr, valueExpr, condition, grouping, span(start));
  }

  private boolean startsWithKeyword(String word) {
    return src.startsWith(word, pos) && !isIdentPart(peek(word.length()));
  }

  // ---------------------------------------------------------------- templates

  private Expr quoted() {
    int start = pos;
    pos++;
    List<Expr> parts = new ArrayList<>();
    String stop = templateParts(parts, true);
    if (stop != null) {
      throw error("%{" + stop + "} without a matching %{if} or %{for}");
    }
    return template(parts, start);
  }

  private Expr templateUntilEnd(int start) {
    List<Expr> parts = new ArrayList<>();
    String stop = templateParts(parts, false);
    if (stop != null) {
      throw error("%{" + stop + "} without a matching %{if} or %{for}");
    }
    return template(parts, start);
  }

  /** A template of literal text alone is a literal string. */
  private Expr template(List<Expr> parts, int start) {
    Expr.Span span = span(start);
    if (parts.isEmpty()) {
      return new Expr.Literal(Value.of(""), span);
    }
    if (parts.size() == 1 && parts.get(0) instanceof Expr.Literal literal) {
      return new Expr.Literal(literal.value(), span);
    }
    return new Expr.Template(parts, span);
  }

  /**
   * Reads template parts into {@code parts} until the closing quote (quoted) or the end of input,
   * or until an {@code else}/{@code endif}/{@code endfor} directive, whose keyword it returns.
   */
  private String templateParts(List<Expr> parts, boolean quotedString) {
    StringBuilder literal = new StringBuilder();
    int literalStart = pos;
    boolean trimNext = false;
    while (true) {
      if (pos >= src.length()) {
        if (quotedString) {
          throw error("the string is not closed; add the closing quote");
        }
        flush(parts, literal, literalStart);
        return null;
      }
      char c = src.charAt(pos);
      if (trimNext && Character.isWhitespace(c)) {
        pos++;
        continue;
      }
      trimNext = false;
      if (quotedString && c == '"') {
        pos++;
        flush(parts, literal, literalStart);
        return null;
      }
      if (quotedString && c == '\n') {
        throw error("a quoted string cannot span lines; use a heredoc (<<EOF) for text over several lines");
      }
      if (quotedString && c == '\\') {
        literal.append(escape());
        continue;
      }
      if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
        // "$${" and "%%{" are the escapes for a literal "${" and "%{".
        literal.append(c).append('{');
        pos += 3;
        continue;
      }
      if (c == '$' && peek(1) == '{') {
        int at = pos;
        pos += 2;
        if (peek() == '~') {
          pos++;
          trimEnd(literal);
        }
        flush(parts, literal, literalStart);
        depth++;
        skipSpace();
        Expr expr = expression();
        skipSpace();
        if (peek() == '~') {
          pos++;
          trimNext = true;
        }
        expect('}', "to close the interpolation");
        depth--;
        parts.add(wrapInterpolation(expr, at));
        literalStart = pos;
        continue;
      }
      if (c == '%' && peek(1) == '{') {
        int at = pos;
        pos += 2;
        if (peek() == '~') {
          pos++;
          trimEnd(literal);
        }
        flush(parts, literal, literalStart);
        depth++;
        skipSpace();
        String keyword = identifier("a template directive (if, for, else, endif, endfor)");
        if (keyword.equals("if") || keyword.equals("for")) {
          enter();
        }
        switch (keyword) {
          case "if" -> {
            skipSpace();
            Expr condition = expression();
            trimNext = closeDirective();
            List<Expr> thenParts = new ArrayList<>();
            String stop = templatePartsTrim(thenParts, quotedString, trimNext);
            List<Expr> elseParts = new ArrayList<>();
            if ("else".equals(stop)) {
              stop = templatePartsTrim(elseParts, quotedString, lastTrim);
            }
            if (!"endif".equals(stop)) {
              throw error("%{if} without a matching %{endif}");
            }
            trimNext = lastTrim;
            parts.add(new Expr.TemplateIf(condition, new Expr.Template(thenParts, span(at)), new Expr.Template(elseParts, span(at)), span(at)));
            nesting--;
          }
          case "for" -> {
            ForHeader header = forHeader("%{for} directive");
            trimNext = closeDirective();
            List<Expr> bodyParts = new ArrayList<>();
            String stop = templatePartsTrim(bodyParts, quotedString, trimNext);
            if (!"endfor".equals(stop)) {
              throw error("%{for} without a matching %{endfor}");
            }
            trimNext = lastTrim;
            parts.add(new Expr.TemplateFor(header.key(), header.value(), header.collection(), new Expr.Template(bodyParts, span(at)), span(at)));
            nesting--;
          }
          case "else", "endif", "endfor" -> {
            lastTrim = closeDirective();
            return keyword;
          }
          default -> throw error("unknown template directive %{" + keyword + "}");
        }
        literalStart = pos;
        continue;
      }
      literal.append(c);
      pos++;
    }
  }

  /** Whether the directive that just closed asked to trim the whitespace after it ({@code ~}}). */
  private boolean lastTrim;

  private String templatePartsTrim(List<Expr> parts, boolean quotedString, boolean trim) {
    if (trim) {
      while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
        pos++;
      }
    }
    return templateParts(parts, quotedString);
  }

  private boolean closeDirective() {
    skipSpace();
    boolean trim = false;
    if (peek() == '~') {
      pos++;
      trim = true;
    }
    expect('}', "to close the template directive");
    depth--;
    return trim;
  }

  private Expr wrapInterpolation(Expr expr, int at) {
    return expr;
  }

  private static void trimEnd(StringBuilder literal) {
    int end = literal.length();
    while (end > 0 && Character.isWhitespace(literal.charAt(end - 1))) {
      end--;
    }
    literal.setLength(end);
  }

  private void flush(List<Expr> parts, StringBuilder literal, int start) {
    if (literal.length() > 0) {
      parts.add(new Expr.Literal(Value.of(literal.toString()), span(start)));
      literal.setLength(0);
    }
  }

  private String escape() {
    char next = peek(1);
    pos += 2;
    switch (next) {
      case 'n':
        return "\n";
      case 'r':
        return "\r";
      case 't':
        return "\t";
      case '"':
        return "\"";
      case '\\':
        return "\\";
      case 'u':
      case 'U':
        int length = next == 'u' ? 4 : 8;
        if (pos + length > src.length()) {
          throw error("incomplete \\" + next + " escape");
        }
        int code;
        try {
          code = Integer.parseInt(src.substring(pos, pos + length), 16);
        } catch (NumberFormatException e) {
          throw error("malformed \\" + next + " escape");
        }
        if (code < 0 || code > Character.MAX_CODE_POINT || (code >= 0xD800 && code <= 0xDFFF)
            || !src.substring(pos, pos + length).chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
          throw error("\\" + next + src.substring(pos, pos + length) + " is not a Unicode character");
        }
        pos += length;
        return new String(Character.toChars(code));
      default:
        throw error("unknown escape \\" + next + " in a string; write \\\\ for a backslash");
    }
  }

  private Expr heredoc() {
    int start = pos;
    int startLine = lineOf(pos);
    pos += 2;
    boolean indented = false;
    if (peek() == '-') {
      indented = true;
      pos++;
    }
    String marker = identifier("the heredoc's end marker");
    int lineEnd = src.indexOf('\n', pos);
    if (lineEnd < 0 || !src.substring(pos, lineEnd).isBlank()) {
      throw error("a heredoc's marker <<" + marker + " must end its line");
    }
    List<String> lines = new ArrayList<>();
    int cursor = lineEnd + 1;
    while (true) {
      if (cursor >= src.length()) {
        pos = src.length();
        throw new TemplateException(
            "heredoc <<" + marker + " is never closed; end it with a line holding only " + marker,
            new SourceLocation(file, startLine, 1, ""));
      }
      int end = src.indexOf('\n', cursor);
      if (end < 0) {
        end = src.length();
      }
      String line = src.substring(cursor, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      cursor = end + 1;
      if (line.strip().equals(marker)) {
        break;
      }
      lines.add(line);
    }
    pos = Math.min(cursor - 1, src.length());
    if (indented) {
      int indent = Integer.MAX_VALUE;
      for (String line : lines) {
        if (!line.isBlank()) {
          int n = 0;
          while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
          }
          indent = Math.min(indent, n);
        }
      }
      final int cut = indent == Integer.MAX_VALUE ? 0 : indent;
      lines.replaceAll(line -> line.length() >= cut ? line.substring(cut) : line.strip());
    }
    StringBuilder content = new StringBuilder();
    for (String line : lines) {
      content.append(line).append('\n');
    }
    HclParser inner = new HclParser(file, content.toString(), startLine + 1);
    inner.nesting = nesting;
    Expr parsed = inner.templateUntilEnd(0);
    Expr.Span span = new Expr.Span(file, startLine + 1, 1, src.substring(start, pos));
    final var sel10 = parsed;
  if (sel10 instanceof Expr.Literal literal) {
    return new Expr.Literal(literal.value(), span);
  }
  else if (sel10 instanceof Expr.Template template) {
    return new Expr.Template(template.parts(), span);
  }
  else {
    return parsed;
  }

  }

  // ---------------------------------------------------------------- characters

  private char peek() {
    return peek(0);
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < src.length() ? src.charAt(i) : '\0';
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private String identifier(String what) {
    if (!isIdentStart(peek())) {
      throw error(pos >= src.length() ? "expected " + what + " but the file ends" : "expected " + what + ", found " + shown(peek()));
    }
    int start = pos;
    while (isIdentPart(peek())) {
      pos++;
    }
    return src.substring(start, pos);
  }

  private void expect(char c, String what) {
    if (peek() != c) {
      throw error("expected \"" + c + "\" " + what + (pos < src.length() ? ", found " + shown(peek()) : ", but the text ends"));
    }
    pos++;
  }

  /** Skips blanks and comments; newlines too, but only inside brackets. */
  private void skipSpace() {
    skip(depth > 0);
  }

  private void skipSpaceAndNewlines() {
    skip(true);
  }

  private void skip(boolean newlines) {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
        pos++;
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '/' && peek(1) == '*') {
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error("the comment is not closed; add \"*/\"");
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private int lineOf(int offset) {
    int index = Arrays.binarySearch(lineStarts, offset);
    int line = index >= 0 ? index : -index - 2;
    return firstLine + line;
  }

  private Expr.Span span(int start) {
    int index = Arrays.binarySearch(lineStarts, start);
    int line = index >= 0 ? index : -index - 2;
    int column = start - lineStarts[line] + 1;
    int end = Math.min(Math.max(pos, start), src.length());
    int from = Math.min(start, src.length());
    return Expr.Span.of(file, firstLine + line, column, src, from, end);
  }

  /** A character as a message shows it: quoted, or as an escape when it would be invisible. */
  private static String shown(char c) {
    return Character.isISOControl(c) || Character.isWhitespace(c) || c == '\uFEFF' || Character.isSurrogate(c)
        ? String.format("character U+%04X", (int) c)
        : "\"" + c + "\"";
  }

  private TemplateException error(String message) {
    Expr.Span at = span(Math.min(pos, src.length()));
    return new TemplateException("syntax error: " + message, new SourceLocation(file, at.line(), at.column(), ""));
  }
}
