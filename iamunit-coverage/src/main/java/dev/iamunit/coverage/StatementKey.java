package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Statement;
import java.util.Comparator;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Names one statement the same way in every JVM: where it is written and its position in its
 * policy. The Sid is not part of the key (it is optional and may repeat across policies); it is
 * kept beside the key for display.
 *
 * @param file the template file, as the loader names it
 * @param line 1-based line of the statement, 0 when unknown
 * @param column 1-based column of the statement, 0 when unknown
 * @param index 0-based position of the statement in its policy
 */
@API(status = EXPERIMENTAL)
public record StatementKey(String file, int line, int column, int index) implements Comparable<StatementKey> {

  private static final Comparator<StatementKey> ORDER = Comparator.comparing(StatementKey::file)
      .thenComparingInt(StatementKey::line)
      .thenComparingInt(StatementKey::column)
      .thenComparingInt(StatementKey::index);

  public StatementKey {
    Objects.requireNonNull(file, "file");
  }

  /**
   * The key of a statement of {@code policy}. A policy built in code has no file
   * ({@link SourceLocation#UNKNOWN}); its statements are keyed by the policy's name instead, so
   * two such policies do not share counters.
   */
  public static StatementKey of(Policy policy, Statement statement) {
    SourceLocation location = statement.location();
    String file = location.file().equals(SourceLocation.UNKNOWN.file()) ? "<" + policy.name() + ">" : location.file();
    return new StatementKey(file, location.line(), location.column(), statement.index());
  }

  /** Reads the form {@link #id()} writes. */
  public static StatementKey parse(String id) {
    int hash = id.lastIndexOf('#');
    int columnColon = hash < 0 ? -1 : id.lastIndexOf(':', hash);
    int lineColon = columnColon < 0 ? -1 : id.lastIndexOf(':', columnColon - 1);
    if (lineColon < 0) {
      throw new IllegalArgumentException("not a statement key (file:line:column#index): " + id);
    }
    try {
      return new StatementKey(id.substring(0, lineColon), Integer.parseInt(id.substring(lineColon + 1, columnColon)),
          Integer.parseInt(id.substring(columnColon + 1, hash)), Integer.parseInt(id.substring(hash + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a statement key (file:line:column#index): " + id, e);
    }
  }

  /** {@code terraform/iam.tf:12:5#0}: stable, unique, and what baselines store. */
  public String id() {
    return file + ":" + line + ":" + column + "#" + index;
  }

  /** {@code terraform/iam.tf:12}, the form editors and CI annotations understand. */
  public String fileAndLine() {
    return line > 0 ? file + ":" + line : file;
  }

  @Override
  public int compareTo(StatementKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return id();
  }
}
