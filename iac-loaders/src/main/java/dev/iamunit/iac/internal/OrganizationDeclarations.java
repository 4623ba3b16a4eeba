package dev.iamunit.iac.internal;

import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Organization;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import dev.iamunit.model.Unresolved;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the sources declare about an AWS Organizations organization (the organization, OUs,
 * accounts, attachments), turned into an {@link OrganizationTree} and the levels above the loaded
 * account once every source is read. Part of {@link AccountAssembler}; every target that cannot be
 * placed is reported, never dropped.
 */
final class OrganizationDeclarations {

  /** An account as declared: with no parent, it is created under the root. */
  record Account(String id, String name, Optional<String> parentId, SourceLocation location) {}

  record Attachment(String policyId, String targetId, String address, SourceLocation location) {}

  private record Declared(String rootId, Optional<Set<String>> enabledPolicyTypes, String address, SourceLocation location) {}

  final List<OrganizationTree.Unit> units = new ArrayList<>();
  final List<Account> accounts = new ArrayList<>();
  final List<Attachment> attachments = new ArrayList<>();
  final List<OrganizationTree.ControlPolicy> targeted = new ArrayList<>();
  private Optional<Declared> organization = Optional.empty();

  void organization(String rootId, Optional<Set<String>> enabledPolicyTypes, String address, SourceLocation at, LoadReportBuilder report) {
    if (organization.isPresent()) {
      report.add(Unresolved.of(address, at, "a second organization: an account belongs to one organization, and "
          + organization.get().address() + " (" + organization.get().location() + ") is declared first; it is kept"));
      return;
    }
    organization = Optional.of(new Declared(rootId, enabledPolicyTypes, address, at));
  }

  /**
   * The tree, when the sources declare an organization, an OU or an account; {@code held} are the
   * policies declared apart from their attachments (Terraform), by id.
   */
  Optional<OrganizationTree> tree(List<OrganizationTree.ControlPolicy> held, LoadOptions options, LoadReportBuilder report) {
    if (organization.isEmpty() && units.isEmpty() && accounts.isEmpty()) {
      return Optional.empty();
    }
    SourceLocation at = organization.map(Declared::location)
        .orElseGet(() -> units.isEmpty() ? accounts.get(0).location() : units.get(0).location());
    String rootId = organization.map(Declared::rootId).orElseGet(() -> rootFromParents(at, report));
    Map<String, List<OrganizationTree.Target>> targets = new LinkedHashMap<>();
    boolean fullAwsAccessManaged = false;
    for (Attachment a : attachments) {
      if (a.policyId().equals(OrganizationTree.RCP_FULL_AWS_ACCESS_ID)) {
        continue; // attached everywhere by AWS and cannot be detached: attaching it changes nothing
      }
      fullAwsAccessManaged |= a.policyId().equals(OrganizationTree.FULL_AWS_ACCESS_ID);
      targets.computeIfAbsent(a.policyId(), k -> new ArrayList<>()).add(new OrganizationTree.Target(a.targetId(), a.location()));
    }
    List<OrganizationTree.ControlPolicy> policies = new ArrayList<>();
    if (fullAwsAccessManaged) {
      policies.add(new OrganizationTree.ControlPolicy(OrganizationTree.FULL_AWS_ACCESS_ID, false, OrganizationTree.FULL_AWS_ACCESS,
          targets.get(OrganizationTree.FULL_AWS_ACCESS_ID)));
    }
    for (OrganizationTree.ControlPolicy p : held) {
      policies.add(new OrganizationTree.ControlPolicy(p.id(), p.resourceControl(), p.policy(), targets.getOrDefault(p.id(), List.of())));
    }
    policies.addAll(targeted);
    boolean anyScp = policies.stream().anyMatch(p -> !p.resourceControl());
    boolean anyRcp = policies.stream().anyMatch(OrganizationTree.ControlPolicy::resourceControl);
    // Policies of a type can be attached only where the type is enabled; without the organization
    // (or with types that cannot be computed), declared policies say the type is enabled.
    Optional<Set<String>> types = organization.flatMap(Declared::enabledPolicyTypes);
    boolean scpsEnabled = types.map(t -> t.contains("SERVICE_CONTROL_POLICY")).orElse(anyScp);
    boolean rcpsEnabled = types.map(t -> t.contains("RESOURCE_CONTROL_POLICY")).orElse(anyRcp);
    OrganizationTree.ScpRule rule = !scpsEnabled ? OrganizationTree.ScpRule.DISABLED
        : fullAwsAccessManaged ? OrganizationTree.ScpRule.MANAGED : OrganizationTree.ScpRule.AWS_DEFAULT;
    // "The account whose user is calling the CreateOrganization operation automatically becomes the
    // management account of the new organization" (AWS Organizations API Reference, CreateOrganization):
    // the loaded account, when the sources create the organization, unless the test places it
    // among the member accounts (it then asks about that account's principals).
    // An account whose id AWS generates may be the loaded one: then which it is cannot be told.
    Optional<String> management = managementAccount(options);
    List<OrganizationTree.Member> members =
        accounts.stream().map(a -> new OrganizationTree.Member(a.id(), a.name(), a.parentId().orElse(rootId), a.location())).toList();
    OrganizationTree tree = new OrganizationTree(rootId, management, rule, rcpsEnabled, units, members, policies, at);
    // The targets once, not searched per attachment: an organization attaches FullAWSAccess to every OU and account.
    Set<String> treeIds = new HashSet<>(List.of(rootId));
    units.forEach(u -> treeIds.add(u.id()));
    members.forEach(m -> treeIds.add(m.id()));
    for (OrganizationTree.ControlPolicy p : tree.policies()) {
      for (OrganizationTree.Target t : p.targets()) {
        if (!treeIds.contains(t.id())) {
          report.add(Unresolved.of(t.id(), t.location(), "attaches " + p.policy().name() + " to " + t.id()
              + ", which is neither the root, an OU nor an account of the loaded organization; no decision includes it. "
              + "Declare the target in the sources, or attach the policy by the id of one they declare"));
        }
      }
    }
    return Optional.of(tree);
  }

