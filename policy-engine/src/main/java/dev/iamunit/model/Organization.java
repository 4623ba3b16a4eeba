package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apiguardian.api.API;

/**
 * The AWS Organizations policies above the account, one list per level from the root down to the
 * account itself, and the organization they were computed from when the sources declare one
 * ({@link OrganizationTree#levels}).
 *
 * @param serviceControlPolicies SCPs per level
 * @param resourceControlPolicies RCPs per level
 * @param tree the organization as declared, when the sources declare one
 * @param scpRule the FullAWSAccess rule the SCP levels were built by
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Organization(
    List<List<Policy>> serviceControlPolicies,
    List<List<Policy>> resourceControlPolicies,
    Optional<OrganizationTree> tree,
    OrganizationTree.ScpRule scpRule) {

  public static final Organization NONE = new Organization(List.of(), List.of());

  public Organization {
    serviceControlPolicies = serviceControlPolicies.stream().map(List::copyOf).toList();
    resourceControlPolicies = resourceControlPolicies.stream().map(List::copyOf).toList();
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(scpRule, "scpRule");
  }

  /** Levels computed from {@code tree}, by its rule; levels given as they are without one. */
  public Organization(List<List<Policy>> serviceControlPolicies, List<List<Policy>> resourceControlPolicies, Optional<OrganizationTree> tree) {
    this(serviceControlPolicies, resourceControlPolicies, tree, tree.map(OrganizationTree::scpRule)
        .orElse(serviceControlPolicies.isEmpty() ? OrganizationTree.ScpRule.DISABLED : OrganizationTree.ScpRule.MANAGED));
  }

  /** Levels given directly, as they are, with no organization tree behind them. */
  public Organization(List<List<Policy>> serviceControlPolicies, List<List<Policy>> resourceControlPolicies) {
    this(serviceControlPolicies, resourceControlPolicies, Optional.empty());
  }

  /**
   * SCP levels that nothing places in an organization tree (policies attached to a root, OU or
   * account the sources do not declare, or files given one per level), with AWS's FullAWSAccess
   * rule applied as {@link OrganizationTree#levels} applies it: "When you enable SCPs, AWS
   * Organizations attaches an AWS managed SCP policy named FullAWSAccess" to the root, every OU
   * and every account (AWS Organizations User Guide, SCP evaluation), so each level holds
   * {@link OrganizationTree#FULL_AWS_ACCESS} beside its SCPs and a deny list denies only what it names. A level whose
   * SCPs allow some things but not everything is an allow list, which only works where
   * FullAWSAccess was detached: whether it was cannot be told without the tree, so there
   * FullAWSAccess applies only if the unresolved value {@code allowList} makes for the level's
   * first allow list (and its first Allow statement) says so. A decision that FullAWSAccess can change then fails naming it; one
   * the allow list decides stands. Under {@link OrganizationTree.ScpRule#DISABLED}, no SCP applies.
   *
   * @param rule {@link OrganizationTree.ScpRule#AWS_DEFAULT} or {@code MANAGED} when the sources
   *     attach FullAWSAccess themselves (somewhere they do not declare); either way each level is
   *     restricted only by what it declares
   */
  public static Organization unplaced(List<List<Policy>> serviceControlPolicies, List<List<Policy>> resourceControlPolicies,
      OrganizationTree.ScpRule rule, BiFunction<Policy, Statement, Unresolved> allowList) {
    List<List<Policy>> scps = new ArrayList<>();
    if (rule != OrganizationTree.ScpRule.DISABLED) {
      for (List<Policy> level : serviceControlPolicies) {
        List<Policy> withFullAccess = new ArrayList<>();
        if (level.stream().noneMatch(Organization::allowsEverything)) {
          Optional<Policy> list = level.stream().filter(p -> firstAllow(p).isPresent()).findFirst();
          withFullAccess.add(list.isEmpty() ? OrganizationTree.FULL_AWS_ACCESS
              : Existence.onlyIf(OrganizationTree.FULL_AWS_ACCESS, List.of(allowList.apply(list.get(), firstAllow(list.get()).get()))));
        }
        withFullAccess.addAll(level);
        scps.add(withFullAccess);
      }
    }
    return new Organization(scps, resourceControlPolicies, Optional.empty(), rule);
  }

  private static Optional<Statement> firstAllow(Policy policy) {
    return policy.statements().stream().filter(s -> s.effect() == Effect.ALLOW).findFirst();
  }

  /** Whether a statement of {@code policy} allows every action on every resource, unconditionally (as FullAWSAccess does). */
  private static boolean allowsEverything(Policy policy) {
    return policy.statements().stream().anyMatch(s -> s.effect() == Effect.ALLOW && s.unresolved().isEmpty() && s.conditions().isEmpty()
        && !s.action().negated() && s.action().values().contains("*")
        && s.resource().filter(r -> !r.negated() && r.values().contains("*")).isPresent());
  }
}
