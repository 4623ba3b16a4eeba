package dev.iamunit.diff;

import dev.iamunit.iac.LoadReport;
import dev.iamunit.iac.LoadedSources;
import dev.iamunit.model.Account;
import dev.iamunit.model.Effect;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What IAMUnit could not read or compute in one version, from its load report: the requests over
 * the account cannot show it, so every report lists it at the top.
 *
 * @param unresolved every value the loaders could not compute
 * @param problems every policy or resource left out because AWS, Terraform or CloudFormation would
 *     reject it, or IAMUnit cannot read it
 * @param couldGrant of those, each that could grant access the diff cannot see: an unresolved
 *     value anywhere but in a Deny statement (in an Allow statement, an attachment, a membership),
 *     and every problem (what was left out may have allowed anything)
 */
public record LoadGaps(List<Unresolved> unresolved, List<LoadReport.Problem> problems, List<Gap> couldGrant) {

  /** A version whose load left nothing out. */
  public static final LoadGaps NONE = new LoadGaps(List.of(), List.of(), List.of());

  public LoadGaps {
    unresolved = List.copyOf(unresolved);
    problems = List.copyOf(problems);
    couldGrant = List.copyOf(couldGrant);
  }

  /** Something IAMUnit could not evaluate, where it is and what it is. */
  public record Gap(SourceLocation location, String what) {
    @Override
    public String toString() {
      return location.fileAndLine() + ": " + what;
    }
  }

  public boolean isEmpty() {
    return unresolved.isEmpty() && problems.isEmpty();
  }

  /** The gaps of a load. */
  public static LoadGaps of(LoadedSources loaded) {
    Account account = loaded.account();
    Set<String> inDenies = new HashSet<>();
    List<Gap> couldGrant = new ArrayList<>();
    for (Policy policy : AccountPolicies.of(account)) {
      for (Statement statement : policy.statements()) {
        if (statement.unresolved().isEmpty()) {
          continue;
        }
        if (statement.effect() == Effect.DENY) {
          statement.unresolved().forEach(u -> inDenies.add(u.placeholder()));
        } else {
          couldGrant.add(new Gap(statement.location(), "Allow statement " + statement.sid().orElse("#" + statement.index())
              + " of " + policy.name() + " depends on " + String.join(", ",
                  statement.unresolved().stream().map(Unresolved::display).distinct().toList())));
        }
      }
    }
    Set<String> inAllows = new HashSet<>();
    AccountPolicies.of(account).stream().flatMap(p -> p.statements().stream())
        .filter(s -> s.effect() != Effect.DENY)
        .forEach(s -> s.unresolved().forEach(u -> inAllows.add(u.placeholder())));
    for (Unresolved value : loaded.report().unresolved()) {
      if (!inDenies.contains(value.placeholder()) && !inAllows.contains(value.placeholder())) {
        couldGrant.add(new Gap(value.location(), value.display() + ": " + value.reason()));
      }
    }
    for (LoadReport.Problem problem : loaded.report().problems()) {
      couldGrant.add(new Gap(problem.location(), "left out: " + problem.message()));
    }
    return new LoadGaps(loaded.report().unresolved(), loaded.report().problems(), couldGrant);
  }
}
