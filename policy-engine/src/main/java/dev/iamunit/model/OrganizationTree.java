package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * An AWS Organizations organization as its configuration declares it: the root, the OU tree, the
 * member accounts, and the SCPs and RCPs with the roots, OUs and accounts they are attached to.
 * {@link #levels} turns it into the per-level lists the evaluator reads, by AWS's rules:
 *
 * <ul>
 *   <li>"an explicit Allow statement" is needed "at every level from the root through each OU in
 *       the direct path to the account (including the target account itself)" (AWS Organizations
 *       User Guide, SCP evaluation, How SCPs work with Allow); "any RCP from the root through each
 *       OU in the direct path to the account (including the target account itself) can deny"
 *       (RCP evaluation, Strategy for using RCPs).
 *   <li>{@link ScpRule}: which FullAWSAccess rule applies.
 *   <li>The management account is restricted by neither: "SCPs don't affect users or roles in the
 *       management account" (Service control policies (SCPs)) and "RCPs don't affect resources in
 *       the management account" (Resource control policies (RCPs)).
 * </ul>
 *
 * @param rootId the root's id ({@code r-...}, or the placeholder of one AWS generates)
 * @param managementAccountId the management account, when the loaded sources tell which it is
 * @param scpRule how SCPs apply
 * @param rcpsEnabled whether resource control policies are enabled
 * @param units the OUs, parents before children not required
 * @param accounts the member accounts
 * @param policies the SCPs and RCPs with their targets, in declaration order
 * @param location where the organization (or its first OU or account) is declared
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record OrganizationTree(
    String rootId,
    Optional<String> managementAccountId,
    ScpRule scpRule,
    boolean rcpsEnabled,
    List<Unit> units,
    List<Member> accounts,
    List<ControlPolicy> policies,
    SourceLocation location) {

  /** The id of the AWS managed SCP AWS attaches everywhere when SCPs are enabled. */
  public static final String FULL_AWS_ACCESS_ID = "p-FullAWSAccess";

  /**
   * FullAWSAccess itself: "allows every action on every resource" (AWS Organizations User Guide,
   * SCP evaluation): {@code {"Effect":"Allow","Action":"*","Resource":"*"}}.
   */
  public static final Policy FULL_AWS_ACCESS = fullAwsAccess();

  /** The id of the AWS managed RCP AWS attaches everywhere when RCPs are enabled; it cannot be detached. */
  public static final String RCP_FULL_AWS_ACCESS_ID = "p-RCPFullAWSAccess";

  /**
   * Which FullAWSAccess rule applies. "When you enable SCPs, AWS Organizations attaches an AWS
   * managed SCP policy named FullAWSAccess" (SCP evaluation, How SCPs work with Allow); an
   * organization may replace it with an allow list ("Every root, OU, and account must have at least
   * one SCP attached. If you want to replace the default FullAWSAccess policy ... This is the
   * authorization strategy of an 'allow list'", Organizations API Reference, DetachPolicy).
   */
  public enum ScpRule {
    /** SCPs are not enabled: none applies. */
    DISABLED("service control policies are not enabled: no SCP applies"),
    /** AWS's FullAWSAccess is at the root, every OU and every account, beside the declared SCPs. */
    AWS_DEFAULT("FullAWSAccess is attached by AWS to the root, every OU and every account (the configuration does not manage its attachments)"),
    /** The configuration attaches FullAWSAccess itself: its attachments are the whole truth. */
    MANAGED("the configuration manages FullAWSAccess attachments: only the attachments it declares apply");

    private final String description;

    ScpRule(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /** An organizational unit. */
  public record Unit(String id, String name, String parentId, SourceLocation location) {
    public Unit {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(parentId, "parentId");
      Objects.requireNonNull(location, "location");
    }
  }

  /** A member account. */
  public record Member(String id, String name, String parentId, SourceLocation location) {
    public Member {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(parentId, "parentId");
      Objects.requireNonNull(location, "location");
    }
  }

  /** An SCP or RCP and the targets (root, OU or account ids) it is attached to. */
  public record ControlPolicy(String id, boolean resourceControl, Policy policy, List<Target> targets) {
    public ControlPolicy {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(policy, "policy");
      targets = List.copyOf(targets);
    }
  }

  /** One attachment of a policy, where it is declared. */
  public record Target(String id, SourceLocation location) {
    public Target {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(location, "location");
    }
  }

  public OrganizationTree {
    Objects.requireNonNull(rootId, "rootId");
    Objects.requireNonNull(managementAccountId, "managementAccountId");
    Objects.requireNonNull(scpRule, "scpRule");
    units = List.copyOf(units);
    accounts = List.copyOf(accounts);
    policies = List.copyOf(policies);
    Objects.requireNonNull(location, "location");
  }

  public Optional<Member> account(String id) {
    return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  public Optional<Unit> unit(String id) {
    return units.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  /** Whether {@code id} names the root, an OU or an account of the tree. */
  public boolean isTarget(String id) {
    return rootId.equals(id) || unit(id).isPresent() || account(id).isPresent();
  }

  /**
   * The ids from the root down each OU to the account, or empty when the account is not a member
   * or a parent on its way up is not in the tree (or the parents form a loop).
   */
  public Optional<List<String>> path(String accountId) {
    return path(accountId, this::account, this::unit);
  }

  private Optional<List<String>> path(String accountId, Function<String, Optional<Member>> members, Function<String, Optional<Unit>> unitsById) {
    Optional<Member> member = members.apply(accountId);
    if (member.isEmpty()) {
      return Optional.empty();
    }
    List<String> up = new ArrayList<>();
    up.add(accountId);
    String parent = member.get().parentId();
    while (!parent.equals(rootId)) {
      Optional<Unit> unit = unitsById.apply(parent);
      if (unit.isEmpty() || up.contains(parent) || up.size() > units.size() + 1) {
        return Optional.empty();
      }
      up.add(parent);
      parent = unit.get().parentId();
    }
    up.add(rootId);
    Collections.reverse(up);
    return Optional.of(List.copyOf(up));
  }

  /** The SCPs (or RCPs) attached to one root, OU or account, in declaration order. */
  public List<Policy> attached(String targetId, boolean resourceControl) {
    List<Policy> attached = new ArrayList<>();
    for (ControlPolicy p : policies) {
      if (p.resourceControl() == resourceControl && p.targets().stream().anyMatch(t -> t.id().equals(targetId))) {
        attached.add(p.policy());
      }
    }
    return attached;
  }

  /**
   * The organization above account {@code accountId}: one SCP and one RCP list per level of its
   * path, with {@code fullAwsAccess} at every level under {@link ScpRule#AWS_DEFAULT}; no level for
   * the management account, or an account not in the tree (the caller reports why).
   * RCPFullAWSAccess is not listed: it only allows, and the evaluator reads RCPs for their denies.
   */
  public Organization levels(String accountId, Policy fullAwsAccess) {
    return levels(accountId, fullAwsAccess, this::account, this::unit, this::attached);
  }

  /**
   * {@link #levels} of each of {@code accountIds}, with the tree's lookups (accounts, OUs, the
   * policies attached to each target) built once instead of searched for every level of every
   * account: an organization of hundreds of accounts has thousands of levels.
   */
  public Map<String, Organization> levels(Collection<String> accountIds, Policy fullAwsAccess) {
    Map<String, Member> members = new HashMap<>();
    accounts.forEach(a -> members.putIfAbsent(a.id(), a));
    Map<String, Unit> unitsById = new HashMap<>();
    units.forEach(u -> unitsById.putIfAbsent(u.id(), u));
    Map<String, List<Policy>> scps = new HashMap<>();
    Map<String, List<Policy>> rcps = new HashMap<>();
    for (ControlPolicy p : policies) {
      // Once per target however often the policy names it, in declaration order, as attached() lists them.
      p.targets().stream().map(Target::id).distinct()
          .forEach(target -> (p.resourceControl() ? rcps : scps).computeIfAbsent(target, k -> new ArrayList<>()).add(p.policy()));
    }
    Map<String, Organization> levels = new LinkedHashMap<>();
    for (String id : accountIds) {
      levels.put(id, levels(id, fullAwsAccess, i -> Optional.ofNullable(members.get(i)), i -> Optional.ofNullable(unitsById.get(i)),
          (target, resourceControl) -> (resourceControl ? rcps : scps).getOrDefault(target, List.of())));
    }
    return levels;
  }

  private Organization levels(String accountId, Policy fullAwsAccess, Function<String, Optional<Member>> members,
      Function<String, Optional<Unit>> unitsById, BiFunction<String, Boolean, List<Policy>> attached) {
    Optional<List<String>> path = path(accountId, members, unitsById);
    if (path.isEmpty() || managementAccountId.filter(accountId::equals).isPresent()) {
      return new Organization(List.of(), List.of(), Optional.of(this));
    }
    List<List<Policy>> scps = new ArrayList<>();
    List<List<Policy>> rcps = new ArrayList<>();
    for (String node : path.get()) {
      if (scpRule != ScpRule.DISABLED) {
        List<Policy> level = new ArrayList<>();
        if (scpRule == ScpRule.AWS_DEFAULT) {
          level.add(fullAwsAccess);
        }
        level.addAll(attached.apply(node, false));
        scps.add(level);
      }
      if (rcpsEnabled) {
        rcps.add(attached.apply(node, true));
      }
    }
    return new Organization(scps, rcps, Optional.of(this));
  }

  private static Policy fullAwsAccess() {
    SourceLocation at = SourceLocation.of("arn:aws:organizations::aws:policy/service_control_policy/" + FULL_AWS_ACCESS_ID, 1, 1);
    Statement allowAll = new Statement(Optional.empty(), Effect.ALLOW, new ActionElement(List.of("*"), false, at),
        Optional.of(new ResourceElement(List.of("*"), false, at)), Optional.empty(), List.of(), 0, at, List.of());
    return new Policy("FullAWSAccess", Optional.of(Policy.VERSION_2012), Optional.empty(), List.of(allowAll), at);
  }
}
