package dev.iamunit.fuzzing;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apiguardian.api.API;

/**
 * Deterministic damage to a well-formed input, the kinds a fuzzer tries first: a byte replaced by
 * one that matters to JSON or YAML (or by invalid UTF-8), the input cut short, a slice repeated or
 * removed. The same seed gives the same mutations on every run, so a failure reproduces. Shared
 * with iac-loaders' tests through policy-engine's test jar.
 */
@API(status = INTERNAL, since = "0.1")
public final class Mutations {

  /** Bytes that change structure: brackets, quotes, separators, line ends, escapes, bad UTF-8. */
  private static final byte[] INTERESTING = {
    '{', '}', '[', ']', '"', '\'', ':', ',', '\\', '\n', '\r', '\t', ' ', '-', '*', '&', '!', '#', '|', '>', '0', 0,
    (byte) 0xC3, (byte) 0xFF, (byte) 0xE2, (byte) 0x80
  };

  private Mutations() {}

  /** {@code count} mutants of {@code seed}, the same ones for the same seed and count. */
  public static List<byte[]> of(byte[] seed, int count) {
    Random random = new Random(Arrays.hashCode(seed));
    List<byte[]> mutants = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      mutants.add(switch (i % 5) {
        case 0 -> replaceByte(seed, random);
        case 1 -> truncate(seed, random);
        case 2 -> duplicateSlice(seed, random);
        case 3 -> removeSlice(seed, random);
        default -> replaceByte(replaceByte(seed, random), random);
      });
    }
    return mutants;
  }

  private static byte[] replaceByte(byte[] seed, Random random) {
    if (seed.length == 0) {
      return new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]};
    }
    byte[] copy = seed.clone();
    copy[random.nextInt(copy.length)] = INTERESTING[random.nextInt(INTERESTING.length)];
    return copy;
  }

  private static byte[] truncate(byte[] seed, Random random) {
    return Arrays.copyOf(seed, seed.length == 0 ? 0 : random.nextInt(seed.length));
  }

  private static byte[] duplicateSlice(byte[] seed, Random random) {
    if (seed.length == 0) {
      return seed;
    }
    int from = random.nextInt(seed.length);
    int to = from + random.nextInt(Math.min(seed.length - from, 200) + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(seed.length + to - from);
    out.write(seed, 0, to);
    out.write(seed, from, seed.length - from);
    return out.toByteArray();
  }

  private static byte[] removeSlice(byte[] seed, Random random) {
    if (seed.length == 0) {
      return seed;
    }
    int from = random.nextInt(seed.length);
    int to = from + random.nextInt(Math.min(seed.length - from, 200) + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(seed.length);
    out.write(seed, 0, from);
    out.write(seed, to, seed.length - to);
    return out.toByteArray();
  }
}
