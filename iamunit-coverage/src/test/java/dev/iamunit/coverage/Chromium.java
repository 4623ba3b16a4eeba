package dev.iamunit.coverage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium for the HTML report tests, installed with apt-get when missing (as
 * root). The test is skipped, saying why, only when it cannot be installed.
 */
final class Chromium {

  private static final Path BINARY = Path.of("/usr/bin/chromium");

  private Chromium() {}

  static synchronized void assumeInstalled() {
    if (Files.isExecutable(BINARY)) {
      return;
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    assumeTrue(root, "Chromium is not installed at " + BINARY + " and installing it needs root: run apt-get install -y chromium");
    String log = run(List.of("apt-get", "install", "-y", "-q", "chromium"), 600);
    if (!Files.isExecutable(BINARY)) {
      log = run(List.of("apt-get", "update", "-q"), 300) + run(List.of("apt-get", "install", "-y", "-q", "chromium"), 600);
    }
    assumeTrue(Files.isExecutable(BINARY), "Chromium could not be installed with apt-get install -y chromium:\n" + log);
  }

  /** The DOM of a page after loading it. */
  static String dumpDom(Path page, Path profile) {
    return run(command(profile, "--dump-dom", page.toUri().toString()), 120);
  }

  /** The DOM of a page after loading it in a window {@code width} pixels wide (900 high). */
  static String dumpDom(Path page, Path profile, int width) {
    return run(command(profile, "--window-size=" + width + ",900", "--dump-dom", page.toUri().toString()), 120);
  }

  /** A PNG of a page in a 1280x900 window. */
  static void screenshot(Path page, Path png, Path profile) {
    run(command(profile, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,900", page.toUri().toString()), 120);
  }

  private static List<String> command(Path profile, String... arguments) {
    List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile.toAbsolutePath()));
    command.addAll(List.of(arguments));
    return command;
  }

  private static String run(List<String> command, int seconds) {
    try {
      Path output = Files.createTempFile("iamunit-chromium", ".out");
      Process process = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(output.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out after " + seconds + " s: " + String.join(" ", command));
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      Files.delete(output);
      return text;
    } catch (IOException e) {
      return "could not run " + command.get(0) + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
