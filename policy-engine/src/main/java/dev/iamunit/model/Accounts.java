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
import java.util.stream.IntStream;
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
   * aws_organizations_account}'s {@code name}, such as {@code prod}), or the one at that {@link
   * OrganizationPath path} ({@code Workloads/prod}, {@code Root/sandbox}), else the account of that
   * id; empty when none.
   *
   * @throws IamUnitException when the organization gives the name to several accounts: a name is a
   *     label two accounts may share, so only a path (when theirs differ) or an id says which one is
   *     meant; the message names each of them by path and id (see {@link #allNamed} for every
   *     account of a name)
   */
  public Optional<Account> named(String nameOrId) {
    List<Account> named = allNamed(nameOrId);
    if (named.size() > 1) {
      // Paths tell accounts of different parents apart; two of one name under one parent, only their ids.
      List<Optional<OrganizationPath>> paths = named.stream().map(a -> tree.flatMap(t -> OrganizationPath.of(t, a.id()))).toList();
      boolean pathsTell = paths.stream().allMatch(Optional::isPresent) && paths.stream().distinct().count() == paths.size();
      throw new IamUnitException("\"" + nameOrId + "\" names " + named.size() + " accounts of the organization, " + (pathsTell
          ? String.join(", ", IntStream.range(0, named.size()).mapToObj(i -> paths.get(i).orElseThrow() + " (" + named.get(i).id() + ")").toList())
          : describe(named))
          + ": account names need not be unique, so give " + (pathsTell ? "the path or the id" : "the id") + " of the one you mean");
    }
    return named.stream().findFirst();
  }

  /**
   * The account a user means by {@code nameOrId} ({@link #named}), for a tool whose user must name
   * one ({@code @InAccount}, the CLI's {@code --in-account}): the caller says where it was given.
   *
   * @throws IamUnitException when it names several accounts ({@link #named}), or none: the message
   *     then lists the accounts loaded
   */
  public Account requireNamed(String nameOrId) {
    return named(nameOrId).orElseThrow(() -> new IamUnitException("\"" + nameOrId + "\" names no account of the loaded sources; they load "
        + describe(all()) + ": give one of their names, paths from the root or ids"));
  }

  /**
   * Every account {@code nameOrId} names: those the organization gives that name, in its order
   * (names are labels: two accounts may be given the same one, and then a name alone does not say
   * which is meant), or those at that {@link OrganizationPath path} (two of one parent may share a
   * name too), else the account of that id; empty when none.
   *
   * @throws IamUnitException when {@code nameOrId} is a path that names no account, and an account
   *     is named {@code nameOrId} itself: its {@code /} is written {@code \/}
   */
  public List<Account> allNamed(String nameOrId) {
    Optional<OrganizationPath> path = tree.flatMap(t -> OrganizationPath.parse(nameOrId, t));
    if (path.isPresent()) {
      List<Account> at = path.get().accounts(tree.get()).stream().flatMap(member -> byId(member.id()).stream()).toList();
      if (at.isEmpty() && tree.get().accounts().stream().anyMatch(a -> a.name().equals(nameOrId))) {
        throw readAsPath(nameOrId, "account");
      }
      return at;
    }
    String name = bareName(nameOrId);
    List<Account> byName = tree.stream().flatMap(t -> t.accounts().stream()).filter(a -> a.name().equals(name))
        .flatMap(member -> byId(member.id()).stream()).toList();
    return byName.isEmpty() ? byId(name).stream().toList() : byName;
  }

  /** {@code text} as one name, its escapes read, when it is not a path; else as written (it then names nothing by name or id). */
  private static String bareName(String text) {
    List<String> steps = OrganizationPath.steps(text);
    return steps.size() == 1 ? steps.get(0) : text;
  }

  /** A path that names nothing, written as the whole name of a unit or account: say how that name is written. */
  private static IamUnitException readAsPath(String text, String kind) {
    return new IamUnitException("\"" + text + "\" is read as a path from the root (" + String.join(", then ", OrganizationPath.steps(text))
        + "), which names no " + kind + "; to name the " + kind + " whose name is \"" + text + "\", write each / in it as \\/: \""
        + OrganizationPath.escape(text) + "\"");
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
   * Workloads}, its {@link OrganizationPath path}, such as {@code Workloads/Prod}, or its id; {@code
   * Root}, as AWS names the root, or its id, for every member account), at any depth, in the order
   * the organization declares them; empty when the organization has no such unit.
   *
   * @throws IamUnitException when units of different parents share the name {@code unit}, naming
   *     each by its path and id; or when {@code unit} is a path that names no unit and a unit is
   *     named {@code unit} itself, saying how its {@code /} is written
   */
  public Optional<List<Account>> under(String unit) {
    if (tree.isEmpty()) {
      return Optional.empty();
    }
    OrganizationTree t = tree.get();
    Optional<String> id = t.rootId().equals(unit) || unit.equals(OrganizationPath.ROOT) ? Optional.of(t.rootId()) : unitId(t, unit);
    return id.map(found -> t.accounts().stream()
        .filter(m -> t.path(m.id()).filter(path -> path.contains(found)).isPresent())
        .flatMap(m -> byId(m.id()).stream())
        .toList());
  }

  /**
   * The id of the unit {@code unit} names: the unit of that id, else the one at that path, else the
   * one of that name. Units of different parents may share a name, and then only the path or the id
   * says which is meant.
   */
  private static Optional<String> unitId(OrganizationTree t, String unit) {
    Optional<String> byId = t.unit(unit).map(OrganizationTree.Unit::id);
    if (byId.isPresent()) {
      return byId;
    }
    Optional<OrganizationPath> path = OrganizationPath.parse(unit, t);
    String name = bareName(unit);
    List<OrganizationTree.Unit> named = path.map(p -> p.units(t))
        .orElseGet(() -> t.units().stream().filter(u -> u.name().equals(name)).toList());
    if (named.isEmpty() && path.isPresent() && t.units().stream().anyMatch(u -> u.name().equals(unit))) {
      throw readAsPath(unit, "organizational unit");
    }
    if (named.size() > 1) {
      // Paths tell units of different parents apart; two units of one name under one parent (which AWS refuses) only their ids.
      boolean byPath = path.isEmpty();
      List<String> candidates = named.stream().map(u -> byPath && OrganizationPath.of(t, u.id()).isPresent()
          ? OrganizationPath.of(t, u.id()).get() + " (" + u.id() + ", " + u.location() + ")"
          : u.id() + " (" + u.location() + ")").toList();
      throw new IamUnitException("\"" + unit + "\" names " + named.size() + " organizational units, " + String.join(", ", candidates)
          + ": give the " + (byPath ? "path or the " : "") + "id of the one you mean");
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
