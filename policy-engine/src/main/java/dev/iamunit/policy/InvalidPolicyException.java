package dev.iamunit.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.SourceLocation;
import org.apiguardian.api.API;

/** A policy document AWS's policy validator would refuse, with where and how to fix it. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InvalidPolicyException extends IamUnitException {
  private static final long serialVersionUID = 1L;

  public InvalidPolicyException(String message, SourceLocation location) {
    super(message, location);
  }
}
