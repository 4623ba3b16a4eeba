package dev.iamunit.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.IamUnitException;
import dev.iamunit.iac.LoadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs the CloudFormation loader is fuzzed from, and the property every input must have.
 * Seeds are read at test time from ../shared (third-party files, not ours to copy): the
 * CloudFormation templates MANIFEST.tsv lists, and the policies of ../shared/seeds wrapped in a
 * template.
 */
final class CloudFormationInputs {

  private static final Path SHARED = Path.of(System.getProperty("iamunit.shared", "../../shared")).toAbsolutePath().normalize();

  /** One folder per JVM: the fuzzer writes each input to the same file in it. */
  private static final Path FOLDER = folder();

  private CloudFormationInputs() {}

  private static Path folder() {
    try {
      Path folder = Files.createTempDirectory("iamunit-fuzz");
      folder.toFile().deleteOnExit();
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<byte[]> jsonSeeds() {
    List<byte[]> seeds = corpus(".json");
    policies().forEach(policy -> seeds.add(("{\"Resources\": {\"Policy\": {\"Type\": \"AWS::IAM::ManagedPolicy\",\n"
        + "\"Properties\": {\"PolicyDocument\": " + policy + "}}}}").getBytes(StandardCharsets.UTF_8)));
    return seeds;
  }

  static List<byte[]> yamlSeeds() {
    List<byte[]> seeds = corpus(".yaml");
    seeds.addAll(corpus(".yml"));
    seeds.addAll(corpus(".template"));
    policies().forEach(policy -> seeds.add(("Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n"
        + "      PolicyDocument:\n" + policy.indent(8)).getBytes(StandardCharsets.UTF_8)));
    return seeds;
  }

  /** The CloudFormation files of MANIFEST.tsv whose name ends in {@code extension}. */
  private static List<byte[]> corpus(String extension) {
    Path corpus = SHARED.resolve("corpus");
    try (Stream<String> lines = Files.lines(corpus.resolve("MANIFEST.tsv"))) {
      List<byte[]> seeds = new ArrayList<>();
      for (String path : lines.map(line -> line.split("\t", 2)[0]).filter(p -> p.startsWith("cloudformation/")).toList()) {
        if (path.endsWith(extension)) {
          seeds.add(Files.readAllBytes(corpus.resolve(path)));
        }
      }
      return seeds;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus in " + corpus, e);
    }
  }

  /** The JSON policies in the AWS documentation pages of ../shared/seeds. */
  private static List<String> policies() {
    List<String> policies = new ArrayList<>();
    try (Stream<Path> pages = Files.list(SHARED.resolve("seeds"))) {
      for (Path page : pages.sorted().toList()) {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        for (int version = text.indexOf("\"Version\""); version >= 0; version = text.indexOf("\"Version\"", version + 1)) {
          int start = text.lastIndexOf('{', version);
          int depth = 0;
          for (int i = start; i >= 0 && i < text.length(); i++) {
            depth += text.charAt(i) == '{' ? 1 : text.charAt(i) == '}' ? -1 : 0;
            if (depth == 0) {
              policies.add(text.substring(start, i + 1));
              break;
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the seeds in " + SHARED, e);
    }
    return policies;
  }

  /** The input as a JSON template: the loader reads a file as JSON when it starts with a brace. */
  static void jsonLoadsOrFailsClearly(byte[] input) {
    loadsOrFailsClearly(startsWithBrace(input) ? input : concat(new byte[] {'{'}, input), "template.json");
  }

  /** The input as a YAML template: a comment first keeps a leading brace from making it JSON. */
  static void yamlLoadsOrFailsClearly(byte[] input) {
    loadsOrFailsClearly(startsWithBrace(input) ? concat("# flow\n".getBytes(StandardCharsets.UTF_8), input) : input,
        "template.yaml");
  }

  /**
   * The property: a template either loads or is rejected with an {@link IamUnitException} that
   * names the file and a line and says what is wrong. Any other exception escapes and fails the
   * caller.
   */
  static void loadsOrFailsClearly(byte[] template, String name) {
    Path file = FOLDER.resolve(name);
    try {
      Files.write(file, template);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      CloudFormationLoader.report(List.of(file), LoadOptions.defaults().withProjectRoot(FOLDER))
          .problems()
          .forEach(problem -> assertThat(problem.location().file()).isEqualTo(name));
    } catch (IamUnitException e) {
      assertThat(e.location()).as("location of: %s", e.getMessage()).hasValueSatisfying(at -> {
        assertThat(at.file()).isEqualTo(name);
        assertThat(at.line()).as("line of: %s", e.getMessage()).isPositive();
      });
      assertThat(e.getMessage()).startsWith(e.location().get() + ": ").hasSizeGreaterThan(e.location().get().toString().length() + 10);
    }
  }

  private static boolean startsWithBrace(byte[] input) {
    for (byte b : input) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return b == '{';
      }
    }
    return false;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
