package dev.iamunit.policy;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.SourceLocation;

/** A policy document AWS's policy validator would refuse, with where and how to fix it. */
public final class InvalidPolicyException extends IamUnitException {
  private static final long serialVersionUID = 1L;

  public InvalidPolicyException(String message, SourceLocation location) {
    super(message, location);
  }
}
