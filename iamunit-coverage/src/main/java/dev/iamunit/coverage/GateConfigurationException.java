package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import org.apiguardian.api.API;

/** The gate's configuration cannot be used: a wrong rule, a missing baseline; the message says where. */
@API(status = EXPERIMENTAL)
public class GateConfigurationException extends IamUnitException {

  public GateConfigurationException(String message) {
    super(message);
  }
}
