package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * {@code Principal} or {@code NotPrincipal} of a resource-based or trust policy.
 *
 * @param negated true for {@code NotPrincipal}
 * @param anyone true for {@code "Principal": "*"}
 * @param byType values per principal type: {@code AWS}, {@code Service}, {@code Federated},
 *     {@code CanonicalUser}
 * @param location where the element is written
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PrincipalElement(
    boolean negated, boolean anyone, Map<String, List<String>> byType, SourceLocation location) {

  public static final String AWS = "AWS";
  public static final String SERVICE = "Service";
  public static final String FEDERATED = "Federated";
  public static final String CANONICAL_USER = "CanonicalUser";

  /** The principal types AWS accepts, in the order its documentation lists them. */
  public static final List<String> TYPES = List.of(AWS, FEDERATED, SERVICE, CANONICAL_USER);

  public PrincipalElement {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    byType.forEach((type, values) -> copy.put(type, List.copyOf(values)));
    byType = java.util.Collections.unmodifiableMap(copy);
    Objects.requireNonNull(location, "location");
  }

  public String elementName() {
    return negated ? "NotPrincipal" : "Principal";
  }
}
