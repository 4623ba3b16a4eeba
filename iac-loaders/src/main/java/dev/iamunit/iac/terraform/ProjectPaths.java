package dev.iamunit.iac.terraform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Paths a configuration names ({@code file()}, {@code templatefile()}, a local module's
 * {@code source}), kept inside the project root. Symbolic links are followed before the check, so a
 * link inside the project that points outside it is refused like {@code ../..}.
 */
final class ProjectPaths {

  private ProjectPaths() {}

  /** {@code name} against {@code base}, or empty when it is no valid path on this system (a NUL byte, say). */
  static Optional<Path> resolve(Path base, String name) {
    try {
      return Optional.of(base.resolve(name).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code path}, with links followed as far as it exists, is inside {@code root}. */
  static boolean isInside(Path path, Path root) {
    Path realRoot = real(root.toAbsolutePath().normalize());
    return real(path.toAbsolutePath().normalize()).startsWith(realRoot);
  }

  /** The real path of the longest existing prefix of {@code path}, with the rest appended. */
  private static Path real(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(path)).normalize();
    } catch (IOException e) {
      return path;
    }
  }
}
