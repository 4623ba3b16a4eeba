package dev.iamunit.iac;

import dev.iamunit.iac.LoadReport.Problem;
import dev.iamunit.iac.internal.AccountAssembler;
import dev.iamunit.iac.internal.LoadReportBuilder;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Organization;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.PermissionSet;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import dev.iamunit.model.Group;
import dev.iamunit.model.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The one rule by which the accounts of several units of sources (a Terraform root module, a plan,
 * the CloudFormation stacks, a policy file) join into the accounts they deploy to. IAM names are
 * unique in an account, so a user, group, role, managed policy or resource policy that two units
 * declare in the same account is a {@link Problem} naming both places; the first, in {@link
 * SourceFormats}' defined order, stays. The same name in two accounts is two principals. The
 * organization comes from one unit: a second unit declaring one is a problem too, and so is a
 * second unit declaring SCPs or RCPs for an account without an organization, since IAMUnit cannot
 * tell where in the organization each would sit.
 */
final class AccountMerge {

  private final LoadOptions options;
  private final Map<String, Account.Builder> merged = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final Set<Unresolved> unresolved = new LinkedHashSet<>();
  /** The levels of accounts whose sources declare SCPs or RCPs but no organization. */
  private final Map<String, Organization> levels = new LinkedHashMap<>();
  private Optional<OrganizationTree> tree = Optional.empty();
  /** The region a unit gave each account, where it is not the load's. */
  private final Map<String, String> regions = new LinkedHashMap<>();
  /** The partition a unit gave each account, where it is not the load's. */
  private final Map<String, String> partitions = new LinkedHashMap<>();

  AccountMerge(LoadOptions options) {
    this.options = options;
    account(options.accountId());
  }

  private Account.Builder account(String id) {
    return merged.computeIfAbsent(id, k -> Account.builder().id(k).region(options.region()).partition(options.partition()));
  }

  /** Adds the accounts one unit loaded. */
  void add(Accounts unit) {
    for (Account account : unit.all()) {
      add(account);
    }
    // A format that loads into one account builder (SourceFormat's default) carries its tree there.
    tree = tree(tree, unit.tree().or(() -> unit.all().stream().flatMap(a -> a.organization().tree().stream()).findFirst()));
  }

  private void add(Account unit) {
    Account.Builder into = account(unit.id());
    // An account has the region its units create it in; two units naming two regions leave the load's.
    if (!unit.region().equals(options.region())) {
      String earlier = regions.putIfAbsent(unit.id(), unit.region());
      if (earlier != null && !earlier.equals(unit.region())) {
        regions.put(unit.id(), options.region());
      }
      into.region(regions.get(unit.id()));
    }
    // And the partition its units place it in (AccountAssembler: the partition of its regions), which
    // two units cannot disagree on: "each AWS account is scoped to one partition".
    if (!unit.partition().equals(options.partition())) {
      String earlier = partitions.putIfAbsent(unit.id(), unit.partition());
      if (earlier != null && !earlier.equals(unit.partition())) {
        firstLocation(unit).ifPresent(at -> problems.add(new Problem(at, "account " + unit.id() + " is in partition " + unit.partition()
            + " here and in partition " + earlier + " in another source; \"each AWS account is scoped to one partition\" (AWS General "
            + "Reference, Amazon Resource Names): give each partition's resources their own account (the first is kept)")));
      } else {
        into.partition(unit.partition());
      }
    }
    Account sofar = into.build();
    add("user", unit.users(), sofar.users(), (name, u) -> into.user(u), u -> u.location());
    add("group", unit.groups(), sofar.groups(), (name, g) -> into.group(g), g -> g.location());
    add("role", unit.roles(), sofar.roles(), (name, r) -> into.role(r), r -> r.location());
    add("managed policy", unit.managedPolicies(), sofar.managedPolicies(), (arn, p) -> into.managedPolicy(p),
        p -> p.document().location());
    add("the resource policy of", unit.resourcePolicies(), sofar.resourcePolicies(), into::resourcePolicy, Policy::location);
    add("permission set", unit.permissionSets(), sofar.permissionSets(), (name, set) -> into.permissionSet(set), PermissionSet::location);
    unit.assignments().forEach(into::assignment);
    unresolved.addAll(unit.unresolved());
    // The template addresses (and CDK construct paths) principals are found by, "kind address" → name.
    unit.addresses().forEach((key, name) -> into.alias(key.substring(0, key.indexOf(' ')), key.substring(key.indexOf(' ') + 1), name));
    if (unit.organization().tree().isEmpty()) {
      Organization earlier = levels.getOrDefault(unit.id(), Organization.NONE);
      List<List<Policy>> scps = levels("service control policies", earlier.serviceControlPolicies(),
          unit.organization().serviceControlPolicies());
      // The FullAWSAccess rule goes with the SCP levels kept (Organization.unplaced).
      levels.put(unit.id(), new Organization(scps,
          levels("resource control policies", earlier.resourceControlPolicies(), unit.organization().resourceControlPolicies()),
          Optional.empty(), scps == earlier.serviceControlPolicies() ? earlier.scpRule() : unit.organization().scpRule()));
    }
  }

