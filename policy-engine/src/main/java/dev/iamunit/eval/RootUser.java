package dev.iamunit.eval;

import dev.iamunit.IamUnitException;
import dev.iamunit.eval.internal.CaseInsensitive;
import java.util.Optional;

/**
 * What AWS documents of the account's root user ({@code arn:aws:iam::ACCOUNT:root}) beyond the
 * general evaluation logic. "By default, all requests are implicitly denied with the exception of
 * the AWS account root user, which has full access" (IAM User Guide, How AWS enforcement code
 * logic evaluates requests to allow or deny access): in its own account the root user needs no
 * identity-based policy, and {@link Evaluator} counts its identity side as allowing. Everything
 * else still binds it: SCPs ("An SCP restricts permissions for IAM users and roles in member
 * accounts, including the member account's root user", AWS Organizations User Guide, Service
 * control policies), RCPs, and explicit denies in resource-based policies; a KMS key policy must
 * still allow it; a cross-account request still needs the other account's resource-based policy.
 */
final class RootUser {

  private RootUser() {}

  /**
   * IAM attaches identity-based policies and permissions boundaries to users, groups and roles
   * ("Identity-based policies are attached to an IAM user, group, or role", IAM User Guide,
   * Identity-based policies and resource-based policies; "AWS supports permissions boundaries for
   * IAM entities (users or roles)", Permissions boundaries for IAM entities), and session policies
   * to the sessions of roles and federated users (IAM User Guide, Session policies): the root user
   * can have none of them. A policy set that gives it one describes no request AWS could receive.
   */
  static void requireNoPoliciesOfItsOwn(Request request, PolicySet policies) {
    String kind = !policies.identity().isEmpty() ? "identity-based policies"
        : !policies.boundaries().isEmpty() ? "a permissions boundary"
        : !policies.session().isEmpty() ? "session policies"
        : null;
    if (kind != null) {
      throw new IamUnitException("the request's principal " + request.principal() + " is the account's root user, which cannot have "
          + kind + ": IAM attaches identity-based policies and permissions boundaries to users, groups and roles, and session "
          + "policies to role and federated-user sessions; remove them, or make the request as a user or role");
    }
  }

  /**
   * "You cannot call AssumeRole by using AWS root account credentials; access is denied. You must
   * use credentials for an IAM user or an IAM role to call AssumeRole" (AWS STS API Reference,
   * AssumeRole).
   */
  static Optional<String> refusal(Request request) {
    if (CaseInsensitive.startsWith(request.action().strip(), "sts:assumerole")) {
      return Optional.of("AWS refuses sts:AssumeRole* with the root user's credentials: \"You cannot call AssumeRole by using "
          + "AWS root account credentials; access is denied\" (AWS STS API Reference, AssumeRole)");
    }
    return Optional.empty();
  }

  /**
   * "To ensure that bucket owners don't inadvertently lock themselves out of their own buckets,
   * the root principal in a bucket owner's AWS account can perform the GetBucketPolicy,
   * PutBucketPolicy, and DeleteBucketPolicy API actions, even if their bucket policy explicitly
   * denies the root principal's access. Bucket owner root principals can only be blocked from
   * performing these API actions by VPC endpoint policies and AWS Organizations policies"
   * (Amazon S3 API Reference, DeleteBucketPolicy, GetBucketPolicy, PutBucketPolicy).
   */
  static boolean bucketPolicyDeniesDoNotBind(Request request) {
    return !request.isCrossAccount() && isBucketPolicyAction(request.action().strip());
  }

  static boolean isBucketPolicyAction(String action) {
    return CaseInsensitive.equals(action, "s3:getbucketpolicy") || CaseInsensitive.equals(action, "s3:putbucketpolicy")
        || CaseInsensitive.equals(action, "s3:deletebucketpolicy");
  }

  static final String BUCKET_POLICY_DENY_IGNORED =
      "the bucket policy's Deny does not bind the bucket owner's root user for this action: only SCPs, RCPs and VPC endpoint "
          + "policies can block it (Amazon S3 API Reference, PutBucketPolicy)";
}
