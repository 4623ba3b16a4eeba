package dev.iamunit.cli.lint;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.model.Statement;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * One check of one statement. A rule depends only on the policy model and the AWS data, so the
 * rules can move into policy-engine unchanged.
 */
@API(status = INTERNAL, since = "0.1")
public interface LintRule {

  /** The rule's id, shown with each finding: {@code unknown-action}. */
  String id();

  /** Reports each problem of {@code statement} to {@code findings}. */
  void check(Statement statement, Consumer<Finding> findings);
}