  /** The organization tree of one unit; a second is a problem, like a second unit's SCPs. */
  private Optional<OrganizationTree> tree(Optional<OrganizationTree> sofar, Optional<OrganizationTree> added) {
    if (sofar.isPresent() && added.isPresent() && !sofar.equals(added)) {
      problems.add(new Problem(added.get().location(), "an organization is declared by two sources, here and at " + sofar.get().location()
          + "; IAMUnit cannot tell which one the account belongs to, so declare it in one source (the first is kept)"));
    }
    return sofar.isPresent() ? sofar : added;
  }

  /**
   * The merged accounts, each with its organization levels, and (in {@code report}) what placing
   * them in the organization found. The home account is the options' account; when there is no
   * organization and the sources place everything in one other account (a Terraform provider that
   * names its account), that account is the home: the load is of one account. IAM Identity Center
   * provisions its roles here, into the merged accounts, as AWS resolves a permission set's
   * customer managed policies in each target account whichever unit declares them.
   */
  Accounts accounts(LoadReportBuilder report) {
    AccountAssembler.provisionIdentityCenter(merged, options, report);
    List<String> holding = merged.entrySet().stream().filter(e -> holds(e.getValue().build())).map(Map.Entry::getKey).toList();
    String home = tree.isEmpty() && holding.size() == 1 && !holding.contains(options.accountId()) ? holding.get(0) : options.accountId();
    Accounts.Builder accounts = Accounts.builder(home, options.partition(), options.region());
    merged.forEach((id, builder) -> {
      if (id.equals(home) || holding.contains(id)) {
        unresolved.forEach(builder::unresolved);
        accounts.add(builder.build());
      }
    });
    if (tree.isPresent()) {
      Set<String> withPrincipals = new LinkedHashSet<>();
      merged.forEach((id, builder) -> {
        Account a = builder.build();
        if (!a.users().isEmpty() || !a.groups().isEmpty() || !a.roles().isEmpty()) {
          withPrincipals.add(id);
        }
      });
      AccountAssembler.organization(tree.get(), accounts, withPrincipals, report);
      onePartition(tree.get(), accounts.ids());
    } else {
      levels.forEach((id, organization) -> {
        if (accounts.ids().contains(id)) {
          accounts.account(id).organization(organization);
        }
      });
    }
    return accounts.build();
  }