  /** The management account: the loaded one, when the sources create the organization and do not place it among the members. */
  Optional<String> managementAccount(LoadOptions options) {
    return organization.isPresent() && accounts.stream().noneMatch(a -> a.id().equals(options.accountId()) || Unresolved.isIn(a.id()))
        ? Optional.of(options.accountId()) : Optional.empty();
  }

  /**
   * The member accounts under the root or OU {@code id}, at any depth; empty when {@code id} is
   * neither the declared organization's root nor a declared OU.
   */
  Optional<Set<String>> accountsUnder(String id) {
    Optional<String> root = organization.map(Declared::rootId);
    boolean isRoot = root.filter(id::equals).isPresent();
    if (!isRoot && units.stream().noneMatch(u -> u.id().equals(id))) {
      return Optional.empty();
    }
    Set<String> under = new LinkedHashSet<>();
    for (Account a : accounts) {
      String parent = a.parentId().orElse(root.orElse(""));
      // Up the OUs, at most once each (a loop of parents is reported when the tree is built).
      for (int step = 0; step <= units.size() && !parent.isEmpty(); step++) {
        if (isRoot || parent.equals(id)) {
          under.add(a.id());
          break;
        }
        String from = parent;
        parent = units.stream().filter(u -> u.id().equals(from)).map(OrganizationTree.Unit::parentId).findFirst().orElse("");
      }
    }
    return Optional.of(under);
  }

