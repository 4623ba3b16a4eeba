package dev.iamunit.oracle.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The table of KNOWN_DIFFERENCES.md: each row names units and subjects by glob ({@code *} matches
 * anything), the kind of difference, its status and its reason. The first matching row explains a
 * difference; a difference no row explains is new, and fails the run.
 */
final class KnownDifferences {

  /** One row of the table. */
  record Row(String unit, String subject, String kind, String status, String reason, int line) {

    boolean matches(Difference difference) {
      return glob(unit).matcher(difference.unit()).matches()
          && glob(subject).matcher(difference.subject()).matches()
          && (kind.equals("*") || kind.equals(difference.kind().label));
    }

    private static Pattern glob(String glob) {
      List<String> parts = new ArrayList<>();
      for (String part : glob.split("\\*", -1)) {
        parts.add(Pattern.quote(part));
      }
      return Pattern.compile(String.join(".*", parts), Pattern.DOTALL);
    }
  }

  private final List<Row> rows;

  KnownDifferences(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  List<Row> rows() {
    return rows;
  }

  /** The rows of the first Markdown table whose header starts with "Unit". */
  static KnownDifferences read(Path markdown) {
    try {
      return parse(Files.readAllLines(markdown, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static KnownDifferences parse(List<String> lines) {
    List<Row> rows = new ArrayList<>();
    boolean inTable = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.startsWith("|")) {
        inTable = false;
        continue;
      }
      List<String> cells = cells(line);
      if (!inTable) {
        inTable = !cells.isEmpty() && cells.get(0).equalsIgnoreCase("Unit");
        continue;
      }
      if (cells.size() < 5 || cells.get(0).startsWith("---")) {
        continue;
      }
      rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), i + 1));
    }
    return new KnownDifferences(rows);
  }

  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
    for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
      String text = cell.strip().replace("\\|", "|");
      if (text.length() >= 2 && text.startsWith("`") && text.endsWith("`")) {
        text = text.substring(1, text.length() - 1);
      }
      cells.add(text);
    }
    return cells;
  }

  Optional<Row> explain(Difference difference) {
    return rows.stream().filter(r -> r.matches(difference)).findFirst();
  }
}
