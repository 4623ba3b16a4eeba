package dev.iamunit.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz property in the regular build: each corpus seed and a fixed set of mutations of it
 * (byte flips, truncations, duplicated and deleted lines, stray brackets) load or fail with a
 * located {@code IamUnitException}. The mutations are seeded by the file name, so a failure
 * reproduces; Jazzer explores further on demand ({@link TerraformFuzzTests}).
 */
class SeedMutationTests {

  /** Enough to reach most error paths of each seed while the whole class stays within seconds. */
  private static final int FLIPS = 6;

  static Stream<Path> sources() {
    return TerraformInputs.sourceSeeds().stream();
  }

  static Stream<Path> plans() {
    return TerraformInputs.planSeeds().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void mutatedSourcesLoadOrFailClearly(Path seed, @TempDir Path dir) throws IOException {
    for (byte[] input : mutations(seed)) {
      TerraformInputs.clear(dir);
      TerraformInputs.writeProject(dir, input);
      check(seed, input, () -> TerraformInputs.loadSourcesChecked(dir));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void mutatedPlansLoadOrFailClearly(Path seed, @TempDir Path dir) throws IOException {
    for (byte[] input : mutations(seed)) {
      Path plan = Files.write(dir.resolve("plan.json"), input);
      check(seed, input, () -> TerraformInputs.loadPlanChecked(plan));
    }
  }

  /** The seed itself, then deterministic damage to it. */
  static List<byte[]> mutations(Path seed) {
    byte[] original = TerraformInputs.read(seed);
    Random random = new Random(seed.getFileName().toString().hashCode());
    List<byte[]> out = new ArrayList<>();
    out.add(original);
    if (original.length == 0) {
      return out;
    }
    for (int i = 0; i < FLIPS; i++) {
      byte[] flipped = original.clone();
      flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
      out.add(flipped);
    }
    for (int cut : new int[] {1, original.length / 3, original.length / 2, original.length - 1}) {
      out.add(Arrays.copyOf(original, Math.max(0, cut)));
    }
    String text = new String(original, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (!lines.isEmpty()) {
      int at = random.nextInt(lines.size());
      List<String> duplicated = new ArrayList<>(lines);
      duplicated.add(at, lines.get(at));
      out.add(String.join("\n", duplicated).getBytes(StandardCharsets.UTF_8));
      List<String> deleted = new ArrayList<>(lines);
      deleted.remove(random.nextInt(deleted.size()));
      out.add(String.join("\n", deleted).getBytes(StandardCharsets.UTF_8));
      List<String> crlf = lines;
      out.add(String.join("\r\n", crlf).getBytes(StandardCharsets.UTF_8));
    }
    for (String stray : new String[] {"[", "{", "(", "\"", "${", "%{", "<<EOF", "\u0000", "\uFEFF", "-", "!"}) {
      int at = random.nextInt(text.length() + 1);
      out.add((text.substring(0, at) + stray + text.substring(at)).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  /**
   * Names the seed and shows the input's start when a mutation breaks the property; a loader
   * printing anything (it never writes to stdout or stderr) breaks it too.
   */
  private static void check(Path seed, byte[] input, Runnable load) {
    java.io.PrintStream out = System.out;
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    try {
      System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
      System.setErr(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
      load.run();
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("a mutation of " + seed.getFileName() + " (" + preview(input) + "): " + e, e);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).as("printed while loading a mutation of %s", seed.getFileName()).isEmpty();
  }

  private static String preview(byte[] input) {
    String text = new String(input, 0, Math.min(input.length, 200), StandardCharsets.UTF_8);
    return text.replace("\n", "\\n");
  }
}
