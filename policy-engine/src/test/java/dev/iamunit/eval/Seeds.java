package dev.iamunit.eval;

import dev.iamunit.model.Policy;
import dev.iamunit.policy.PolicyKind;
import dev.iamunit.policy.PolicyParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The policy documents of ../shared/seeds/, read at test time from the AWS pages they are in. */
public final class Seeds {

  private Seeds() {}

  static Path folder() {
    return Path.of(System.getProperty("iamunit.shared", "../../shared"), "seeds");
  }

  /** The JSON policy in seed {@code number} ("000" … "004"). */
  static String json(String number) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder(), number + "_*.txt")) {
      for (Path file : files) {
        String text = Files.readString(file);
        int version = text.indexOf("\"Version\"");
        int start = text.lastIndexOf('{', version);
        return text.substring(start, end(text, start));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no seed " + number + " in " + folder());
  }

  public static Policy policy(String number, String name) {
    return PolicyParser.parse(json(number), "seeds/" + number, PolicyKind.IDENTITY, name);
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
