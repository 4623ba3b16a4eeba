package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One statement of a policy.
 *
 * @param sid the {@code Sid}, when written
 * @param effect Allow or Deny
 * @param action {@code Action} or {@code NotAction}
 * @param resource {@code Resource} or {@code NotResource}; absent in trust policies
 * @param principal {@code Principal} or {@code NotPrincipal}; only in resource-based policies
 * @param conditions every key of every operator of the {@code Condition} block, in order
 * @param index 0-based position in its policy, which names a statement without a Sid
 * @param location where the statement starts
 * @param unresolved values in this statement that its loader could not compute
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Statement(
    Optional<String> sid,
    Effect effect,
    ActionElement action,
    Optional<ResourceElement> resource,
    Optional<PrincipalElement> principal,
    List<Condition> conditions,
    int index,
    SourceLocation location,
    List<Unresolved> unresolved) {

  public Statement {
    Objects.requireNonNull(sid, "sid");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(principal, "principal");
    conditions = List.copyOf(conditions);
    Objects.requireNonNull(location, "location");
    unresolved = List.copyOf(unresolved);
  }

  /** The Sid, or {@code #index at file:line} for a statement without one. */
  public String displayName() {
    return sid.orElseGet(() -> "#" + index + " at " + location.fileAndLine());
  }
}
