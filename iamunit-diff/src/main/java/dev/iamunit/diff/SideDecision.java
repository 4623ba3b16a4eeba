package dev.iamunit.diff;

import dev.iamunit.eval.Outcome;
import java.util.List;
import java.util.Objects;

/**
 * One version's answer to a request.
 *
 * @param outcome allowed, explicitly or implicitly denied
 * @param deciding the statements that decided (none for an implicit deny)
 * @param principalDeclared false when this version does not declare the principal at all, which
 *     denies it everything implicitly
 */
public record SideDecision(Outcome outcome, List<DecidingStatement> deciding, boolean principalDeclared) {

  public SideDecision {
    Objects.requireNonNull(outcome, "outcome");
    deciding = List.copyOf(deciding);
  }

  static final SideDecision NO_PRINCIPAL = new SideDecision(Outcome.IMPLICIT_DENY, List.of(), false);

  /** {@code EXPLICIT_DENY by Deny Block (Force_MFA, main.tf:89)}, or why nothing decided. */
  public String describe() {
    if (!principalDeclared) {
      return "IMPLICIT_DENY (the principal is not declared in this version)";
    }
    if (deciding.isEmpty()) {
      return outcome.name() + " (no statement allows it)";
    }
    StringBuilder text = new StringBuilder(outcome.name()).append(" by ");
    for (int i = 0; i < deciding.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(deciding.get(i).describe());
    }
    return text.toString();
  }
}
