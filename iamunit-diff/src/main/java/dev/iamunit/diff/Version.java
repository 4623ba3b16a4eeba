package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apiguardian.api.API;

/**
 * One version of the repository as a folder: a folder given as such, or a git revision extracted
 * with {@code git archive} into a temporary folder that {@link #close()} deletes. Only the git
 * command line is used, as the user's own git would.
 *
 * @param name how the user named it
 * @param root the folder the version's sources are relative to
 * @param temporary whether {@code root} was extracted and is deleted on close
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Version(String name, Path root, boolean temporary) implements AutoCloseable {

  /**
   * {@code spec} as an existing folder, or else as a revision of the git repository at {@code
   * repository} ({@code origin/main}, {@code HEAD~1}, a commit).
   */
  public static Version resolve(String spec, Path repository) {
    Path folder = Path.of(spec);
    if (!folder.isAbsolute()) {
      folder = repository.resolve(spec);
    }
    if (Files.isDirectory(folder)) {
      return new Version(spec, folder.normalize(), false);
    }
    return fromGit(spec, repository);
  }

  /** The tree of {@code revision}, extracted into a new temporary folder. */
  public static Version fromGit(String revision, Path repository) {
    Path root;
    try {
      root = Files.createTempDirectory("iamunit-diff-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String prefix = git(repository, "rev-parse", "--show-prefix").strip();
    Path archive = root.resolve(".iamunit-archive.zip");
    git(repository, "archive", "--format=zip", "--output=" + archive.toAbsolutePath(), revision + ":" + (prefix.isEmpty() ? "" : prefix));
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
          continue;
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
      }
      Files.delete(archive);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Version(revision, root, true);
  }

  /** {@code git revision origin/main} or {@code folder ../before}: the version as the user named it. */
  public String describe() {
    return (temporary ? "git revision " : "folder ") + name;
  }

  /** Runs git in {@code repository}; its standard output, or a message naming what git said. */
  static String git(Path repository, String... arguments) {
    List<String> command = Stream.concat(Stream.of("git", "-C", repository.toString()), Stream.of(arguments)).toList();
    Path errors = null;
    try {
      errors = Files.createTempFile("iamunit-git-", ".err");
      // Standard error goes to a file, so that neither stream can fill up and block git.
      Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
      process.getOutputStream().close();
      byte[] out;
      try (InputStream stdout = process.getInputStream()) {
        out = stdout.readAllBytes();
      }
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IamUnitException("\"git " + String.join(" ", arguments) + "\" failed in " + repository + ": "
            + Files.readString(errors, StandardCharsets.UTF_8).strip()
            + "; give an existing folder or a git revision of that repository");
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IamUnitException("cannot run git (" + e.getMessage() + "); give folders instead of git revisions");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IamUnitException("interrupted while running git");
    } finally {
      if (errors != null) {
        errors.toFile().delete();
      }
    }
  }

  @Override
  public void close() {
    if (!temporary || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
