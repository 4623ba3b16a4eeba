package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.model.Account;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What IAMUnit could not read or compute in one version, from its load report: the requests over
 * the account cannot show it, so every report lists it at the top.
 *
 * @param unresolved every value the loaders could not compute
 * @param problems every policy or resource left out because AWS, Terraform or CloudFormation would
 *     reject it, or IAMUnit cannot read it
 * @param couldGrant what could grant access the diff cannot see: each statement whose unresolved
 *     value leaves a request undecided that could be newly allowed, each unresolved value outside
 *     statements and principal names (an attachment, a membership), and every problem (what was
 *     left out may have allowed anything)
 * @param files the files the load read ({@link LoadReport#files()}), so a reader sees what a
 *     folder's detection took as templates and what it skipped
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LoadGaps(List<Unresolved> unresolved, List<LoadReport.Problem> problems, List<Gap> couldGrant, List<String> files) {

  /** A version whose load left nothing out. */
  public static final LoadGaps NONE = new LoadGaps(List.of(), List.of(), List.of());

  public LoadGaps {
    unresolved = List.copyOf(unresolved);
    problems = List.copyOf(problems);
    couldGrant = List.copyOf(couldGrant);
    files = List.copyOf(files);
  }

  /** Gaps found outside a load (the comparison's own), naming no files. */
  public LoadGaps(List<Unresolved> unresolved, List<LoadReport.Problem> problems, List<Gap> couldGrant) {
    this(unresolved, problems, couldGrant, List.of());
  }

  /**
   * Something IAMUnit could not evaluate, where it is and what it is.
   *
   * @param identity what it is wherever it is written, when that is all it can grant: an unresolved
   *     value's expression and why ({@link #of(Unresolved)}); the same in the base gives no new
   *     access. Empty for a policy left out or a statement that depends on a value, whose content
   *     may differ between versions under the same message.
   */
  public record Gap(SourceLocation location, String what, Optional<String> identity) {
    public Gap {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(identity, "identity");
    }

    /** A gap whose every occurrence may grant something new. */
    public Gap(SourceLocation location, String what) {
      this(location, what, Optional.empty());
    }

    /** An unresolved value outside statements, known by its expression and why, not by its file and line. */
    public static Gap of(Unresolved value) {
      return new Gap(value.location(), value.display() + ": " + value.reason(), Optional.of(LoadGaps.identity(value)));
    }

    @Override
    public String toString() {
      return location.fileAndLine() + ": " + what;
    }
  }

  /** An unresolved value's expression and why: what it stands for in any version, wherever written. */
  public static String identity(Unresolved value) {
    return value.expression() + ": " + value.reason();
  }

  public boolean isEmpty() {
    return unresolved.isEmpty() && problems.isEmpty();
  }

  /** These gaps and {@code more}'s, as one version's. */
  public LoadGaps plus(LoadGaps more) {
    return new LoadGaps(
        concat(unresolved, more.unresolved), concat(problems, more.problems), concat(couldGrant, more.couldGrant),
        concat(files, more.files));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * The gaps of a load. A value inside a statement could grant access only through a request whose
   * decision depends on it, which the diff finds ({@code AccessDiffer}); a value elsewhere (a
   * policy ARN an attachment names, a group a user joins) and a problem (a policy left out) change
   * which policies apply at all, so each could grant access no request shows.
   */
  public static LoadGaps of(LoadedSources loaded) {
    Set<Unresolved> inStatements = new HashSet<>();
    // A name CloudFormation or Terraform generates names a principal whose policies are loaded:
    // by itself it grants nothing.
    List<String> names = new ArrayList<>();
    for (Account account : loaded.accounts().all()) {
      for (Policy policy : AccountPolicies.of(account)) {
        for (Statement statement : policy.statements()) {
          inStatements.addAll(statement.unresolved());
        }
      }
      account.users().values().forEach(u -> names.add(u.name() + " " + u.arn()));
      account.groups().values().forEach(g -> names.add(g.name() + " " + g.arn()));
      account.roles().values().forEach(r -> names.add(r.name() + " " + r.arn()));
    }
    List<Gap> couldGrant = new ArrayList<>();
    for (Unresolved value : loaded.report().unresolved()) {
      boolean principalName = names.stream().anyMatch(n -> n.contains(value.placeholder()));
      if (!inStatements.contains(value) && !principalName) {
        couldGrant.add(Gap.of(value));
      }
    }
    for (LoadReport.Problem problem : loaded.report().problems()) {
      couldGrant.add(new Gap(problem.location(), "left out: " + problem.message()));
    }
    return new LoadGaps(loaded.report().unresolved(), loaded.report().problems(), couldGrant, loaded.report().files());
  }
}
