package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * An IAM Identity Center permission set: the policies IAM Identity Center gives the role it creates
 * in every account the permission set is assigned to ({@link AccountAssignment}). "When you assign a
 * permission set, IAM Identity Center creates corresponding IAM Identity Center-controlled IAM roles
 * in each account, and attaches the policies specified in the permission set to those roles" (IAM
 * Identity Center User Guide, IAM roles created by IAM Identity Center). The session duration and
 * relay state change no decision and are not kept.
 *
 * @param name its name, unique in the Identity Center instance; the provisioned role's name holds it
 * @param key what references to it are matched by: its ARN as the sources give it (a placeholder of
 *     the ARN AWS generates, usually)
 * @param inlinePolicy its inline policy
 * @param awsManagedPolicyArns the AWS managed policies attached to it
 * @param customerManagedPolicies the customer managed policies attached to it, by name and path: each
 *     account it is provisioned into must hold a policy of that name and path
 * @param permissionsBoundary the permissions boundary of the roles it provisions
 * @param region the region of the Identity Center instance, which the provisioned roles' path names
 * @param location where the permission set is declared
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PermissionSet(
    String name,
    String key,
    Optional<Policy> inlinePolicy,
    List<String> awsManagedPolicyArns,
    List<CustomerManaged> customerManagedPolicies,
    Optional<PolicyReference> permissionsBoundary,
    String region,
    SourceLocation location) {

  /**
   * "When you assign a permission set to an AWS account, IAM Identity Center creates a role with a
   * name that begins with AWSReservedSSO_": {@code AWSReservedSSO_permission-set-name_unique-suffix}
   * (IAM Identity Center User Guide, Referencing permission sets in resource policies, Amazon EKS,
   * and AWS KMS); the example suffixes are 16 hexadecimal digits.
   */
  public static final String ROLE_NAME_PREFIX = "AWSReservedSSO_";

  /** The path every role IAM Identity Center creates starts with (see {@link #rolePath}). */
  public static final String ROLE_PATH = "/aws-reserved/sso.amazonaws.com/";

  private static final Pattern SUFFIX = Pattern.compile("[0-9a-f]{16}");

  /** A managed policy a permission set names: an AWS managed one by ARN, a customer managed one by name and path. */
  public sealed interface PolicyReference permits AwsManaged, CustomerManaged {
    SourceLocation location();
  }

  /** An AWS managed policy, by its ARN. */
  public record AwsManaged(String arn, SourceLocation location) implements PolicyReference {
    public AwsManaged {
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(location, "location");
    }
  }

  /**
   * A customer managed policy, by name and path: "You must have an IAM policy that matches the name
   * and path in each AWS account where you want to deploy your permission set" (IAM Identity Center
   * API Reference, CustomerManagedPolicyReference; "The default is /").
   */
  public record CustomerManaged(String name, String path, SourceLocation location) implements PolicyReference {
    public CustomerManaged {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(location, "location");
    }

    /** The policy's ARN in account {@code accountId}. */
    public String arnIn(String partition, String accountId) {
      return "arn:" + partition + ":iam::" + accountId + ":policy" + path + name;
    }

    /** {@code /path/name}, as messages name it. */
    @Override
    public String toString() {
      return path + name;
    }
  }

  public PermissionSet {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(inlinePolicy, "inlinePolicy");
    awsManagedPolicyArns = List.copyOf(awsManagedPolicyArns);
    customerManagedPolicies = List.copyOf(customerManagedPolicies);
    Objects.requireNonNull(permissionsBoundary, "permissionsBoundary");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(location, "location");
  }

  /** The name of the role it provisions, given the unique suffix AWS chooses. */
  public String roleName(String suffix) {
    return ROLE_NAME_PREFIX + name + "_" + suffix;
  }

  /** Whether {@code role} is the role this permission set provisions: its name is {@link #roleName} of some suffix. */
  public boolean provisioned(Role role) {
    String prefix = ROLE_NAME_PREFIX + name + "_";
    return role.name().startsWith(prefix) && SUFFIX.matcher(role.name().substring(prefix.length())).matches()
        && role.path().startsWith(ROLE_PATH);
  }

  /**
   * The path of the roles IAM Identity Center creates: {@code
   * arn:aws:iam::aws-account-ID:role/aws-reserved/sso.amazonaws.com/aws-region/AWSReservedSSO_...}
   * (Referencing permission sets in resource policies), with no region when the instance is in
   * us-east-1 (the ARN "does not contain the region identifier if IAM Identity Center is hosted in
   * us-east-1", as the templates built on that page have it).
   */
  public String rolePath() {
    return region.equals("us-east-1") ? ROLE_PATH : ROLE_PATH + region + "/";
  }
}
