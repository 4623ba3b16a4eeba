package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.SourceLocation;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A mistake in one version's sources (a malformed policy, an unresolvable expression): what loading
 * that version threw, its message led by which version it is, {@code in the base (git revision
 * origin/main): main.tf:12: ...}. File names are relative to each version's root, so the same name
 * is often in both versions; the message says which one to fix.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class VersionLoadException extends IamUnitException {
  private static final long serialVersionUID = 1L;

  private final String side;

  VersionLoadException(String side, Version version, IamUnitException mistake) {
    super("in the " + side + " (" + version.describe() + "): " + mistake.getMessage(), null, mistake);
    this.side = side;
  }

  /** {@code base} or {@code head}: the version whose sources hold the mistake. */
  public String side() {
    return side;
  }

  /** Where the mistake is, relative to the version's root, as the load said. */
  @Override
  public Optional<SourceLocation> location() {
    return ((IamUnitException) getCause()).location();
  }
}
