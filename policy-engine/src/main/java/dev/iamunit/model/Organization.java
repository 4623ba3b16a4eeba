package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The AWS Organizations policies above the account, one list per level from the root down to the
 * account itself, and the organization they were computed from when the sources declare one
 * ({@link OrganizationTree#levels}).
 *
 * @param serviceControlPolicies SCPs per level
 * @param resourceControlPolicies RCPs per level
 * @param tree the organization as declared, when the sources declare one
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Organization(
    List<List<Policy>> serviceControlPolicies, List<List<Policy>> resourceControlPolicies, Optional<OrganizationTree> tree) {

  public static final Organization NONE = new Organization(List.of(), List.of());

  public Organization {
    serviceControlPolicies = serviceControlPolicies.stream().map(List::copyOf).toList();
    resourceControlPolicies = resourceControlPolicies.stream().map(List::copyOf).toList();
    Objects.requireNonNull(tree, "tree");
  }

  /** Levels given directly, with no organization tree behind them. */
  public Organization(List<List<Policy>> serviceControlPolicies, List<List<Policy>> resourceControlPolicies) {
    this(serviceControlPolicies, resourceControlPolicies, Optional.empty());
  }
}
