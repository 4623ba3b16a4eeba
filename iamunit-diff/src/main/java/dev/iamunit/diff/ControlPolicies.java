package dev.iamunit.diff;

import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.Policy;
import dev.iamunit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SCPs and RCPs of one version, each with the accounts it reaches and the roots, OUs and
 * accounts it is attached to. An account is reached by a policy when the policy is in the account's
 * organization levels ({@link Account#organization()}): the lists {@link OrganizationTree#levels}
 * builds and the evaluator reads, so the diff and the decisions follow one rule (the management
 * account, which no SCP or RCP restricts, is never reached).
 */
final class ControlPolicies {

  /** A policy across versions: its kind, name and the file it is declared in. */
  record Key(boolean resourceControl, String name, String file) {
    String kind() {
      return resourceControl ? "RCP" : "SCP";
    }
  }

  /** One attachment: the target's id, how a report names it, and where the attachment is declared. */
  record Target(String id, String name, SourceLocation location) {}

  /**
   * One policy of the version.
   *
   * @param policy the document
   * @param reached the ids of the accounts whose levels hold it, in the order of the accounts
   * @param targets its declared attachments
   */
  record Entry(Key key, Policy policy, Set<String> reached, List<Target> targets) {}

  private final Map<Key, Entry> entries;
  private final Optional<OrganizationTree> tree;

  private ControlPolicies(Map<Key, Entry> entries, Optional<OrganizationTree> tree) {
    this.entries = entries;
    this.tree = tree;
  }

  static ControlPolicies of(Accounts accounts) {
    Map<Key, Entry> entries = new LinkedHashMap<>();
    accounts.tree().ifPresent(tree -> tree.policies().forEach(p -> {
      Entry entry = entry(entries, p.resourceControl(), p.policy());
      p.targets().forEach(t -> entry.targets().add(new Target(t.id(), targetName(tree, accounts, t.id()), t.location())));
    }));
    Set<Key> declared = Set.copyOf(entries.keySet());
    for (Account account : accounts.all()) {
      account.organization().serviceControlPolicies().forEach(level -> level.forEach(p -> entry(entries, false, p).reached().add(account.id())));
      account.organization().resourceControlPolicies().forEach(level -> level.forEach(p -> entry(entries, true, p).reached().add(account.id())));
    }
    // FullAWSAccess where AWS attaches it by itself (not declared) is no policy of the configuration.
    entries.keySet().removeIf(k -> !declared.contains(k) && k.file().startsWith("arn:"));
    return new ControlPolicies(entries, accounts.tree());
  }

  private static Entry entry(Map<Key, Entry> entries, boolean resourceControl, Policy policy) {
    Key key = new Key(resourceControl, policy.name(), policy.location().file());
    return entries.computeIfAbsent(key, k -> new Entry(k, policy, new LinkedHashSet<>(), new ArrayList<>()));
  }

  /** {@code Root}, {@code OU Workloads}, {@code account prod (111111111111)}. */
  private static String targetName(OrganizationTree tree, Accounts accounts, String id) {
    if (id.equals(tree.rootId())) {
      return "Root";
    }
    return tree.unit(id).map(u -> "OU " + u.name())
        .or(() -> tree.account(id).map(m -> "account " + m.name() + " (" + id + ")"))
        .orElse(id);
  }

  Map<Key, Entry> entries() {
    return entries;
  }

  /** Every policy document, once each: what the organization's statements are compared over. */
  List<Policy> policies() {
    return entries.values().stream().map(Entry::policy).toList();
  }

  /**
   * The attachments of {@code key} through which it reaches {@code accountId}: those on the
   * account's path from the root; every attachment when the version declares no tree.
   */
  List<Target> targetsReaching(Key key, String accountId) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return List.of();
    }
    Optional<List<String>> path = tree.flatMap(t -> t.path(accountId));
    return entry.targets().stream().filter(t -> path.map(p -> p.contains(t.id())).orElse(true)).toList();
  }
}
