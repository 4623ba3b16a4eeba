package dev.iamunit.assertj;

import dev.iamunit.aws.AwsData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The list of AWS's actions a test was written against, kept in the user's repository: the bundled
 * data has no history of when AWS added an action, so a test records the catalog it knew. An
 * allowed action the snapshot lacks was added to AWS's catalog after it ("catalog drift"). The
 * file is one action a line, sorted, after a header that names the iam-data version, the count and
 * a SHA-256 of the list; when the file does not exist, the current catalog is written to it.
 */
final class CatalogSnapshot {

  private static final String HEADER = "# IAMUnit catalog snapshot: the actions of AWS's Service Authorization Reference a test was written against";

  private final Path file;
  private final String version;
  private final Set<String> actions;

  private CatalogSnapshot(Path file, String version, Set<String> actions) {
    this.file = file;
    this.version = version;
    this.actions = actions;
  }

  /**
   * The snapshot at {@code file}, which messages name {@code shown} (as the test wrote it); the
   * bundled catalog, written there first when there is none.
   */
  static CatalogSnapshot at(Path file, Path shown) {
    try {
      if (!Files.exists(file)) {
        write(file);
      }
      String version = "an unknown version";
      Set<String> actions = new TreeSet<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String text = line.strip();
        if (text.startsWith("# iam-data ")) {
          version = "iam-data " + text.substring("# iam-data ".length()).split(",", 2)[0];
        } else if (!text.isEmpty() && !text.startsWith("#")) {
          actions.add(text.toLowerCase(Locale.ROOT));
        }
      }
      return new CatalogSnapshot(shown, version, actions);
    } catch (IOException e) {
      // A path the test chose: a failure that says so, not a stack trace.
      throw new AssertionError("cannot read or write the catalog snapshot " + file + " (" + e + "): give asOfCatalog a file the test may write", e);
    }
  }

  private static void write(Path file) throws IOException {
    List<String> catalog = AwsData.bundled().expandActionPattern("*");
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.add("# iam-data " + AwsData.bundled().versions().iamData() + ", " + catalog.size() + " actions, sha256 " + fingerprint(catalog));
    lines.addAll(catalog);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** SHA-256 of the sorted, lower-case list, one action a line: equal catalogs have equal fingerprints. */
  static String fingerprint(List<String> catalog) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      new TreeSet<>(catalog.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList())
          .forEach(a -> digest.update((a + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Whether the snapshot lists {@code action} (ignoring case, as IAM does). */
  boolean knows(String action) {
    return actions.contains(action.toLowerCase(Locale.ROOT));
  }

  /** {@code iam-data 0.21.202609261}, or {@code an unknown version}. */
  String version() {
    return version;
  }

  /** {@code iam-data 0.21.202609261 (src/test/iam/aws-actions.txt, 22091 actions)}. */
  String describe() {
    return version + " (" + file + ", " + actions.size() + " actions)";
  }
}
