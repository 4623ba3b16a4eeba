package dev.iamunit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.IamUnitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs the policy parser is fuzzed from, and the property every input must have. Seeds are
 * read at test time from ../shared/seeds (AWS documentation pages, not ours to copy): each page as
 * it is, and each JSON policy in it.
 */
public final class PolicyInputs {

  static final String FILE = "fuzz/policy.json";

  private PolicyInputs() {}

  static Path seedFolder() {
    return Path.of(System.getProperty("iamunit.shared", "../../shared"), "seeds").toAbsolutePath().normalize();
  }

  /** Every seed page, and every JSON object in it that declares a Version. */
  static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (String page : pages()) {
      seeds.add(page.getBytes(StandardCharsets.UTF_8));
      policiesIn(page).forEach(policy -> seeds.add(policy.getBytes(StandardCharsets.UTF_8)));
    }
    return seeds;
  }

  /** The seed policies: every JSON object of the seed pages that declares a Version. */
  public static List<String> policies() {
    return pages().stream().flatMap(page -> policiesIn(page).stream()).toList();
  }

  private static List<String> pages() {
    List<String> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(seedFolder())) {
      for (Path page : files.sorted().toList()) {
        pages.add(Files.readString(page, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the seeds in " + seedFolder(), e);
    }
    return pages;
  }

  private static List<String> policiesIn(String page) {
    List<String> policies = new ArrayList<>();
    int version = page.indexOf("\"Version\"");
    while (version >= 0) {
      int start = page.lastIndexOf('{', version);
      int end = closingBrace(page, start);
      if (start >= 0 && end > start) {
        policies.add(page.substring(start, end));
        version = page.indexOf("\"Version\"", end);
      } else {
        version = page.indexOf("\"Version\"", version + 1);
      }
    }
    return policies;
  }

  private static int closingBrace(String text, int start) {
    int depth = 0;
    for (int i = Math.max(start, 0); i < text.length(); i++) {
      if (text.charAt(i) == '{') {
        depth++;
      } else if (text.charAt(i) == '}' && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * The property: any bytes either parse, as every kind of policy, or are rejected with an {@link
   * IamUnitException} that names the file and a line and says what is wrong. Any other exception
   * escapes and fails the caller.
   */
  static void parsesOrFailsClearly(byte[] input) {
    String json = new String(input, StandardCharsets.UTF_8);
    for (PolicyKind kind : PolicyKind.values()) {
      try {
        PolicyParser.parse(json, FILE, kind, "fuzzed");
      } catch (IamUnitException e) {
        assertThat(e.location()).as("location of: %s", e.getMessage()).hasValueSatisfying(at -> {
          assertThat(at.file()).isEqualTo(FILE);
          assertThat(at.line()).isPositive();
        });
        assertThat(e.getMessage()).startsWith(e.location().get() + ": ").hasSizeGreaterThan(e.location().get().toString().length() + 10);
      }
    }
  }
}