  /** AWS requires every OU's and account's parent to be the root or an OU: the one other parent is the root. */
  private String rootFromParents(SourceLocation at, LoadReportBuilder report) {
    Set<String> unitIds = new LinkedHashSet<>();
    units.forEach(u -> unitIds.add(u.id()));
    Set<String> others = new LinkedHashSet<>();
    units.forEach(u -> others.add(u.parentId()));
    accounts.forEach(a -> a.parentId().ifPresent(others::add));
    others.removeAll(unitIds);
    if (others.size() == 1) {
      return others.iterator().next();
    }
    report.add(Unresolved.of("organization root", at, "the sources declare no organization, and the OUs and accounts have "
        + (others.isEmpty() ? "no parent outside themselves" : "several parents that are not OUs: " + others)
        + ", so the root cannot be told; declare the organization or give every top-level OU the root's id as parent"));
    return "(root not known)";
  }

  /**
   * The levels above the loaded account: from its place in the tree; none for the management
   * account; none, reported, for an account the tree does not place.
   */
  static Organization levels(OrganizationTree tree, String id, LoadReportBuilder report) {
    checkPlaced(tree, id, report);
    return tree.levels(id, OrganizationTree.FULL_AWS_ACCESS);
  }

  /** Reports account {@code id} when the tree does not place it (it is not the management account, nor on a path to the root). */
  static void checkPlaced(OrganizationTree tree, String id, LoadReportBuilder report) {
    boolean management = tree.managementAccountId().filter(id::equals).isPresent();
    if (!management && tree.account(id).isEmpty()) {
      report.add(Unresolved.of("account " + id, tree.location(), "the loaded account " + id + " is not an account of the organization "
          + "the sources declare (" + accountIds(tree) + "), so none of its SCPs or RCPs is applied to it; "
          + "set the account id the sources are loaded into (@IamTest accountId, --account, <accountId>) to the id of the "
          + "account its principals live in"));
    } else if (!management && tree.path(id).isEmpty()) {
      report.add(Unresolved.of("account " + id, tree.account(id).get().location(), "the path from account " + id
          + " up to the root passes a parent that is not an OU of the loaded organization, so none of its SCPs or RCPs is applied"));
    }
  }

  /**
   * The SCPs and RCPs the sources declare without placing them in a tree (no organization, OU or
   * account declared): one level each, by AWS's FullAWSAccess rule ({@link Organization#unplaced});
   * an allow list among them is reported, since the sources cannot say where FullAWSAccess is detached.
   */
  Organization unplaced(List<Policy> scps, List<Policy> rcps, LoadReportBuilder report) {
    boolean fullAwsAccessManaged = attachments.stream().anyMatch(a -> a.policyId().equals(OrganizationTree.FULL_AWS_ACCESS_ID));
    return Organization.unplaced(scps.isEmpty() ? List.of() : List.of(scps), rcps.isEmpty() ? List.of() : List.of(rcps),
        fullAwsAccessManaged ? OrganizationTree.ScpRule.MANAGED : OrganizationTree.ScpRule.AWS_DEFAULT,
        (allowList, allow) -> report.add(Unresolved.of("SCP " + allowList.name(), allow.location(),
            "allows some actions but not all (an allow list), which restricts only where FullAWSAccess is detached, and the "
                + "sources attach it to no root, OU or account they declare, so whether FullAWSAccess still applies beside it "
                + "cannot be told; declare the organization tree (the organization, its OUs and accounts) and the FullAWSAccess "
                + "attachments in the loaded sources")));
  }

  private static String accountIds(OrganizationTree tree) {
    if (tree.accounts().isEmpty()) {
      return "it declares no account";
    }
    List<String> ids = new ArrayList<>();
    tree.accounts().forEach(a -> ids.add(a.name() + " " + (Unresolved.isIn(a.id()) ? generatedId(a) : a.id())));
    return "accounts: " + String.join(", ", ids);
  }

  /**
   * An account whose id AWS generates, with the remedy its format has: Terraform takes an existing
   * account's id in an {@code import} block; a CloudFormation template cannot give it (its
   * {@code Ref} returns the AccountId AWS generates).
   */
  private static String generatedId(OrganizationTree.Member account) {
    String file = account.location().file();
    return file.endsWith(".tf") || file.endsWith(".tf.json") ? "(id generated by AWS: give it in an import block)"
        : "(id generated by AWS, which a CloudFormation template cannot give)";
  }
}
