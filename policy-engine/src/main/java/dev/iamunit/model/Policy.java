package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An IAM policy document.
 *
 * @param name how the user knows it: a policy name, a template address, or the file
 * @param version the {@code Version} element as written, or empty when absent
 * @param id the {@code Id} element
 * @param statements in document order
 * @param location where the document starts
 * @param unreadable statements that exist but could not be read, because a loader could not
 *     compute what they are built from (their Effect, their whole Action): any of them could
 *     allow or deny anything, so a decision that is not already an explicit deny fails on them
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Policy(
    String name,
    Optional<String> version,
    Optional<String> id,
    List<Statement> statements,
    SourceLocation location,
    List<Unresolved> unreadable) {

  /** The current policy language version, the only one with policy variables. */
  public static final String VERSION_2012 = "2012-10-17";

  /** The older version, the default when {@code Version} is absent. */
  public static final String VERSION_2008 = "2008-10-17";

  public Policy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(id, "id");
    statements = List.copyOf(statements);
    Objects.requireNonNull(location, "location");
    unreadable = List.copyOf(unreadable);
  }

  /** A policy whose every statement was read. */
  public Policy(String name, Optional<String> version, Optional<String> id, List<Statement> statements, SourceLocation location) {
    this(name, version, id, statements, location, List.of());
  }

  /**
   * "If you do not include the Version element, the value defaults to 2008-10-17 ... policy
   * variables are treated as literal strings" (IAM User Guide, IAM JSON policy elements: Version).
   */
  public boolean substitutesVariables() {
    return version.map(VERSION_2012::equals).orElse(false);
  }

  /** The statement with this Sid. */
  public Optional<Statement> statement(String sid) {
    return statements.stream().filter(s -> s.sid().filter(sid::equals).isPresent()).findFirst();
  }

  /** This policy under another name, as when a template attaches it. */
  public Policy named(String newName) {
    return new Policy(newName, version, id, statements, location, unreadable);
  }
}
