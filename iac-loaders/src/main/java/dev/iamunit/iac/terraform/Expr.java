package dev.iamunit.iac.terraform;

import dev.iamunit.model.SourceLocation;
import java.util.List;
import java.util.Optional;

/** An HCL2 expression as written, with where it was written and its source text. */
sealed interface Expr {

  Span span();

  /** Where an expression starts, and its text as written (for {@code Unresolved} messages). */
  record Span(String file, int line, int column, String text) {
    SourceLocation location(String address) {
      return new SourceLocation(file, line, column, address);
    }

    Span withText(String newText) {
      return new Span(file, line, column, newText);
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
}
