package dev.iamunit.iac.terraform;

import java.nio.file.Path;

/** What an expression can refer to outside itself: the module it is written in. */
interface Scope {

  /** The value of a root name ({@code var}, {@code local}, {@code aws_iam_role}, {@code data}...). */
  Value root(String name, Expr.Span span, ExpressionEvaluator evaluator);

  /** The folder relative paths in {@code file()} start from (Terraform: the working directory). */
  Path workingDirectory();

  /** The folder that {@code file()} and {@code templatefile()} may not leave. */
  Path projectRoot();

  /** How a file is named in locations. */
  String displayName(Path file);
}
