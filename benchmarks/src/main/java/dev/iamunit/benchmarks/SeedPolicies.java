package dev.iamunit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON policy printed in a seed page of {@code shared/seeds/}. The same extraction as the
 * policy engine's test helper {@code Seeds}, which benchmarks cannot reach: the engine publishes
 * no test jar.
 */
final class SeedPolicies {

  private SeedPolicies() {}

  /** The first policy document (the object holding {@code "Version"}) in seed {@code number}. */
  static String json(String number) {
    Path folder = SharedFolder.resolve("seeds");
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, number + "_*.txt")) {
      for (Path file : files) {
        String text = Files.readString(file);
        int start = text.lastIndexOf('{', text.indexOf("\"Version\""));
        return text.substring(start, end(text, start));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no seed " + number + " in " + folder);
  }

  private static int end(String text, int start) {
    int depth = 0;
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) == '{') {
        depth++;
      } else if (text.charAt(i) == '}' && --depth == 0) {
        return i + 1;
      }
    }
    throw new IllegalStateException("unbalanced JSON in seed");
  }
}
