package dev.iamunit.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * An account folder ({@link LoadOptions#accountFolders()}) mapped to a name that names no account
 * of the organization the sources declare, or several: the message says which and what to do, so
 * that a tool can name the option its user wrote the mapping in.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AccountFolderException extends IamUnitException {
  private static final long serialVersionUID = 1L;

  private final transient Path folder;
  private final String name;

  AccountFolderException(Path folder, String name, String message) {
    super(message);
    this.folder = folder;
    this.name = name;
  }

  /** The folder, absolute. */
  public Path folder() {
    return folder;
  }

  /** The account name it is mapped to. */
  public String name() {
    return name;
  }
}
