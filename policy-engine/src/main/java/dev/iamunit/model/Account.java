package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One AWS account's IAM, as loaded from templates: principals, managed policies, resource-based
 * policies, the organization above it, and every value the loaders could not compute.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Account {

  public static final String DEFAULT_ID = "123456789012";
  public static final String DEFAULT_PARTITION = "aws";
  public static final String DEFAULT_REGION = "us-east-1";

  private final String id;
  private final String partition;
  private final String region;
  private final Map<String, User> users;
  private final Map<String, Group> groups;
  private final Map<String, Role> roles;
  private final Map<String, ManagedPolicy> managedPolicies;
  private final Map<String, Policy> resourcePolicies;
  private final Organization organization;
  private final List<Unresolved> unresolved;
  private final Map<String, String> aliases;
  private final Map<String, PermissionSet> permissionSets;
  private final List<AccountAssignment> assignments;

  private Account(Builder builder) {
    this.id = builder.id;
    this.partition = builder.partition;
    this.region = builder.region;
    this.users = Collections.unmodifiableMap(new LinkedHashMap<>(builder.users));
    this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(builder.groups));
    this.roles = Collections.unmodifiableMap(new LinkedHashMap<>(builder.roles));
    this.managedPolicies = Collections.unmodifiableMap(new LinkedHashMap<>(builder.managedPolicies));
    this.resourcePolicies = Collections.unmodifiableMap(new LinkedHashMap<>(builder.resourcePolicies));
    this.organization = builder.organization;
    this.unresolved = List.copyOf(builder.unresolved);
    this.aliases = Map.copyOf(builder.aliases);
    this.permissionSets = Collections.unmodifiableMap(new LinkedHashMap<>(builder.permissionSets));
    this.assignments = List.copyOf(builder.assignments);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Account {@code id} declaring nothing: what one version holds of an account only the other
   * version's sources declare, so that comparing them shows everything of it as added or removed.
   */
  public static Account empty(String id) {
    return new Builder().id(id).build();
  }

  public String id() {
    return id;
  }

  public String partition() {
    return partition;
  }

  public String region() {
    return region;
  }

  /** A user by name, or by the template address that declares it ({@code aws_iam_user.ci}, a logical id). */
  public Optional<User> user(String name) {
    return Optional.ofNullable(users.getOrDefault(name, users.get(aliases.getOrDefault("user " + name, ""))));
  }

  /** A group by name, or by the template address that declares it. */
  public Optional<Group> group(String name) {
    return Optional.ofNullable(groups.getOrDefault(name, groups.get(aliases.getOrDefault("group " + name, ""))));
  }

  /**
   * A role by name, or by the template address that declares it ({@code aws_iam_role.lambda}, a
   * CloudFormation logical id): the only way to name a role whose name AWS generates.
   */
  public Optional<Role> role(String name) {
    return Optional.ofNullable(roles.getOrDefault(name, roles.get(aliases.getOrDefault("role " + name, ""))));
  }

  /**
   * The template addresses principals are declared at, each with the principal's name, keyed
   * {@code "user aws_iam_user.ci"}, {@code "role LambdaRole"}: for messages that list what a test
   * may name.
   */
  public Map<String, String> addresses() {
    return aliases;
  }

  /** A managed policy by ARN: customer managed or an AWS managed one a template attached. */
  public Optional<ManagedPolicy> managedPolicy(String arn) {
    return Optional.ofNullable(managedPolicies.get(arn));
  }

  /** The resource-based policy of a resource, by the resource's ARN. */
  public Optional<Policy> resourcePolicy(String resourceArn) {
    return Optional.ofNullable(resourcePolicies.get(resourceArn));
  }

  public Map<String, User> users() {
    return users;
  }

  public Map<String, Group> groups() {
    return groups;
  }

  public Map<String, Role> roles() {
    return roles;
  }

  public Map<String, ManagedPolicy> managedPolicies() {
    return managedPolicies;
  }

  public Map<String, Policy> resourcePolicies() {
    return resourcePolicies;
  }

  public Organization organization() {
    return organization;
  }

  /** Values the loaders could not compute: harmless until a decision depends on one. */
  public List<Unresolved> unresolved() {
    return unresolved;
  }

  /** The IAM Identity Center permission sets the sources declare, by name, whichever accounts they are assigned to. */
  public Map<String, PermissionSet> permissionSets() {
    return permissionSets;
  }

  /** The IAM Identity Center account assignments the sources declare, to this account and to others. */
  public List<AccountAssignment> assignments() {
    return assignments;
  }

  /**
   * The role IAM Identity Center provisioned in this account for permission set {@code name}
   * ({@code AWSReservedSSO_name_suffix}); empty when the permission set is not declared or not
   * assigned to this account.
   */
  public Optional<Role> permissionSetRole(String name) {
    PermissionSet set = permissionSets.get(name);
    return set == null ? Optional.empty() : provisionedRole(set);
  }

  /** The role IAM Identity Center provisions here for permission set {@code set} (declared in this account or another, such as the management account). */
  public Optional<Role> provisionedRole(PermissionSet set) {
    return roles.values().stream().filter(set::provisioned).findFirst();
  }

  public Builder toBuilder() {
    Builder builder = new Builder().id(id).partition(partition).region(region).organization(organization);
    builder.users.putAll(users);
    builder.groups.putAll(groups);
    builder.roles.putAll(roles);
    builder.managedPolicies.putAll(managedPolicies);
    builder.resourcePolicies.putAll(resourcePolicies);
    builder.unresolved.addAll(unresolved);
    builder.aliases.putAll(aliases);
    builder.permissionSets.putAll(permissionSets);
    builder.assignments.addAll(assignments);
    return builder;
  }

  /** Collects an account; a name added twice replaces the first (loaders check duplicates). */
  public static final class Builder {
    private String id = DEFAULT_ID;
    private String partition = DEFAULT_PARTITION;
    private String region = DEFAULT_REGION;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, ManagedPolicy> managedPolicies = new LinkedHashMap<>();
    private final Map<String, Policy> resourcePolicies = new LinkedHashMap<>();
    private Organization organization = Organization.NONE;
    private final List<Unresolved> unresolved = new ArrayList<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Map<String, PermissionSet> permissionSets = new LinkedHashMap<>();
    private final List<AccountAssignment> assignments = new ArrayList<>();

    private Builder() {}

    public Builder id(String value) {
      this.id = Objects.requireNonNull(value, "id");
      return this;
    }

    public Builder partition(String value) {
      this.partition = Objects.requireNonNull(value, "partition");
      return this;
    }

    public Builder region(String value) {
      this.region = Objects.requireNonNull(value, "region");
      return this;
    }

    public Builder user(User user) {
      users.put(user.name(), user);
      return this;
    }

    public Builder group(Group group) {
      groups.put(group.name(), group);
      return this;
    }

    public Builder role(Role role) {
      roles.put(role.name(), role);
      return this;
    }

    public Builder managedPolicy(ManagedPolicy policy) {
      managedPolicies.put(policy.arn(), policy);
      return this;
    }

    public Builder resourcePolicy(String resourceArn, Policy policy) {
      resourcePolicies.put(resourceArn, policy);
      return this;
    }

    public Builder organization(Organization value) {
      this.organization = Objects.requireNonNull(value, "organization");
      return this;
    }

    public Builder unresolved(Unresolved value) {
      unresolved.add(value);
      return this;
    }

    /**
     * Lets {@code kind} ({@code user}, {@code group}, {@code role}) {@code name} be found by the
     * template address that declares it too; a name always wins over an address.
     */
    public Builder alias(String kind, String address, String name) {
      aliases.put(kind + " " + Objects.requireNonNull(address, "address"), Objects.requireNonNull(name, "name"));
      return this;
    }

    public Builder permissionSet(PermissionSet set) {
      permissionSets.put(set.name(), set);
      return this;
    }

    public Builder assignment(AccountAssignment assignment) {
      assignments.add(Objects.requireNonNull(assignment, "assignment"));
      return this;
    }

    public Optional<User> user(String name) {
      return Optional.ofNullable(users.get(name));
    }

    public Optional<Group> group(String name) {
      return Optional.ofNullable(groups.get(name));
    }

    public Optional<Role> role(String name) {
      return Optional.ofNullable(roles.get(name));
    }

    public Account build() {
      return new Account(this);
    }
  }
}
