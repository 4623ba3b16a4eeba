package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An IAM user.
 *
 * @param name the user name
 * @param path the IAM path, {@code /} by default
 * @param arn {@code arn:PARTITION:iam::ACCOUNT:user/PATH/NAME}
 * @param tags principal tags
 * @param groups names of the groups the user belongs to
 * @param inlinePolicies inline policies, each named
 * @param managedPolicyArns ARNs of attached managed policies (customer or AWS)
 * @param permissionsBoundaryArn ARN of the permissions boundary
 * @param location where the user is declared
 * @param existence what of the user exists only if values no loader could compute say so
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record User(
    String name,
    String path,
    String arn,
    Map<String, String> tags,
    List<String> groups,
    List<Policy> inlinePolicies,
    List<String> managedPolicyArns,
    Optional<String> permissionsBoundaryArn,
    SourceLocation location,
    Existence existence) {

  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(arn, "arn");
    tags = Map.copyOf(tags);
    groups = List.copyOf(groups);
    inlinePolicies = List.copyOf(inlinePolicies);
    managedPolicyArns = List.copyOf(managedPolicyArns);
    Objects.requireNonNull(permissionsBoundaryArn, "permissionsBoundaryArn");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(existence, "existence");
  }

  /** A user that exists, with every group and attachment it has. */
  public User(String name, String path, String arn, Map<String, String> tags, List<String> groups, List<Policy> inlinePolicies,
      List<String> managedPolicyArns, Optional<String> permissionsBoundaryArn, SourceLocation location) {
    this(name, path, arn, tags, groups, inlinePolicies, managedPolicyArns, permissionsBoundaryArn, location, Existence.CERTAIN);
  }
}
