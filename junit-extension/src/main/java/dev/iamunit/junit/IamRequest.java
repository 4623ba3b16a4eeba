package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A request of the test's scenario, not yet asserted on. Immutable: each method returns a new
 * request. Check it with {@code dev.iamunit.assertj.IamAssertions.assertThat(request)}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface IamRequest {

  /**
   * The same request on this resource ARN. Without it, the resource is the action's default:
   * {@code *} for an action AWS documents without resource types, otherwise the ARN format AWS
   * documents for the resource type the action is named after (else its first required one), in
   * the loaded account and the scenario's region, the resource's name left as AWS's variable
   * ({@code arn:aws:ec2:us-east-1:123456789012:instance/${InstanceId}}).
   */
  IamRequest on(String resourceArn);

  /** The same request with this key in its context, replacing what the scenario gave it. */
  IamRequest withContext(String key, String... values);

  /** The same request made by another principal of the loaded account. */
  IamRequest as(IamPrincipal principal);

  /**
   * The same request made in each member account under the organizational unit {@code unit} (its
   * name, such as {@code Workloads}; its path from the root, such as {@code Workloads/Prod}, which
   * tells apart units of different parents that share a name, {@link
   * dev.iamunit.model.OrganizationPath}; or its id; {@code Root} or the root's id for every member
   * account), by the
   * principal of the same name there (that account's root user; for {@link AsPermissionSet}, a
   * session of the role IAM Identity Center provisioned there for the permission set), in the
   * organization's order. A resource the test did not name is each account's own default. Fails
   * the test when the sources declare no such unit, or several units of that name (naming each by its path and id).
   */
  List<IamRequest> inEveryAccountOf(String unit);

  /**
   * Why no one can make this request: its principal does not exist in its account (the account
   * declares no user or role of that name; IAM Identity Center provisioned no role there for the
   * permission set, which is not assigned to it). Empty when the principal exists, and for the
   * root user. An account over {@link #inEveryAccountOf} where this is so fails an assertion over
   * the accounts, saying so.
   */
  Optional<String> missingPrincipal();

  /** The action, such as {@code ec2:RunInstances}. */
  String action();

  /** The resource ARN, the action's default (see {@link #on}) when the test named none. */
  String resource();

  /** Whether the test named no resource, so that {@link #resource()} is the action's default. */
  boolean resourceDefaulted();

  /** Who makes the request: the principal the test, its class or {@link #as} names; empty before one is named. */
  Optional<IamPrincipal> principal();

  /**
   * The request evaluated under each kind of credentials the scenario stands for: one, or two
   * under {@link WithoutMFA}. Computed once. A request that cannot be evaluated (unknown principal,
   * a value the loader could not resolve) throws an {@link AssertionError} that says why.
   */
  List<Evaluation> evaluations();
}
