package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The statements a team accepts as missed while it adopts the gate, like ArchUnit's frozen
 * violations: missed statements listed here are tolerated, new misses fail, and entries that are
 * covered now are reported so the file can shrink.
 *
 * <p>The file is text, one statement per line, {@code file<TAB>policy<TAB>Sid} (or {@code #index}
 * for a statement without a Sid), and for a statement coverage counts per account (an SCP or RCP
 * statement, or one deployed in several accounts: {@link StatementKey}) {@code <TAB>account}, the
 * id of the account it is missed in; {@code #} starts a comment line. Entries name statements by
 * Sid rather than line, so editing a template above a statement does not break the baseline. Such
 * an entry without an account (a baseline written before coverage counted the statement per
 * account) tolerates the statement in every account; {@link CoverageCheck} says so in a note,
 * until the baseline is written again.
 */
@API(status = EXPERIMENTAL)
public final class Baseline {

  private final Set<String> entries;

  private Baseline(Collection<String> entries) {
    this.entries = new TreeSet<>(entries);
  }

  public static Baseline empty() {
    return new Baseline(List.of());
  }

  /** The statements missed in this analysis: the baseline to start from. */
  public static Baseline of(CoverageAnalysis analysis) {
    return new Baseline(analysis.total().missed().stream().map(Baseline::entry).toList());
  }

  public static Baseline read(Path file) {
    try {
      List<String> entries = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          entries.add(line.strip());
        }
      }
      return new Baseline(entries);
    } catch (IOException e) {
      throw new CoverageDataException("cannot read the coverage baseline " + file + ": " + e.getMessage());
    }
  }

  public Path write(Path file) {
    StringBuilder text = new StringBuilder("# IAMUnit coverage baseline: statements missed when the gate was adopted.\n"
        + "# file<TAB>policy<TAB>Sid or #index[<TAB>account of a statement counted per account]. Remove lines as tests cover them;"
        + " never add new ones.\n");
    entries.forEach(e -> text.append(e).append('\n'));
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  /** The line that names a statement in a baseline. */
  public static String entry(StatementCoverage statement) {
    String entry = accountless(statement);
    return statement.key().inAccount() ? entry + "\t" + statement.key().account() : entry;
  }

  /** The entry of a statement counted per account as a baseline written before coverage counted it so names it. */
  private static String accountless(StatementCoverage statement) {
    return statement.key().file() + "\t" + statement.policy() + "\t" + statement.sid().orElse("#" + statement.key().index());
  }

  public boolean tolerates(StatementCoverage statement) {
    return toleratedBy(statement).isPresent();
  }

  /**
   * The entry that tolerates {@code statement}: its own, or for a statement counted per account an
   * entry without an account, which tolerates it in every account.
   */
  public Optional<String> toleratedBy(StatementCoverage statement) {
    String own = entry(statement);
    if (entries.contains(own)) {
      return Optional.of(own);
    }
    String accountless = accountless(statement);
    return statement.key().inAccount() && entries.contains(accountless) ? Optional.of(accountless) : Optional.empty();
  }

  public Set<String> entries() {
    return Set.copyOf(entries);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
