package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.IamUnitException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The accounts the loaded sources deploy into, by id, and the organization above them when the
 * sources declare one. Each {@link Account} holds its own principals, policies and resource
 * policies, and its own {@link Account#organization() organization levels} (the SCPs and RCPs of
 * its path in the tree). The {@link #home() home} account is the default for everything the
 * sources do not place elsewhere; a single-account load is an {@code Accounts} of one.
 *
 * <p>Every member account of the declared organization is here, with its levels, even when no
 * source places a principal in it: its root user, and the resources of the account, are still
 * subject to them. Immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Accounts {

  private final String homeId;
  private final Map<String, Account> byId;
  private final Optional<OrganizationTree> tree;

  private Accounts(String homeId, Map<String, Account> byId, Optional<OrganizationTree> tree) {
    this.homeId = homeId;
    this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    this.tree = tree;
  }

  /** The one account a single-account load gives, as its own home. */
  public static Accounts of(Account account) {
    return new Accounts(account.id(), Map.of(account.id(), account), account.organization().tree());
  }

  /** A new set of accounts whose home is {@code homeId}, in {@code partition} and {@code region}. */
  public static Builder builder(String homeId, String partition, String region) {
    return new Builder(homeId, partition, region);
  }

  /** The account everything the sources do not place elsewhere lives in (the load's account id). */
  public Account home() {
    return byId.get(homeId);
  }

  /** An account by its twelve-digit id. */
  public Optional<Account> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The account a user means by {@code nameOrId}: the one the organization gives that name ({@code
   * aws_organizations_account}'s {@code name}, such as {@code prod}), else the account of that id;
   * empty when neither.
   *
   * @throws IamUnitException when the organization gives the name to several accounts: a name is a
   *     label two accounts may share, so only an id says which one is meant; the message names each
   *     of them by id (see {@link #allNamed} for every account of a name)
   */
  public Optional<Account> named(String nameOrId) {
    List<Account> named = allNamed(nameOrId);
    if (named.size() > 1) {
      throw new IamUnitException("\"" + nameOrId + "\" names " + named.size() + " accounts of the organization, " + describe(named)
          + ": account names need not be unique, so give the id of the one you mean");
    }
    return named.stream().findFirst();
  }

  /**
   * Every account {@code nameOrId} names: those the organization gives that name, in its order
   * (names are labels: two accounts may be given the same one, and then a name alone does not say
   * which is meant), else the account of that id; empty when neither.
   */
  public List<Account> allNamed(String nameOrId) {
    List<Account> byName = tree.stream().flatMap(t -> t.accounts().stream()).filter(a -> a.name().equals(nameOrId))
        .flatMap(member -> byId(member.id()).stream()).toList();
    return byName.isEmpty() ? byId(nameOrId).stream().toList() : byName;
  }

  /**
   * The accounts a user (or, with {@code role}, a role) named {@code name} may be meant in: the
   * home account when it declares the name or no account does (where an unknown name is then
   * reported with the names it declares); else every account that declares it. More than one is a
   * question only the test or its author can answer.
   */
  public List<Account> homesOf(boolean role, String name) {
    List<Account> declaring = byId.values().stream()
        .filter(a -> role ? a.role(name).isPresent() : a.user(name).isPresent())
        .toList();
    return declaring.isEmpty() || declaring.contains(home()) ? List.of(home()) : declaring;
  }

  /**
   * The account that owns the resource {@code arn}: the account its ARN names; for an ARN without
   * an account (an S3 bucket or object), the account that holds the resource's policy. Empty when
   * the ARN names an account the sources do not load (what that account allows is not known here),
   * or names none and no account holds its policy (a caller then takes the resource for its own
   * account's, as AWS's same-account requests are).
   */
  public Optional<Account> owning(String arn) {
    String account = accountField(arn);
    if (!account.isEmpty()) {
      return byId(account);
    }
    String bucket = bucketOf(arn);
    for (Account candidate : byId.values()) {
      if (candidate.resourcePolicy(arn).isPresent() || (bucket != null && candidate.resourcePolicy(bucket).isPresent())) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The member accounts under organizational unit {@code unit} (its name, such as {@code
   * Workloads}, or its id; {@code Root}, as AWS names the root, or its id, for every member account), at any depth, in the order the
   * organization declares them; empty when the organization has no such unit.
   *
   * @throws IamUnitException when units of different parents share the name {@code unit}, naming each by its id
   */
  public Optional<List<Account>> under(String unit) {
    if (tree.isEmpty()) {
      return Optional.empty();
    }
    OrganizationTree t = tree.get();
    Optional<String> id = t.rootId().equals(unit) || unit.equals("Root") ? Optional.of(t.rootId()) : unitId(t, unit);
    return id.map(found -> t.accounts().stream()
        .filter(m -> t.path(m.id()).filter(path -> path.contains(found)).isPresent())
        .flatMap(m -> byId(m.id()).stream())
        .toList());
  }

  /**
   * The id of the unit {@code unit} names: the unit of that id, else the one of that name. Units of
   * different parents may share a name, and then only the id says which is meant.
   */
  private static Optional<String> unitId(OrganizationTree t, String unit) {
    Optional<String> byId = t.unit(unit).map(OrganizationTree.Unit::id);
    if (byId.isPresent()) {
      return byId;
    }
    List<OrganizationTree.Unit> named = t.units().stream().filter(u -> u.name().equals(unit)).toList();
    if (named.size() > 1) {
      throw new IamUnitException("\"" + unit + "\" names " + named.size() + " organizational units, " + String.join(", ", named.stream()
          .map(u -> u.id() + " (" + u.location() + ")").toList()) + ": give the id of the one you mean");
    }
    return named.stream().map(OrganizationTree.Unit::id).findFirst();
  }

  /** Every account, the home account first, then in the order the sources place them. */
  public List<Account> all() {
    return List.copyOf(byId.values());
  }

  /** {@code prod (111111111111)}: an account as messages name it, by its organization name when it has one, and its id. */
  public String describe(Account account) {
    return tree.flatMap(t -> t.account(account.id())).map(m -> m.name() + " (" + account.id() + ")").orElse(account.id());
  }

  /** {@code prod (111111111111), dev (222222222222)}. */
  public String describe(List<Account> some) {
    return String.join(", ", some.stream().map(this::describe).toList());
  }

  /** The organization the sources declare, if any. */
  public Optional<OrganizationTree> tree() {
    return tree;
  }

  /** The account id of an ARN ({@code arn:partition:service:region:ACCOUNT:resource}), or empty. */
  static String accountField(String arn) {
    if (!arn.startsWith("arn:")) {
      return "";
    }
    int start = 0;
    for (int i = 0; i < 4; i++) {
      start = arn.indexOf(':', start) + 1;
      if (start == 0) {
        return "";
      }
    }
    int end = arn.indexOf(':', start);
    return end < 0 ? "" : arn.substring(start, end);
  }

  /** {@code arn:aws:s3:::bucket} for an object ARN {@code arn:aws:s3:::bucket/key}, else null. */
  private static String bucketOf(String arn) {
    int slash = arn.indexOf('/');
    return arn.startsWith("arn:") && arn.contains(":s3:::") && slash > 0 ? arn.substring(0, slash) : null;
  }

  @Override
  public String toString() {
    return "accounts " + byId.keySet() + " (home " + homeId + ")";
  }

  /** Collects accounts by id; the home account always exists. Not thread-safe. */
  public static final class Builder {
    private final String homeId;
    private final String partition;
    private final String region;
    private final Map<String, Account.Builder> accounts = new LinkedHashMap<>();
    private Optional<OrganizationTree> tree = Optional.empty();
    private Policy fullAwsAccess;

    private Builder(String homeId, String partition, String region) {
      this.homeId = Objects.requireNonNull(homeId, "homeId");
      this.partition = Objects.requireNonNull(partition, "partition");
      this.region = Objects.requireNonNull(region, "region");
      account(homeId);
    }

    public String homeId() {
      return homeId;
    }

    /** The builder of account {@code id}, made with the partition and region of the set when first asked for. */
    public Account.Builder account(String id) {
      return accounts.computeIfAbsent(id, k -> Account.builder().id(k).partition(partition).region(region));
    }

    /** Account {@code account} as it is, replacing any builder of its id. */
    public Builder add(Account account) {
      accounts.put(account.id(), account.toBuilder());
      return this;
    }

    /** The ids of the accounts asked for so far, the home account first. */
    public List<String> ids() {
      return new ArrayList<>(accounts.keySet());
    }

    /**
     * The organization above the accounts: when built, every member account of {@code value} is
     * one of the accounts (a member whose id AWS generates and the sources do not give cannot be),
     * and each account's levels are its own path's ({@link OrganizationTree#levels}), with {@code
     * fullAwsAccess} as AWS's FullAWSAccess; the management account and accounts outside the tree
     * get none.
     */
    public Builder organization(OrganizationTree value, Policy fullAwsAccess) {
      this.tree = Optional.of(value);
      this.fullAwsAccess = Objects.requireNonNull(fullAwsAccess, "fullAwsAccess");
      return this;
    }

    public Accounts build() {
      tree.ifPresent(t -> {
        t.accounts().stream().map(OrganizationTree.Member::id).filter(id -> !Unresolved.isIn(id)).forEach(this::account);
        Map<String, Organization> levels = t.levels(accounts.keySet(), fullAwsAccess);
        accounts.forEach((id, builder) -> builder.organization(levels.get(id)));
      });
      Map<String, Account> built = new LinkedHashMap<>();
      accounts.forEach((id, builder) -> built.put(id, builder.build()));
      return new Accounts(homeId, built, tree);
    }
  }
}
