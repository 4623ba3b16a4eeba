package dev.iamunit.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Where a policy is used, which decides what AWS's policy validator requires of its statements.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum PolicyKind {
  /** Attached to a user, group or role (inline or managed): no Principal; Resource required. */
  IDENTITY("identity-based policy", false, true),
  /** A permissions boundary: an identity-based managed policy used as a limit. */
  PERMISSIONS_BOUNDARY("permissions boundary", false, true),
  /** A session policy passed to AssumeRole or GetFederationToken. */
  SESSION("session policy", false, true),
  /** A service control policy of AWS Organizations: no Principal. */
  SERVICE_CONTROL("service control policy", false, true),
  /** A resource control policy of AWS Organizations: Principal required. */
  RESOURCE_CONTROL("resource control policy", true, true),
  /** A resource-based policy (bucket, queue, topic, key, function): Principal required. */
  RESOURCE("resource-based policy", true, true),
  /**
   * A resource-based policy that only ever applies to the one resource it is set on, so that its
   * statements may leave out Resource: Amazon ECR repository policies, "a subset of IAM policies
   * that are scoped for, and specifically used for, controlling access to individual Amazon ECR
   * repositories" (Amazon ECR User Guide, "Private repository policies in Amazon ECR"), whose
   * examples have no Resource. A statement without Resource applies to that resource. Principal
   * required.
   */
  SINGLE_RESOURCE("resource-based policy", true, false),
  /** A role's trust policy: Principal required, no Resource. */
  TRUST("role trust policy", true, false);

  private final String description;
  private final boolean principalRequired;
  private final boolean resourceRequired;

  PolicyKind(String description, boolean principalRequired, boolean resourceRequired) {
    this.description = description;
    this.principalRequired = principalRequired;
    this.resourceRequired = resourceRequired;
  }

  public String description() {
    return description;
  }

  /** The description with its article: "an identity-based policy". */
  public String withArticle() {
    return ("aeiou".indexOf(description.charAt(0)) >= 0 ? "an " : "a ") + description;
  }

  /** Resource-based kinds need a Principal; identity-based kinds must not have one. */
  public boolean principalRequired() {
    return principalRequired;
  }

  public boolean resourceRequired() {
    return resourceRequired;
  }
}
