package dev.iamunit.oracle.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownDifferencesTests {

  private static final KnownDifferences TABLE = KnownDifferences.parse(List.of(
      "# Known differences",
      "",
      "| Unit | Subject | Kind | Status | Reason |",
      "| --- | --- | --- | --- | --- |",
      "| `*/units/a` | `role x *` | `differs` | open: static-loader bug | first |",
      "| `*` | `role *` | `*` | by format | second, with a \\| bar |"));

  @Test
  void readsTheRowsOfTheTable() {
    assertThat(TABLE.rows()).extracting(KnownDifferences.Row::unit, KnownDifferences.Row::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("*/units/a", 5), org.assertj.core.groups.Tuple.tuple("*", 6));
    assertThat(TABLE.rows().get(1).reason()).isEqualTo("second, with a | bar");
  }

  @Test
  void theFirstMatchingRowExplainsADifference() {
    assertThat(TABLE.explain(difference("tools/units/a", "role x trust", Difference.Kind.DIFFERS)))
        .map(KnownDifferences.Row::status).contains("open: static-loader bug");
    assertThat(TABLE.explain(difference("tools/units/a", "role x trust", Difference.Kind.MISSING_IN_STATIC)))
        .map(KnownDifferences.Row::status).contains("by format");
    assertThat(TABLE.explain(difference("tools/units/b", "user y arn", Difference.Kind.DIFFERS))).isEmpty();
  }

  @Test
  void globsMatchLiterallyApartFromTheStar() {
    KnownDifferences table = KnownDifferences.parse(List.of("| Unit | Subject | Kind | Status | Reason |", "| --- |",
        "| `*` | `policy a.b[\"k\"] (x)` | `*` | s | r |"));
    assertThat(table.explain(difference("u", "policy a.b[\"k\"] (x)", Difference.Kind.DIFFERS))).isPresent();
    assertThat(table.explain(difference("u", "policy aXb[\"k\"] (x)", Difference.Kind.DIFFERS))).isEmpty();
  }

  @Test
  void theProjectsTableParses() {
    assertThat(KnownDifferences.read(Path.of("KNOWN_DIFFERENCES.md")).rows()).isNotEmpty()
        .allSatisfy(row -> assertThat(row.reason()).isNotBlank());
  }

  private static Difference difference(String unit, String subject, Difference.Kind kind) {
    return new Difference(unit, subject, kind, "", "");
  }
}
