package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import org.apiguardian.api.API;

/** Coverage data that is missing or unreadable: the message says where and what to do. */
@API(status = EXPERIMENTAL)
public class CoverageDataException extends IamUnitException {

  public CoverageDataException(String message) {
    super(message);
  }
}
