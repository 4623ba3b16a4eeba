package dev.iamunit.cli.lint;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.aws.AwsData;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/** Runs lint rules over every statement of a policy. Stateless and thread-safe. */
@API(status = INTERNAL, since = "0.1")
public final class PolicyLinter {

  private static final Comparator<Finding> BY_PLACE =
      Comparator.comparingInt((Finding f) -> f.location().line()).thenComparingInt(f -> f.location().column());

  private final List<LintRule> rules;

  public PolicyLinter(List<LintRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Every rule IAMUnit has, checking against {@code aws}. */
  public static PolicyLinter standard(AwsData aws) {
    return new PolicyLinter(List.of(
        new UnknownActionRule(aws),
        new UnknownConditionKeyRule(aws),
        new ConditionTypeRule(aws),
        new MfaBoolDenyRule()));
  }

  /** The findings in {@code policy}, in the order they are written. */
  public List<Finding> lint(Policy policy) {
    List<Finding> findings = new ArrayList<>();
    for (Statement statement : policy.statements()) {
      for (LintRule rule : rules) {
        rule.check(statement, findings::add);
      }
    }
    findings.sort(BY_PLACE);
    return findings;
  }
}
