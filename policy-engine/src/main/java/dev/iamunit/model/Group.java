package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An IAM group. Membership is recorded on the {@link User}.
 *
 * @param name the group name
 * @param path the IAM path
 * @param arn {@code arn:PARTITION:iam::ACCOUNT:group/PATH/NAME}
 * @param inlinePolicies inline policies
 * @param managedPolicyArns ARNs of attached managed policies
 * @param location where the group is declared
 * @param existence what of the group exists only if values no loader could compute say so
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Group(
    String name, String path, String arn, List<Policy> inlinePolicies, List<String> managedPolicyArns, SourceLocation location,
    Existence existence) {

  public Group {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(arn, "arn");
    inlinePolicies = List.copyOf(inlinePolicies);
    managedPolicyArns = List.copyOf(managedPolicyArns);
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(existence, "existence");
  }

  /** A group that exists, with every attachment it has. */
  public Group(String name, String path, String arn, List<Policy> inlinePolicies, List<String> managedPolicyArns, SourceLocation location) {
    this(name, path, arn, inlinePolicies, managedPolicyArns, location, Existence.CERTAIN);
  }
}