  /**
   * Reports each loaded account of the organization (its management account, the members it places
   * by id) whose partition is not the organization's: the management account's, or, when the
   * sources load that one nowhere, the first member's they load. "Each AWS account is scoped to one
   * partition" (IAM User Guide, "Identify AWS resources with Amazon Resource Names (ARNs)",
   * partition), and an organization's accounts are in one: an account created in the GovCloud
   * (US) Regions is standalone until "the management account of an organization in the AWS
   * GovCloud (US) Region" invites it (AWS Organizations API Reference, CreateGovCloudAccount). An
   * account's partition is the one of the Regions its sources create it in (a provider's, a
   * stack's, a stack set instance's: {@link AccountAssembler}).
   */
  private void onePartition(OrganizationTree tree, List<String> loaded) {
    List<String> members = new ArrayList<>();
    tree.managementAccountId().filter(loaded::contains).ifPresent(members::add);
    tree.accounts().stream().map(OrganizationTree.Member::id).filter(id -> loaded.contains(id) && !members.contains(id)).forEach(members::add);
    if (members.size() < 2) {
      return;
    }
    Account reference = merged.get(members.get(0)).build();
    boolean management = tree.managementAccountId().filter(reference.id()::equals).isPresent();
    for (String id : members.subList(1, members.size())) {
      Account account = merged.get(id).build();
      if (account.partition().equals(reference.partition())) {
        continue;
      }
      SourceLocation at = firstLocation(account).orElseGet(() -> tree.account(id).map(OrganizationTree.Member::location).orElse(tree.location()));
      // An account created in several Regions keeps the load's region (AccountContents.region): name it only when it is the partition's.
      String created = Partition.ofRegion(account.region()).filter(p -> p.id().equals(account.partition())).isPresent()
          ? "region " + account.region() : "Regions of that partition";
      problems.add(new Problem(at, "account " + describe(tree, id) + " is in partition " + account.partition() + " (the sources create "
          + "what goes in it in " + created + "), but " + (management ? "the organization's management account "
          : "account ") + describe(tree, reference.id()) + (management ? "" : ", the first of the organization these sources load,")
          + " is in partition " + reference.partition() + "; the accounts of one organization are in one partition (\"Each AWS account is "
          + "scoped to one partition\", IAM User Guide, Identify AWS resources with ARNs; a GovCloud or China account joins an "
          + "organization of its own partition), so its SCPs and RCPs cannot apply to this account: create what goes in it through a "
          + "provider or stack in a Region of partition " + reference.partition() + ", or load the accounts of partition "
          + account.partition() + " and their own organization apart"));
    }
  }

  /** An account of the organization by id, with the name the organization gives it. */
  private static String describe(OrganizationTree tree, String id) {
    return id + tree.account(id).map(m -> " (" + m.name() + ")").orElse("");
  }

  /** Where the first principal, managed policy or resource policy of a unit's account is declared. */
  private static Optional<SourceLocation> firstLocation(Account account) {
    return Stream.of(account.users().values().stream().map(User::location), account.groups().values().stream().map(Group::location),
            account.roles().values().stream().map(Role::location), account.managedPolicies().values().stream().map(p -> p.document().location()),
            account.resourcePolicies().values().stream().map(Policy::location))
        .flatMap(locations -> locations).findFirst();
  }

  /** Whether the sources put anything in the account. */
  private static boolean holds(Account account) {
    return !account.users().isEmpty() || !account.groups().isEmpty() || !account.roles().isEmpty()
        || !account.managedPolicies().isEmpty() || !account.resourcePolicies().isEmpty() || !account.permissionSets().isEmpty();
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  private <T> void add(String kind, Map<String, T> added, Map<String, T> existing, BiConsumer<String, T> adder,
      Function<T, SourceLocation> where) {
    for (Map.Entry<String, T> entry : added.entrySet()) {
      T earlier = existing.get(entry.getKey());
      if (earlier == null) {
        adder.accept(entry.getKey(), entry.getValue());
      } else if (!earlier.equals(entry.getValue())) {
        problems.add(new Problem(where.apply(entry.getValue()), kind + " \"" + entry.getKey() + "\" is declared twice, at "
            + where.apply(earlier) + " and here; an account holds each once, so declare it in one source (the first is kept)"));
      }
    }
  }

  private List<List<Policy>> levels(String kind, List<List<Policy>> sofar, List<List<Policy>> added) {
    if (added.isEmpty() || added.stream().allMatch(List::isEmpty)) {
      return sofar;
    }
    if (sofar.isEmpty()) {
      return added;
    }
    problems.add(new Problem(first(added), kind + " are declared by two sources, here and at " + first(sofar)
        + "; IAMUnit cannot tell where in the organization each sits, so declare them in one source (the first is kept)"));
    return sofar;
  }

  private static SourceLocation first(List<List<Policy>> levels) {
    return levels.stream().flatMap(List::stream).findFirst().orElseThrow().location();
  }
}
