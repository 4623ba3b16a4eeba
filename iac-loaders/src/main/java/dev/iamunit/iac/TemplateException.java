package dev.iamunit.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.SourceLocation;
import org.apiguardian.api.API;

/** A template IAMUnit cannot load: malformed, or using something it cannot evaluate where it must. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TemplateException extends IamUnitException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message, SourceLocation location) {
    super(message, location);
  }

  public TemplateException(String message, SourceLocation location, Throwable cause) {
    super(message, location, cause);
  }
}
