package dev.iamunit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's {@code shared/} folder (seeds, conformance cases), read at run time and never
 * copied: some of it is AGPL. Given by {@code -Diamunit.shared=DIR}, or found as the nearest
 * {@code shared/} with {@code seeds/} in it from the working directory up, the way the test suite
 * finds it beside the repository.
 */
final class SharedFolder {

  private SharedFolder() {}

  static Path path() {
    String given = System.getProperty("iamunit.shared");
    if (given != null) {
      return Path.of(given);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared");
      if (Files.isDirectory(candidate.resolve("seeds"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no shared/ folder with seeds/ above " + Path.of("").toAbsolutePath() + "; pass -Diamunit.shared=DIR");
  }

  static Path resolve(String relative) {
    return path().resolve(relative);
  }
}
