package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The gate: JaCoCo-style rules, Sids that must be covered, and an optional baseline of tolerated
 * misses. Immutable; {@link #run(CoverageAnalysis)} may be called any number of times.
 */
@API(status = EXPERIMENTAL)
public final class CoverageCheck {

  private final List<CoverageRule> rules;
  private final Set<String> requiredSids;
  private final Optional<Baseline> baseline;

  private CoverageCheck(List<CoverageRule> rules, Collection<String> requiredSids, Optional<Baseline> baseline) {
    this.rules = List.copyOf(rules);
    this.requiredSids = new TreeSet<>(requiredSids);
    this.baseline = baseline;
  }

  public static CoverageCheck of(List<CoverageRule> rules) {
    return new CoverageCheck(rules, List.of(), Optional.empty());
  }

  /** Statements with these Sids must exist and each must be covered (decisive in some test). */
  public CoverageCheck requiringSids(Collection<String> sids) {
    return new CoverageCheck(rules, sids, baseline);
  }

  /** Tolerates the misses the baseline lists and fails on every other missed statement. */
  public CoverageCheck withBaseline(Baseline tolerated) {
    return new CoverageCheck(rules, requiredSids, Optional.of(tolerated));
  }

  public CheckResult run(CoverageAnalysis analysis) {
    List<Violation> violations = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (CoverageRule rule : rules) {
      for (ElementCoverage element : analysis.elements(rule.element())) {
        if (rule.appliesTo(element.name())) {
          for (Limit limit : rule.limits()) {
            limit.check(element.counter(limit.counter())).ifPresent(why -> violations.add(ruleViolation(element, limit, why)));
          }
        }
      }
    }
    for (String sid : requiredSids) {
      List<StatementCoverage> statements = analysis.statementsWithSid(sid);
      if (statements.isEmpty()) {
        violations.add(new Violation("Required Sid " + sid + " is in no loaded template: fix the Sid in <requiredSids> "
            + "or load the template that holds it", "", 0));
      }
      for (StatementCoverage s : statements.stream().filter(s -> !s.covered()).toList()) {
        // A statement counted per account (an SCP's or RCP's, one deployed in several) is required in each.
        violations.add(new Violation("Required Sid " + sid + " (" + s.key().fileAndLine() + ", " + s.effect().json()
            + " in " + s.policy() + ")" + (s.key().inAccount() ? " in " + s.account() : "") + " " + missedBecause(s),
            s.key().file(), s.key().line()));
      }
    }
    baseline.ifPresent(tolerated -> ratchet(analysis, tolerated, violations, notes));
    return new CheckResult(violations, notes);
  }

  private static Violation ruleViolation(ElementCoverage element, Limit limit, String why) {
    String subject = element.kind() == ElementKind.BUNDLE ? "all statements" : element.kind().description() + " " + element.name();
    StringBuilder message = new StringBuilder("Rule violated for ").append(subject).append(": ").append(why);
    List<StatementCoverage> missed = missedFor(element, limit.counter());
    if (!missed.isEmpty()) {
      message.append("; missed:");
      for (StatementCoverage s : missed) {
        message.append("\n").append(s.effect().json()).append(' ').append(s.describe());
        if (limit.counter() == CounterKind.CONDITION) {
          s.conditions().stream().filter(c -> !c.covered()).forEach(c -> message.append(" [").append(c.describe())
              .append(" seen ").append(c.timesTrue() > 0 ? "only true" : c.timesFalse() > 0 ? "only false" : "never")
              .append(']'));
        }
      }
    }
    String file = element.kind() == ElementKind.TEMPLATE ? element.name()
        : element.kind() == ElementKind.POLICY && !element.statements().isEmpty() ? element.statements().get(0).key().file() : "";
    int line = element.kind() == ElementKind.POLICY && !element.statements().isEmpty() ? element.statements().get(0).key().line() : 0;
    return new Violation(message.toString(), file, line);
  }

  private static List<StatementCoverage> missedFor(ElementCoverage element, CounterKind counter) {
    return element.statements().stream().filter(s -> switch (counter) {
      case STATEMENT -> !s.covered();
      case ALLOW -> !s.covered() && s.effect() == dev.iamunit.model.Effect.ALLOW;
      case DENY -> !s.covered() && s.effect() == dev.iamunit.model.Effect.DENY;
      case CONDITION -> s.conditionsCovered() < s.conditions().size();
    }).toList();
  }

  private static String missedBecause(StatementCoverage s) {
    if (s.neverDecisive()) {
      return "applied " + s.overridden() + " time(s) but never decided: another statement always overrode it";
    }
    return s.tests().isEmpty() ? "was not exercised by any test" : "was reached by " + s.tests().size()
        + " test(s) but never applied (" + notAppliedSummary(s) + ")";
  }

  private static String notAppliedSummary(StatementCoverage s) {
    List<String> reasons = new ArrayList<>();
    if (s.notAppliedResource() > 0) {
      reasons.add("resource did not match " + s.notAppliedResource() + "x");
    }
    if (s.notAppliedPrincipal() > 0) {
      reasons.add("principal did not match " + s.notAppliedPrincipal() + "x");
    }
    if (s.notAppliedCondition() > 0) {
      reasons.add("a condition was not met " + s.notAppliedCondition() + "x");
    }
    return String.join(", ", reasons);
  }

  private static void ratchet(CoverageAnalysis analysis, Baseline tolerated, List<Violation> violations, List<String> notes) {
    Set<String> stillMissed = new TreeSet<>();
    Set<String> accountless = new TreeSet<>();
    for (StatementCoverage s : analysis.total().missed()) {
      Optional<String> entry = tolerated.toleratedBy(s);
      if (entry.isPresent()) {
        stillMissed.add(entry.get());
        if (!entry.get().equals(Baseline.entry(s))) {
          accountless.add(entry.get());
        }
      } else {
        violations.add(new Violation("New missed statement " + s.effect().json() + " " + s.describe() + " in " + s.policy()
            + " " + missedBecause(s) + "; it is not in the baseline: add a test for it", s.key().file(), s.key().line()));
      }
    }
    if (!accountless.isEmpty()) {
      StringBuilder note = new StringBuilder("The baseline names ").append(accountless.size())
          .append(" statement(s) counted per account (of an SCP or RCP, or deployed in several accounts) without an account, as it"
              + " was written before coverage counted them per account: each is tolerated in every account it is counted in;"
              + " write the baseline again to list the accounts:");
      accountless.forEach(e -> note.append("\n  ").append(e.replace('\t', ' ')));
      notes.add(note.toString());
    }
    Set<String> shrinkable = new TreeSet<>(tolerated.entries());
    shrinkable.removeAll(stillMissed);
    if (!shrinkable.isEmpty()) {
      StringBuilder note = new StringBuilder("The baseline can shrink: ").append(shrinkable.size())
          .append(" of its statements are covered now or gone; remove these lines:");
      shrinkable.forEach(e -> note.append("\n  ").append(e.replace('\t', ' ')));
      notes.add(note.toString());
    }
  }
}
