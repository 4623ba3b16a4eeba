package dev.iamunit.diff;

import dev.iamunit.iac.SourceFormats;
import java.nio.file.Path;
import java.util.List;

/** The handcrafted base/head pairs under {@code src/test/resources/changes}, diffed. */
final class Changes {

  static final Path ROOT = Path.of("src/test/resources/changes");

  private Changes() {}

  static AccessDiff diff(String kind) {
    Path pair = ROOT.resolve(kind);
    return AccessDiffer.standard().compare(
        new Version("base", pair.resolve("base"), false), new Version("head", pair.resolve("head"), false), List.of(),
        SourceFormats.standard());
  }

  /** {@code NEWLY_ALLOWED user alice s3:PutObject arn:aws:s3:::reports/example ACCESS_KEYS}. */
  static List<String> rows(AccessDiff diff, Change... changes) {
    List<Change> wanted = List.of(changes);
    return diff.rows().stream()
        .filter(r -> wanted.contains(r.change()))
        .map(r -> r.change() + " " + r.principal() + " " + r.action() + " " + r.resource() + " " + r.credentials()
            + (r.context().isEmpty() ? "" : " " + r.context()))
        .toList();
  }
}
