package dev.iamunit.iac.terraform;

/**
 * An expression Terraform itself would reject (a missing attribute, a wrong type). {@code try()}
 * and {@code can()} catch it as Terraform does; elsewhere the loader reports the value as
 * unresolved with this message, rather than failing a whole load on code it may only partly know.
 */
final class EvalError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final transient Expr.Span span;

  EvalError(String message, Expr.Span span) {
    super(message, null, false, false);
    this.span = span;
  }
}
