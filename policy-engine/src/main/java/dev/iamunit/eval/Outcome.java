package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The three answers of AWS's evaluation logic: "By default, all requests are implicitly denied ...
 * An explicit deny in any policy overrides any allows" (IAM User Guide, Policy evaluation logic).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Outcome {
  ALLOWED,
  EXPLICIT_DENY,
  IMPLICIT_DENY;

  public boolean isDenied() {
    return this != ALLOWED;
  }
}
