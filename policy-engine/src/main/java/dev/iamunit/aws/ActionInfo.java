package dev.iamunit.aws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An action as the Service Authorization Reference documents it.
 *
 * @param service the service prefix, for example {@code iam}
 * @param name the action name as AWS spells it, for example {@code CreateVirtualMFADevice}
 * @param accessLevel the action's access level
 * @param resourceTypes the resource types the action works on; empty when it supports only
 *     {@code "Resource": "*"}
 * @param conditionKeys the condition keys listed for the action itself (request-level keys such
 *     as {@code aws:RequestTag/${TagKey}}); keys of a resource type are in {@link #resourceTypes()}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ActionInfo(
    String service,
    String name,
    AccessLevel accessLevel,
    List<ResourceType> resourceTypes,
    List<String> conditionKeys) {

  public ActionInfo {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(accessLevel, "accessLevel");
    resourceTypes = List.copyOf(resourceTypes);
    conditionKeys = List.copyOf(conditionKeys);
  }

  /** The action as a policy names it, for example {@code iam:CreateVirtualMFADevice}. */
  public String qualifiedName() {
    return service + ':' + name;
  }
}
