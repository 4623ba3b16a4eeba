package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What of a principal exists only if values no loader could compute say so: the principal itself
 * (a Terraform {@code count} or {@code for_each} that is unknown, a CloudFormation {@code
 * Condition} that cannot be computed), the attachment of a managed policy or a group membership
 * made by a resource of its own whose existence is unknown. A statement that applies only if such
 * a thing exists carries the values as unresolved ({@link #onlyIf}), so the evaluator treats it as
 * it treats any statement built from an unknown value: a decision that depends on it fails, naming
 * the values; a decision it cannot change stands.
 *
 * @param principal why it is unknown whether the principal exists; empty when it certainly does
 * @param attachments per managed policy ARN, why it is unknown whether the attachment exists;
 *     ARNs attached for certain are not keys
 * @param memberships per group name (users only), why it is unknown whether the membership
 *     exists; groups the user is certainly in are not keys
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Existence(List<Unresolved> principal, Map<String, List<Unresolved>> attachments, Map<String, List<Unresolved>> memberships) {

  /** A principal that exists, with every attachment and membership it has. */
  public static final Existence CERTAIN = new Existence(List.of(), Map.of(), Map.of());

  public Existence {
    principal = List.copyOf(principal);
    attachments = Map.copyOf(attachments);
    memberships = Map.copyOf(memberships);
  }

  /** Why it is unknown whether the managed policy {@code arn} applies to the principal: the principal's and the attachment's. */
  public List<Unresolved> ofAttachment(String arn) {
    return both(principal, attachments.getOrDefault(arn, List.of()));
  }

  /**
   * Why it is unknown whether the inline policies of {@code group} apply to the user: the user's,
   * the membership's and the group's own.
   */
  public List<Unresolved> ofMembership(Group group) {
    return both(both(principal, memberships.getOrDefault(group.name(), List.of())), group.existence().principal());
  }

  /** Why it is unknown whether the managed policy {@code arn} applies to the user through {@code group}. */
  public List<Unresolved> ofMembership(Group group, String arn) {
    return both(ofMembership(group), group.existence().attachments().getOrDefault(arn, List.of()));
  }

  private static List<Unresolved> both(List<Unresolved> first, List<Unresolved> second) {
    if (second.isEmpty() || first.containsAll(second)) {
      return first;
    }
    if (first.isEmpty()) {
      return second;
    }
    List<Unresolved> all = new ArrayList<>(first);
    second.stream().filter(u -> !all.contains(u)).forEach(all::add);
    return List.copyOf(all);
  }

  /** {@code policy} with {@code existence} among the unresolved values of every statement; the policy itself when empty. */
  public static Policy onlyIf(Policy policy, List<Unresolved> existence) {
    if (existence.isEmpty()) {
      return policy;
    }
    List<Statement> statements = new ArrayList<>();
    for (Statement s : policy.statements()) {
      List<Unresolved> unresolved = new ArrayList<>(s.unresolved());
      existence.stream().filter(u -> !unresolved.contains(u)).forEach(unresolved::add);
      statements.add(new Statement(s.sid(), s.effect(), s.action(), s.resource(), s.principal(), s.conditions(), s.index(),
          s.location(), unresolved));
    }
    return new Policy(policy.name(), policy.version(), policy.id(), statements, policy.location(), policy.unreadable());
  }
}
