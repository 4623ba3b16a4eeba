package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.StatementResult;
import dev.iamunit.model.Effect;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A statement that decided a request, as a report names it.
 *
 * @param policy the policy's name ({@code Force_MFA})
 * @param statement the Sid, or {@code #index} for a statement without one
 * @param effect Allow or Deny
 * @param file the template file, relative to the version's root
 * @param line 1-based line, 0 when unknown
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DecidingStatement(String policy, String statement, Effect effect, String file, int line) {

  public DecidingStatement {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(file, "file");
  }

  static DecidingStatement of(StatementResult result) {
    var s = result.statement();
    return new DecidingStatement(
        result.policy().name(), s.sid().orElse("#" + s.index()), s.effect(), s.location().file(), s.location().line());
  }

  /**
   * What stays the same when lines move: policy, statement and effect. Two versions' statements
   * with the same identity are "the same statement" even when an edit above shifted its line.
   */
  public String identity() {
    return policy + "/" + statement + "/" + effect.json();
  }

  /** {@code file:line}, or the file alone when the line is unknown. */
  public String fileAndLine() {
    return line > 0 ? file + ":" + line : file;
  }
}
