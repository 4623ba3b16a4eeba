package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamunit.IamUnitException;
import dev.iamunit.fuzzing.InputTime;
import dev.iamunit.iac.LoadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The property the Terraform fuzz and hostile-input tests check, and the inputs they start from.
 * Every input either loads, or fails with an {@link IamUnitException} that says where and what:
 * anything else (another exception, an error, a hang) is a bug in the loader.
 *
 * <p>Seeds are the shared corpus (third-party code, read from {@code ../shared} at test time and
 * never copied into the repository).
 */
final class TerraformInputs {

  static final Path CORPUS = CorpusTests.CORPUS;

  /** A line that splits a fuzzed input: what follows it is the local module {@code ./child}. */
  static final String CHILD_MODULE_MARKER = "#--- child module\n";

  private TerraformInputs() {}

  /** Every .tf and .tf.json file of the corpus, folders included, in a stable order. */
  static List<Path> sourceSeeds() {
    return files(CORPUS.resolve("terraform"), name -> name.endsWith(".tf") || name.endsWith(".tf.json"));
  }

  /** Every plan of the corpus. */
  static List<Path> planSeeds() {
    return files(CORPUS.resolve("tfplan"), name -> name.endsWith(".json"));
  }

  /** Each source seed once as a root module, and once as a local module the root calls. */
  static Stream<byte[]> sourceSeedBytes() {
    List<byte[]> seeds = new ArrayList<>();
    for (Path seed : sourceSeeds()) {
      byte[] bytes = read(seed);
      seeds.add(bytes);
      if (!seed.toString().endsWith(".json")) {
        seeds.add(concat(("module \"child\" {\n  source = \"./child\"\n  name   = \"x\"\n}\n" + CHILD_MODULE_MARKER)
            .getBytes(StandardCharsets.UTF_8), bytes));
      }
    }
    return seeds.stream();
  }

  /** A small plan of the corpus that holds a policy, as text. */
  static String planSeedText() {
    return new String(read(CORPUS.resolve("tfplan/terraform-compliance__cli__functional__test_issue-115__plan.out.json")),
        StandardCharsets.UTF_8);
  }

  static Stream<byte[]> planSeedBytes() {
    return planSeeds().stream().map(TerraformInputs::read);
  }

  /**
   * Writes a fuzzed input into an empty {@code dir} as a small project: {@code main.tf} (or
   * {@code main.tf.json} when it looks like JSON), and, after {@link #CHILD_MODULE_MARKER}, the
   * local module {@code child/main.tf}.
   */
  static void writeProject(Path dir, byte[] input) throws IOException {
    int split = indexOf(input, CHILD_MODULE_MARKER.getBytes(StandardCharsets.UTF_8));
    byte[] root = split < 0 ? input : java.util.Arrays.copyOfRange(input, 0, split);
    boolean json = root.length > 0 && root[0] == '{';
    Files.write(dir.resolve(json ? "main.tf.json" : "main.tf"), root);
    if (split >= 0) {
      Path child = Files.createDirectories(dir.resolve("child"));
      Files.write(child.resolve("main.tf"), java.util.Arrays.copyOfRange(input, split + CHILD_MODULE_MARKER.length(), input.length));
    }
  }

  /** Loads the project in {@code dir} with the static loader, checking the property. */
  static void loadSourcesChecked(Path dir) {
    withinTime(() -> loadChecked(() -> TerraformLoader.load(dir, LoadOptions.defaults().withProjectRoot(dir))));
  }

  /** Loads {@code plan} with the plan reader, checking the property. */
  static void loadPlanChecked(Path plan) {
    withinTime(() -> loadChecked(() -> TerraformPlanLoader.load(plan, LoadOptions.defaults().withProjectRoot(plan.getParent()))));
  }

  /** Runs {@code load}, failing when it takes longer than {@link InputTime#HANG}: a hang. */
  static void withinTime(Runnable load) {
    InputTime.within(InputTime.HANG, load);
  }

  /** Runs a load: it returns, or fails clearly; any other throwable is rethrown as a finding. */
  static void loadChecked(Runnable load) {
    try {
      load.run();
    } catch (IamUnitException e) {
      assertClear(e);
    }
  }

  static void assertClear(IamUnitException e) {
    assertThat(e.location()).as("location of: %s", e.getMessage()).isPresent();
    assertThat(e.getMessage()).as("message").isNotBlank();
  }

  /** Empties {@code dir}, keeping the folder. */
  static void clear(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> files(Path dir, java.util.function.Predicate<String> name) {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).filter(p -> name.test(p.getFileName().toString())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("the shared corpus is missing at " + dir + "; pass -Diamunit.shared=DIR", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
