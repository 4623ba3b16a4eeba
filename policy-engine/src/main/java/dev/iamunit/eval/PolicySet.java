package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.eval.internal.ActionIndex;
import dev.iamunit.eval.internal.CompiledPolicy;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Every policy that applies to one request, by type, compiled once: a set can serve any number of
 * requests from any number of threads.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PolicySet {

  private final List<CompiledPolicy> identity;
  private final List<CompiledPolicy> resources;
  private final List<CompiledPolicy> boundaries;
  private final List<List<CompiledPolicy>> scpLevels;
  private final List<List<CompiledPolicy>> rcpLevels;
  private final List<CompiledPolicy> session;
  private final List<CompiledPolicy> endpoint;
  private final List<Unresolved> unreadable;
  /**
   * The statements of the policies a principal holds, whatever it asks about: the SCPs of every
   * level, then its identity-based policies, boundaries and session policies. One index, so that a
   * decision looks its action up once for all of them (an organization's caller holds about 20
   * policies), shared by the sets {@link #withResourcePolicies} and the like derive, so that its
   * tables are built once per caller.
   */
  private final ActionIndex held;
  /** How many of {@link #held}'s statements are SCPs': the evaluator reads resource policies between them and the rest. */
  private final int scpStatements;
  private final ActionIndex rcpIndex;
  private final ActionIndex resourceIndex;
  private final ActionIndex endpointIndex;

  private PolicySet(
      PolicySet base,
      List<CompiledPolicy> resources,
      List<List<CompiledPolicy>> rcpLevels,
      List<CompiledPolicy> endpoint) {
    this.identity = base.identity;
    this.boundaries = base.boundaries;
    this.scpLevels = base.scpLevels;
    this.session = base.session;
    this.held = base.held;
    this.scpStatements = base.scpStatements;
    this.resources = resources;
    this.rcpLevels = rcpLevels;
    this.endpoint = endpoint;
    this.resourceIndex = resources == base.resources ? base.resourceIndex : ActionIndex.of(resources);
    this.rcpIndex = rcpLevels == base.rcpLevels ? base.rcpIndex : ActionIndex.of(flat(rcpLevels));
    this.endpointIndex = endpoint == base.endpoint ? base.endpointIndex : ActionIndex.of(endpoint);
    this.unreadable = collectUnreadable();
  }

  private PolicySet(Builder builder) {
    this.identity = compile(builder.identity, PolicyType.IDENTITY, "identity");
    this.resources = compileResources(builder.resources);
    this.boundaries = compile(builder.boundaries, PolicyType.PERMISSIONS_BOUNDARY, "permissionBoundaries");
    this.scpLevels = levels(builder.scpLevels, PolicyType.SERVICE_CONTROL, "scps");
    this.rcpLevels = levels(builder.rcpLevels, PolicyType.RESOURCE_CONTROL, "rcps");
    this.session = compile(builder.session, PolicyType.SESSION, "session");
    this.endpoint = compile(builder.endpoint, PolicyType.VPC_ENDPOINT, "endpoint");
    List<CompiledPolicy> scps = flat(scpLevels);
    List<CompiledPolicy> held = new ArrayList<>(scps);
    held.addAll(identity);
    held.addAll(boundaries);
    held.addAll(session);
    this.held = ActionIndex.of(held);
    this.scpStatements = statementCount(scps);
    this.resourceIndex = ActionIndex.of(resources);
    this.rcpIndex = ActionIndex.of(flat(rcpLevels));
    this.endpointIndex = ActionIndex.of(endpoint);
    this.unreadable = collectUnreadable();
  }

  private static int statementCount(List<CompiledPolicy> policies) {
    int count = 0;
    for (CompiledPolicy policy : policies) {
      count += policy.statements().length;
    }
    return count;
  }

  private static List<CompiledPolicy> flat(List<List<CompiledPolicy>> levels) {
    if (levels.isEmpty()) {
      return List.of();
    }
    List<CompiledPolicy> all = new ArrayList<>();
    levels.forEach(all::addAll);
    return all;
  }

  private static List<CompiledPolicy> compile(List<Policy> policies, PolicyType type, String name) {
    return compile(policies, type, 0, name);
  }

  private static List<CompiledPolicy> compile(List<Policy> policies, PolicyType type, int level, String name) {
    // Filled in place and handed out as a List.of list: an ArrayList and List.copyOf copy twice.
    CompiledPolicy[] compiled = new CompiledPolicy[policies.size()];
    for (int i = 0; i < compiled.length; i++) {
      compiled[i] = CompiledPolicy.compile(policies.get(i), type, level, name + "[" + i + "]");
    }
    return List.of(compiled);
  }

  private static List<List<CompiledPolicy>> levels(List<List<Policy>> levels, PolicyType type, String name) {
    @SuppressWarnings("unchecked")
    List<CompiledPolicy>[] compiled = new List[levels.size()];
    for (int i = 0; i < compiled.length; i++) {
      compiled[i] = compile(levels.get(i), type, i, name + "[" + i + "]");
    }
    return List.of(compiled);
  }

  /** The first resource-based policy is {@code resource}, as it always was; others are {@code resource[i]}. */
  private static List<CompiledPolicy> compileResources(List<Policy> policies) {
    CompiledPolicy[] compiled = new CompiledPolicy[policies.size()];
    for (int i = 0; i < compiled.length; i++) {
      compiled[i] = CompiledPolicy.compile(policies.get(i), PolicyType.RESOURCE, 0, i == 0 ? "resource" : "resource[" + i + "]");
    }
    return List.of(compiled);
  }

  /**
   * This set with {@code policy} as the resource-based policy (replacing any), reusing the
   * compiled form of every other policy: the cheap way to ask about many resources.
   */
  public PolicySet withResourcePolicy(Policy policy) {
    return withResourcePolicies(List.of(policy));
  }

  /**
   * This set with {@code policies} as the resource-based policies that apply to the request
   * (replacing any): a table's policy and its table bucket's, a vault's access policy and its
   * Vault Lock policy. Each is a resource-based policy of the request: any of them may allow, and
   * a Deny in any of them denies.
   */
  public PolicySet withResourcePolicies(List<Policy> policies) {
    return new PolicySet(this, compileResources(policies), rcpLevels, endpoint);
  }

  /**
   * This set with {@code policies} as the policy of the VPC endpoint the request comes through
   * (replacing any). "An endpoint policy does not override or replace identity-based policies or
   * resource-based policies" (Amazon VPC PrivateLink Guide, Control access to VPC endpoints using
   * endpoint policies): the request must be allowed as without the endpoint, and by its policy too;
   * a Deny in it denies.
   */
  public PolicySet withEndpointPolicies(List<Policy> policies) {
    return new PolicySet(this, resources, rcpLevels, compile(policies, PolicyType.VPC_ENDPOINT, "endpoint"));
  }

  /**
   * This set with {@code levels} as its RCP levels (replacing any), reusing the compiled form of
   * every other policy: the RCPs that apply are those of the resource's account, which a caller
   * knows only per request.
   */
  public PolicySet withResourceControlPolicies(List<List<Policy>> levels) {
    return new PolicySet(this, resources, levels(levels, PolicyType.RESOURCE_CONTROL, "rcps"), endpoint);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Only identity-based policies, the common case. */
  public static PolicySet ofIdentity(Policy... policies) {
    return builder().identity(List.of(policies)).build();
  }

  List<CompiledPolicy> identity() {
    return identity;
  }

  List<CompiledPolicy> resources() {
    return resources;
  }

  List<CompiledPolicy> boundaries() {
    return boundaries;
  }

  List<List<CompiledPolicy>> scpLevels() {
    return scpLevels;
  }

  List<List<CompiledPolicy>> rcpLevels() {
    return rcpLevels;
  }

  List<CompiledPolicy> session() {
    return session;
  }

  List<CompiledPolicy> endpoint() {
    return endpoint;
  }

  ActionIndex held() {
    return held;
  }

  int scpStatements() {
    return scpStatements;
  }

  ActionIndex rcpIndex() {
    return rcpIndex;
  }

  ActionIndex resourceIndex() {
    return resourceIndex;
  }

  ActionIndex endpointIndex() {
    return endpointIndex;
  }

  /** The statements of the set's policies that no one could read (see {@link Policy#unreadable()}). */
  public List<Unresolved> unreadable() {
    return unreadable;
  }

  private List<Unresolved> collectUnreadable() {
    // Nearly every set has none, and a set is made for every line of a case file: then no list
    // is built, not even the list of its policies.
    boolean none = readable(identity) && readable(boundaries) && readable(session) && readable(resources) && readable(endpoint);
    for (List<CompiledPolicy> level : scpLevels) {
      none &= readable(level);
    }
    for (List<CompiledPolicy> level : rcpLevels) {
      none &= readable(level);
    }
    if (none) {
      return List.of();
    }
    List<Unresolved> all = new ArrayList<>();
    for (Policy policy : policies()) {
      all.addAll(policy.unreadable());
    }
    return List.copyOf(all);
  }

  private static boolean readable(List<CompiledPolicy> policies) {
    for (CompiledPolicy policy : policies) {
      if (!policy.policy().unreadable().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** Every policy of the set, in evaluation order. */
  public List<Policy> policies() {
    List<Policy> all = new ArrayList<>();
    for (PolicyType type : PolicyType.values()) {
      all.addAll(policies(type));
    }
    return all;
  }

  /** The set's policies of one type, every level of an organization's in order: a statement's type tells which account it applied for. */
  public List<Policy> policies(PolicyType type) {
    List<Policy> all = new ArrayList<>();
    switch (type) {
      case RESOURCE_CONTROL -> rcpLevels.forEach(level -> level.forEach(p -> all.add(p.policy())));
      case SERVICE_CONTROL -> scpLevels.forEach(level -> level.forEach(p -> all.add(p.policy())));
      case RESOURCE -> resources.forEach(p -> all.add(p.policy()));
      case IDENTITY -> identity.forEach(p -> all.add(p.policy()));
      case PERMISSIONS_BOUNDARY -> boundaries.forEach(p -> all.add(p.policy()));
      case SESSION -> session.forEach(p -> all.add(p.policy()));
      case VPC_ENDPOINT -> endpoint.forEach(p -> all.add(p.policy()));
    }
    return all;
  }

  /** Collects the policies of a set. */
  public static final class Builder {
    private final List<Policy> identity = new ArrayList<>();
    private final List<Policy> resources = new ArrayList<>();
    private final List<Policy> boundaries = new ArrayList<>();
    private final List<List<Policy>> scpLevels = new ArrayList<>();
    private final List<List<Policy>> rcpLevels = new ArrayList<>();
    private final List<Policy> session = new ArrayList<>();
    private final List<Policy> endpoint = new ArrayList<>();

    private Builder() {}

    public Builder identity(Policy policy) {
      identity.add(policy);
      return this;
    }

    public Builder identity(List<Policy> policies) {
      identity.addAll(policies);
      return this;
    }

    /**
     * A resource-based policy of the requested resource (a role's trust policy for AssumeRole);
     * several given are each a resource-based policy of the request (see {@link #withResourcePolicies}).
     */
    public Builder resource(Policy policy) {
      resources.add(policy);
      return this;
    }

    /**
     * A permissions boundary document. AWS sets one boundary per principal; several documents
     * given here are read as the parts of that one boundary, so any of them may allow.
     */
    public Builder boundary(Policy policy) {
      boundaries.add(policy);
      return this;
    }

    /** One level of the organization (root, then each OU, then the account): each must allow. */
    public Builder scpLevel(List<Policy> policies) {
      scpLevels.add(List.copyOf(policies));
      return this;
    }

    public Builder rcpLevel(List<Policy> policies) {
      rcpLevels.add(List.copyOf(policies));
      return this;
    }

    /** A session policy; several (inline and managed) together are the session's policies. */
    public Builder session(Policy policy) {
      session.add(policy);
      return this;
    }

    /** The policy of the VPC endpoint the request comes through (see {@link PolicySet#withEndpointPolicies}). */
    public Builder endpoint(Policy policy) {
      endpoint.add(policy);
      return this;
    }

    public PolicySet build() {
      return new PolicySet(this);
    }
  }
}
