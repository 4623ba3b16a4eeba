package dev.iamunit.testfiles;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Folder trees for tests: a test that edits a template (a pull request's change, a broken copy)
 * edits a copy of the fixture, never the fixture.
 */
@API(status = INTERNAL, since = "0.1")
public final class FileTrees {

  private FileTrees() {}

  /**
   * Copies {@code from}, every file and folder below it, to {@code to}, creating {@code to}; returns
   * {@code to}. A file that exists at the target is an error, so a test never copies over its own
   * edits.
   */
  public static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        // relativize(...).toString(): from and to may be on different file systems (a zip, a jimfs).
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }
}
