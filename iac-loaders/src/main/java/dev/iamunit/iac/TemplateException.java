package dev.iamunit.iac;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.SourceLocation;

/** A template IAMUnit cannot load: malformed, or using something it cannot evaluate where it must. */
public final class TemplateException extends IamUnitException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message, SourceLocation location) {
    super(message, location);
  }

  public TemplateException(String message, SourceLocation location, Throwable cause) {
    super(message, location, cause);
  }
}
