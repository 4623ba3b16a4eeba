package dev.iamunit.junit.internal;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Account;
import java.nio.file.Path;
import java.util.List;

/**
 * The extension's one way into the loaders: loads sources of one {@link SourceKind} into an
 * {@link Account}. {@link SourceLoaders} finds the implementations: first those registered with
 * {@link java.util.ServiceLoader} under this interface's name, then the built-in bridges to the
 * {@code iac-loaders} classes.
 *
 * <p>A user's mistake in a template is an {@code IamUnitException} whose message names the file
 * and line; the extension turns it into a failed test.
 */
public interface SourceLoader {

  SourceKind kind();

  /** Whether this loader reads {@code path}; a registered loader may take only some files. */
  default boolean accepts(Path path) {
    return true;
  }

  /** Loads existing files or folders, all of this loader's kind, into one account. */
  Account load(List<Path> paths, LoadOptions options);
}
