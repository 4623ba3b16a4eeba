package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.internal.Arns;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One request to authorize: who asks, for what action, on which resource, with which context.
 *
 * @param principal the principal's ARN: {@code arn:aws:iam::111122223333:user/bob}, an assumed-role
 *     session {@code arn:aws:sts::111122223333:assumed-role/Deployer/ci}, or a service principal
 * @param action {@code service:Action}
 * @param resource the resource ARN, or {@code *} for actions without resource types
 * @param resourceAccount the account that owns the resource; empty means the principal's account
 * @param context the request context, exactly as given: nothing is inferred here
 * @param credentials how the caller signed; it restricts some calls (GetSessionToken credentials
 *     without MFA cannot call IAM) but never changes {@code context}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Request(
    String principal,
    String action,
    String resource,
    Optional<String> resourceAccount,
    RequestContext context,
    CredentialKind credentials) {

  public Request {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(resourceAccount, "resourceAccount");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(credentials, "credentials");
  }

  public static Request of(String principal, String action, String resource, RequestContext context) {
    return new Request(principal, action, resource, Optional.empty(), context, CredentialKind.UNSPECIFIED);
  }

  /**
   * Whether the resource belongs to another account than the principal. A service principal
   * belongs to no account: the resource-based policy alone decides for it.
   */
  public boolean isCrossAccount() {
    // Without splitting the principal's ARN: the evaluator asks this of most decisions.
    String owner = resourceAccount.orElse("");
    return !owner.isEmpty() && Arns.hasOtherAccount(principal, owner);
  }

  /**
   * Whether the principal is an account's root user, {@code arn:PARTITION:iam::ACCOUNT:root}: in
   * its own account the one principal AWS allows without any policy ("all requests are implicitly
   * denied with the exception of the AWS account root user, which has full access", IAM User
   * Guide, How AWS enforcement code logic evaluates requests). Cheap: asked of every decision, it
   * splits nothing.
   */
  public boolean isRootUser() {
    return principal.endsWith(":root") && Arns.partEquals(principal, 2, "iam") && Arns.partEquals(principal, 5, "root");
  }

  public Request withContext(RequestContext newContext) {
    return new Request(principal, action, resource, resourceAccount, newContext, credentials);
  }

  public Request withResource(String newResource) {
    return new Request(principal, action, newResource, resourceAccount, context, credentials);
  }

  public Request withResourceAccount(String account) {
    return new Request(principal, action, resource, Optional.of(account), context, credentials);
  }

  @Override
  public String toString() {
    return action + " on " + resource + " by " + principal;
  }
}
