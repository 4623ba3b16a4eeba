package dev.iamunit.iac.terraform;

import dev.iamunit.model.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An HCL2 expression as written, with where it was written and its source text. */
sealed interface Expr {

  Span span();

  /**
   * Where an expression starts, and its text as written (for {@code Unresolved} messages). Equal
   * when file, line, column and text are, as a record would be.
   */
  final class Span {

    /** Longest source text a span keeps for messages. */
    static final int TEXT_LIMIT = 1000;

    private final String file;
    private final int line;
    private final int column;
    /** The source the text is cut from when first asked for, and where; null once cut or when given. */
    private final String source;
    private final int from;
    private final int to;
    /** Cut on first use: most spans are never shown, and cutting each node's text up front copied nested text again per level. */
    private String text;

    Span(String file, int line, int column, String text) {
      this(file, line, column, null, 0, 0);
      this.text = Objects.requireNonNull(text, "text");
    }

    private Span(String file, int line, int column, String source, int from, int to) {
      this.file = Objects.requireNonNull(file, "file");
      this.line = line;
      this.column = column;
      this.source = source;
      this.from = from;
      this.to = to;
    }

    /** The span of {@code source} from {@code from} to {@code to}, its text stripped and cut at {@link #TEXT_LIMIT} characters. */
    static Span of(String file, int line, int column, String source, int from, int to) {
      return new Span(file, line, column, source, from, to);
    }

    String file() {
      return file;
    }

    int line() {
      return line;
    }

    int column() {
      return column;
    }

    String text() {
      // A race cuts the same immutable String twice at worst: no lock needed.
      String cut = text;
      if (cut == null) {
        cut = to - from > TEXT_LIMIT ? source.substring(from, from + TEXT_LIMIT).strip() + "..." : source.substring(from, to).strip();
        text = cut;
      }
      return cut;
    }

    /** Whether the text starts with {@code <<}, a heredoc's opening, read without cutting the text. */
    boolean isHeredoc() {
      if (source == null) {
        return text.startsWith("<<");
      }
      int end = to - from > TEXT_LIMIT ? from + TEXT_LIMIT : to;
      int first = from;
      while (first < end && Character.isWhitespace(source.charAt(first))) {
        first++;
      }
      return end - first >= 2 && source.startsWith("<<", first);
    }

    SourceLocation location(String address) {
      return new SourceLocation(file, line, column, address);
    }

    Span withText(String newText) {
      return new Span(file, line, column, newText);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Span span && span.line == line && span.column == column && span.file.equals(file) && span.text().equals(text());
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, line, column, text());
    }

    @Override
    public String toString() {
      return "Span[file=" + file + ", line=" + line + ", column=" + column + ", text=" + text() + "]";
    }
  }

  record Literal(Value value, Span span) implements Expr {}

  /** A string template: literal text, interpolations and directives. */
  record Template(List<Expr> parts, Span span) implements Expr {}

  /** {@code %{ if c }a%{ else }b%{ endif }} inside a template. */
  record TemplateIf(Expr condition, Template then, Template otherwise, Span span) implements Expr {}

  /** {@code %{ for k, v in coll }...%{ endfor }} inside a template. */
  record TemplateFor(Optional<String> key, String value, Expr collection, Template body, Span span) implements Expr {}

  /** A root name: {@code var}, {@code local}, {@code aws_iam_role}, a for-expression variable. */
  record Variable(String name, Span span) implements Expr {}

  record GetAttr(Expr object, String name, Span span) implements Expr {}

  record Index(Expr collection, Expr key, Span span) implements Expr {}

  /** {@code source[*].a.b} or {@code source.*.a}: {@code each} applied to every element. */
  record Splat(Expr source, Expr each, Span span) implements Expr {}

  /** The element a splat's {@code each} expression applies to. */
  record SplatItem(Span span) implements Expr {}

  record Call(String name, List<Expr> args, boolean expandLast, Span span) implements Expr {}

  record TupleCons(List<Expr> items, Span span) implements Expr {}

  record ObjectCons(List<Item> items, Span span) implements Expr {
    record Item(Expr key, Expr value) {}
  }

  record Conditional(Expr condition, Expr then, Expr otherwise, Span span) implements Expr {}

  record Binary(String operator, Expr left, Expr right, Span span) implements Expr {}

  record Unary(String operator, Expr operand, Span span) implements Expr {}

  /** {@code [for k, v in c : e if cond]} or {@code {for k, v in c : ke => ve... if cond}}. */
  record For(
      Optional<String> keyVar,
      String valueVar,
      Expr collection,
      Optional<Expr> keyExpr,
      Expr valueExpr,
      Optional<Expr> condition,
      boolean grouping,
      Span span)
      implements Expr {}

  /** The expressions {@code expr} is built from, in the order written. */
  static List<Expr> children(Expr expr) {
    if (expr instanceof Template t) {
      return List.copyOf(t.parts());
    } else if (expr instanceof TemplateIf t) {
      return List.of(t.condition(), t.then(), t.otherwise());
    } else if (expr instanceof TemplateFor t) {
      return List.of(t.collection(), t.body());
    } else if (expr instanceof GetAttr g) {
      return List.of(g.object());
    } else if (expr instanceof Index i) {
      return List.of(i.collection(), i.key());
    } else if (expr instanceof Splat s) {
      return List.of(s.source(), s.each());
    } else if (expr instanceof Call c) {
      return List.copyOf(c.args());
    } else if (expr instanceof TupleCons t) {
      return List.copyOf(t.items());
    } else if (expr instanceof ObjectCons o) {
      return o.items().stream().flatMap(i -> java.util.stream.Stream.of(i.key(), i.value())).toList();
    } else if (expr instanceof Conditional c) {
      return List.of(c.condition(), c.then(), c.otherwise());
    } else if (expr instanceof Binary b) {
      return List.of(b.left(), b.right());
    } else if (expr instanceof Unary u) {
      return List.of(u.operand());
    } else if (expr instanceof For f) {
      List<Expr> all = new java.util.ArrayList<>(List.of(f.collection(), f.valueExpr()));
      f.keyExpr().ifPresent(all::add);
      f.condition().ifPresent(all::add);
      return all;
    }
    return List.of(); // literals, variables, splat items
  }
}
