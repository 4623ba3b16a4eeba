package dev.iamunit.explain;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.ConditionResult;
import dev.iamunit.eval.CredentialKind;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.KeyAvailability;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.StatementResult;
import dev.iamunit.model.Condition;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A decision in words, the one renderer every consumer uses, so that a decision reads the same in
 * an assertion message, in {@code iamunit explain}, in an {@code @AsRole} trust failure and in an
 * access diff report. Two forms:
 *
 * <ul>
 *   <li>the summary, a phrase that follows "was" or "is":
 *       {@code explicitly denied by statement BlockEc2 (terraform/ec2.tf:14)};
 *   <li>the explanation, indented lines: the deciding statements, the other statements that
 *       applied, the near misses (action matched, something else did not) with each condition and
 *       the value it compared, the evaluation steps, the values IAMUnit could not compute that this
 *       decision did not need, the request's values of every key those conditions test, and for a
 *       key AWS always sends but in one case that the request leaves out ({@code aws:SourceIp}),
 *       what the request then is and how to give the key.
 * </ul>
 *
 * Outcomes are words ("explicitly denied"), never enum names: the text is read by people.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DecisionText {

  /** The indentation of the explanation's lines under their heading. */
  private static final String INDENT = "  ";

  private DecisionText() {}

  /**
   * {@code ec2:RunInstances on * as MFAUser}: a request as every message names it, without
   * {@code as ...} before a principal is chosen.
   */
  public static String request(String action, String resource, Optional<String> principal) {
    return action + " on " + resource + principal.map(p -> " as " + p).orElse("");
  }

  /**
   * {@code cloudtrail:StopLogging as the account's root user}: a request made in several accounts,
   * each on a resource of its own (its account's default), named without one.
   */
  public static String request(String action, Optional<String> principal) {
    return action + principal.map(p -> " as " + p).orElse("");
  }

  /** {@code ec2:RunInstances on * as MFAUser (console sign-in without MFA)}: {@code request} signed with {@code credentials}. */
  public static String request(String request, CredentialKind credentials) {
    return request + " (" + credentials.description() + ")";
  }

  /** {@code allowed}, {@code explicitly denied} or {@code implicitly denied}. */
  public static String outcome(Outcome outcome) {
    return switch (outcome) {
      case ALLOWED -> "allowed";
      case EXPLICIT_DENY -> "explicitly denied";
      case IMPLICIT_DENY -> "implicitly denied";
    };
  }

  /**
   * The summary: {@code allowed by statement AllowEc2 (terraform/ec2.tf:14)},
   * {@code implicitly denied: no identity-based or resource-based policy allows the request (implicit deny)},
   * or {@code allowed without any policy: AWS does not authorize ...}.
   */
  public static String summary(Decision decision) {
    if (decision.outsidePolicies().isPresent()) {
      return outcome(decision.outcome()) + " without any policy: " + decision.outsidePolicies().get();
    }
    return summary(decision.outcome(), decision.deciding().stream().map(r -> statement(r.statement())).toList(),
        decision.explanation().reasons());
  }

  /**
   * The summary from the parts a consumer kept of a decision (the access diff keeps the deciding
   * statements and the evaluation steps).
   *
   * @param deciding each deciding statement as {@link #statement(String, String)} names it
   * @param reasons the evaluation steps, said when no statement decided
   */
  public static String summary(Outcome outcome, List<String> deciding, List<String> reasons) {
    if (!deciding.isEmpty()) {
      return outcome(outcome) + " by " + (deciding.size() == 1 ? "statement " : "statements ") + String.join(", ", deciding);
    }
    return reasons.isEmpty() ? outcome(outcome) : outcome(outcome) + ": " + String.join("; ", reasons);
  }

  /** {@code AllowEc2 (terraform/ec2.tf:14)}; a statement without a Sid is {@code #2 (policy.json:30)}. */
  public static String statement(Statement statement) {
    return statement(name(statement), statement.location().fileAndLine());
  }

  /** {@code AllowEc2 (terraform/ec2.tf:14)}: a statement as a summary names it. */
  public static String statement(String sidOrIndex, String fileAndLine) {
    return sidOrIndex + " (" + fileAndLine + ")";
  }

  /** {@link #explained(Decision, Optional)} without the request's context values. */
  public static String explained(Decision decision) {
    return explained(decision, Optional.empty());
  }

  /**
   * The summary, then the explanation under {@code Explanation:} when there is one: what
   * {@code iamunit explain} prints after "Decision: ".
   *
   * @param context the request's context, to show the values of the keys the conditions test
   */
  public static String explained(Decision decision, Optional<RequestContext> context) {
    return summary(decision) + explanationSection(decision, context);
  }

  /** {@code \nExplanation:\n} and the explanation's lines, or empty when there is nothing to explain. */
  public static String explanationSection(Decision decision, Optional<RequestContext> context) {
    String lines = explanation(decision, context);
    return lines.isEmpty() ? "" : "\nExplanation:\n" + lines;
  }

  /**
   * The explanation's lines, each indented by two spaces, joined by {@code \n}; empty when the
   * decision has neither statements, nor steps, nor values it did not need.
   */
  public static String explanation(Decision decision, Optional<RequestContext> context) {
    List<String> lines = new ArrayList<>();
    List<StatementResult> deciding = decision.deciding();
    section(lines, "Deciding statements:", deciding);
    section(lines, "Also applied:", decision.explanation().applied().stream()
        .filter(result -> deciding.stream().noneMatch(d -> d.statement() == result.statement())).toList());
    section(lines, "Near misses:", decision.explanation().nearMisses());
    if (!decision.explanation().reasons().isEmpty()) {
      lines.add(INDENT + "Evaluation: " + String.join("; ", decision.explanation().reasons()));
    }
    for (Unresolved value : decision.explanation().notNeeded()) {
      lines.add(INDENT + "Not needed for this decision: " + value);
    }
    context.flatMap(c -> keysTested(decision, c)).ifPresent(line -> lines.add(INDENT + line));
    absentKeys(deciding, decision.explanation().applied(), decision.explanation().nearMisses()).forEach(line -> lines.add(INDENT + line));
    return String.join("\n", lines);
  }

  /**
   * For each key AWS always sends but in a stated case ({@link KeyAvailability#absentOnlyWhen}) that a
   * condition of the explanation tests and the request leaves out: what the request then is, and how a
   * test gives the key. {@code aws:SourceIp: the request carries none, as a request through a VPC endpoint ...}
   */
  @SafeVarargs
  private static List<String> absentKeys(List<StatementResult>... sections) {
    Map<String, KeyAvailability.AbsentOnlyWhen> absent = new LinkedHashMap<>();
    for (List<StatementResult> section : sections) {
      for (StatementResult result : section) {
        for (ConditionResult condition : result.conditions()) {
          if (condition.requestValue().isEmpty()) {
            KeyAvailability.absentOnlyWhen(condition.condition().key()).ifPresent(a -> absent.putIfAbsent(a.key(), a));
          }
        }
      }
    }
    List<String> lines = new ArrayList<>();
    for (KeyAvailability.AbsentOnlyWhen a : absent.values()) {
      String value = "\"" + a.example() + "\"";
      lines.add(a.key() + ": the request carries none, as " + a.requestWithout() + ": AWS includes it \"" + a.awsSays() + "\" ("
          + a.source() + "). To give one: " + (a.annotation().isEmpty() ? "" : a.annotation() + "(" + value + ") or ")
          + ".withContext(\"" + a.key() + "\", " + value + ") in a test, --context " + a.key() + "=" + a.example() + " with iamunit explain");
    }
    return lines;
  }

  private static void section(List<String> lines, String title, List<StatementResult> results) {
    if (results.isEmpty()) {
      return;
    }
    lines.add(INDENT + title);
    for (StatementResult result : results) {
      Statement statement = result.statement();
      lines.add(INDENT + INDENT + statement.effect().json() + " " + name(statement) + " (" + result.policy().name() + ", "
          + statement.location().fileAndLine() + ") in the " + result.policyType().description() + (result.applied() ? "" : ": " + result.applicability().description())
          + (result.unresolved() ? ", assuming values IAMUnit could not compute" : ""));
      for (ConditionResult condition : result.conditions()) {
        lines.add(INDENT + INDENT + INDENT + condition(condition));
      }
    }
  }

  /** The Sid, or the statement's index in its policy: the location follows the name, so it is not repeated here. */
  private static String name(Statement statement) {
    return statement.sid().orElse("#" + statement.index());
  }

  /** {@code BoolIfExists aws:MultiFactorAuthPresent "false" (request: absent) → met}. */
  static String condition(ConditionResult result) {
    Condition condition = result.condition();
    String values = condition.values().size() == 1 ? "\"" + condition.values().get(0) + "\"" : condition.values().toString();
    return condition.operator().name() + " " + condition.key() + " " + values + " (request: "
        + result.requestValue().map(RequestContext.Entry::toString).orElse("absent") + ") → " + (result.met() ? "met" : "not met");
  }

  /** {@code Request context: aws:MultiFactorAuthPresent = "false", aws:SourceIp absent}, when a condition tests a key. */
  private static Optional<String> keysTested(Decision decision, RequestContext context) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (StatementResult result : decision.explanation().statements()) {
      for (Condition condition : result.statement().conditions()) {
        keys.putIfAbsent(RequestContext.normalize(condition.key()), condition.key());
      }
    }
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (String key : keys.values()) {
      values.add(key + " " + context.get(key).map(e -> "= " + e).orElse("absent"));
    }
    return Optional.of("Request context: " + String.join(", ", values));
  }
}
