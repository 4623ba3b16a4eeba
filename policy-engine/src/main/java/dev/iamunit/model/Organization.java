package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The AWS Organizations policies above the account, one list per level from the root down to the
 * account itself.
 *
 * @param serviceControlPolicies SCPs per level
 * @param resourceControlPolicies RCPs per level
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Organization(List<List<Policy>> serviceControlPolicies, List<List<Policy>> resourceControlPolicies) {

  public static final Organization NONE = new Organization(List.of(), List.of());

  public Organization {
    serviceControlPolicies = serviceControlPolicies.stream().map(List::copyOf).toList();
    resourceControlPolicies = resourceControlPolicies.stream().map(List::copyOf).toList();
  }
}
