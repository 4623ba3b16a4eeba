package dev.iamunit.eval;

import dev.iamunit.aws.AccessLevel;
import dev.iamunit.aws.ActionInfo;
import dev.iamunit.aws.AwsData;
import dev.iamunit.eval.internal.Arns;
import dev.iamunit.eval.internal.CaseInsensitive;
import java.util.List;
import java.util.Optional;

/**
 * Resources AWS owns inside a customer's account, which no policy lets the customer change:
 * AWS managed policies ("You cannot change the permissions defined in AWS managed policies", IAM
 * User Guide, AWS managed policies), the roles IAM Identity Center reserves under
 * {@code /aws-reserved/} ("you can't modify them in IAM", IAM Identity Center User Guide), and
 * the aliases of AWS managed KMS keys under {@code alias/aws/} ("you cannot create, update or
 * delete" them, AWS KMS Developer Guide, Aliases). Reading them is governed by policies as usual.
 */
final class ProtectedResources {

  /**
   * What {@link #refusal} protects, as ARN patterns part by part, for the request space ({@link
   * Evaluator#protectedResources}); {@code ProtectedResourcesTests} holds the two to one answer.
   */
  static final List<String> PATTERNS =
      List.of("arn:*:iam::aws:policy/*", "arn:*:iam:*:*:role/aws-reserved/*", "arn:*:kms:*:*:alias/aws/*");

  private ProtectedResources() {}

  /** Why AWS refuses {@code request} whatever the policies say, or empty. */
  static Optional<String> refusal(Request request) {
    // Part by part without splitting: this runs for every decision with no explicit Deny.
    String resource = request.resource();
    String what;
    if (Arns.partEquals(resource, 2, "iam") && Arns.partEquals(resource, 4, "aws") && Arns.resourceStartsWith(resource, "policy/")) {
      what = "AWS managed policies";
    } else if (Arns.partEquals(resource, 2, "iam") && Arns.resourceStartsWith(resource, "role/aws-reserved/")) {
      what = "roles reserved by AWS under /aws-reserved/";
    } else if (Arns.partEquals(resource, 2, "kms") && Arns.resourceStartsWith(resource, "alias/aws/")) {
      what = "the aliases of AWS managed KMS keys";
    } else {
      return Optional.empty();
    }
    if (onlyReads(request.action())) {
      return Optional.empty();
    }
    return Optional.of("AWS does not let customers change " + what + ": " + request.action() + " on " + request.resource()
        + " is refused whatever the policies allow");
  }

  /**
   * Whether this rule can refuse {@code action} on some resource: a change, by a service that
   * acts on what the rule protects (IAM policies and roles, KMS aliases).
   */
  static boolean mayRefuse(String action) {
    String normalized = action.strip();
    return (CaseInsensitive.startsWith(normalized, "iam:") || CaseInsensitive.startsWith(normalized, "kms:")) && !onlyReads(normalized);
  }

  /** Whether {@code action} only reads (or is unknown, which this rule never refuses). */
  private static boolean onlyReads(String action) {
    Optional<AccessLevel> level = AwsData.bundled().action(action).map(ActionInfo::accessLevel);
    return level.isEmpty() || level.get() == AccessLevel.READ || level.get() == AccessLevel.LIST;
  }
}
