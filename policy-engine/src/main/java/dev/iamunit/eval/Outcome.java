package dev.iamunit.eval;

/**
 * The three answers of AWS's evaluation logic: "By default, all requests are implicitly denied ...
 * An explicit deny in any policy overrides any allows" (IAM User Guide, Policy evaluation logic).
 */
public enum Outcome {
  ALLOWED,
  EXPLICIT_DENY,
  IMPLICIT_DENY;

  public boolean isDenied() {
    return this != ALLOWED;
  }
}
