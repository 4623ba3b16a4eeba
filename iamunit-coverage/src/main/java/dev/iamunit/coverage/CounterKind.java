package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Effect;
import org.apiguardian.api.API;

/** What a counter counts, named as in the {@code <counter>} of a rule. */
@API(status = EXPERIMENTAL)
public enum CounterKind {
  /** Statements; covered when decisive at least once. */
  STATEMENT("statements"),
  /** Allow statements; covered when decisive at least once. */
  ALLOW("Allow statements"),
  /** Deny statements; covered when decisive at least once. */
  DENY("Deny statements"),
  /** Conditions (one per key under an operator); covered when seen both true and false. */
  CONDITION("conditions");

  private final String description;

  CounterKind(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** This counter over some statements. */
  public Counter count(Iterable<StatementCoverage> statements) {
    long covered = 0;
    long missed = 0;
    for (StatementCoverage s : statements) {
      switch (this) {
        case STATEMENT -> {
          covered += s.covered() ? 1 : 0;
          missed += s.covered() ? 0 : 1;
        }
        case ALLOW, DENY -> {
          if (s.notRead().isEmpty() && s.effect() == (this == ALLOW ? Effect.ALLOW : Effect.DENY)) {
            covered += s.covered() ? 1 : 0;
            missed += s.covered() ? 0 : 1;
          }
        }
        case CONDITION -> {
          covered += s.conditionsCovered();
          missed += s.conditions().size() - s.conditionsCovered();
        }
      }
    }
    return new Counter(covered, missed);
  }
}
