package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An IAM role.
 *
 * @param name the role name
 * @param path the IAM path
 * @param arn {@code arn:PARTITION:iam::ACCOUNT:role/PATH/NAME}
 * @param trustPolicy the assume-role policy, a resource-based policy on the role
 * @param tags principal tags
 * @param inlinePolicies inline policies
 * @param managedPolicyArns ARNs of attached managed policies
 * @param permissionsBoundaryArn ARN of the permissions boundary
 * @param location where the role is declared
 * @param existence what of the role exists only if values no loader could compute say so
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Role(
    String name,
    String path,
    String arn,
    Optional<Policy> trustPolicy,
    Map<String, String> tags,
    List<Policy> inlinePolicies,
    List<String> managedPolicyArns,
    Optional<String> permissionsBoundaryArn,
    SourceLocation location,
    Existence existence) {

  public Role {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(trustPolicy, "trustPolicy");
    tags = Map.copyOf(tags);
    inlinePolicies = List.copyOf(inlinePolicies);
    managedPolicyArns = List.copyOf(managedPolicyArns);
    Objects.requireNonNull(permissionsBoundaryArn, "permissionsBoundaryArn");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(existence, "existence");
  }

  /** A role that exists, with every attachment it has. */
  public Role(String name, String path, String arn, Optional<Policy> trustPolicy, Map<String, String> tags, List<Policy> inlinePolicies,
      List<String> managedPolicyArns, Optional<String> permissionsBoundaryArn, SourceLocation location) {
    this(name, path, arn, trustPolicy, tags, inlinePolicies, managedPolicyArns, permissionsBoundaryArn, location, Existence.CERTAIN);
  }
}
