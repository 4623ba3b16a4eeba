package dev.iamunit.diff;

import dev.iamunit.eval.PrincipalPolicies;
import dev.iamunit.model.Account;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.Statement;
import dev.iamunit.model.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Every policy document an account holds, of every kind: what the request space is built from. */
final class AccountPolicies {

  private AccountPolicies() {}

  static List<Policy> of(Account account) {
    List<Policy> all = declared(account);
    account.organization().serviceControlPolicies().forEach(all::addAll);
    account.organization().resourceControlPolicies().forEach(all::addAll);
    return all;
  }

  /**
   * The account's own policy documents, without the SCPs and RCPs of its organization levels:
   * those are the organization's, compared once however many accounts they reach.
   */
  static List<Policy> declared(Account account) {
    List<Policy> all = new ArrayList<>();
    for (User user : account.users().values()) {
      all.addAll(user.inlinePolicies());
    }
    for (Group group : account.groups().values()) {
      all.addAll(group.inlinePolicies());
    }
    for (Role role : account.roles().values()) {
      all.addAll(role.inlinePolicies());
      role.trustPolicy().ifPresent(all::add);
    }
    for (ManagedPolicy policy : account.managedPolicies().values()) {
      all.add(policy.document());
    }
    all.addAll(account.resourcePolicies().values());
    return all;
  }

  /**
   * The policies that can apply to a request of the principals {@code principals} ({@code "user
   * alice"}, {@code "role deploy"}) of {@code account}: theirs ({@link PrincipalPolicies}: inline,
   * their groups', the managed ones attached, the boundary), and every policy that applies to
   * requests of any principal: each resource policy, trust policy, SCP and RCP.
   */
  static List<Policy> reaching(Account account, Collection<String> principals) {
    List<Policy> all = new ArrayList<>();
    for (String principal : principals) {
      String name = principal.substring(principal.indexOf(' ') + 1);
      Optional<PrincipalPolicies> held = principal.startsWith("role ")
          ? account.role(name).map(role -> PrincipalPolicies.of(account, role))
          : account.user(name).map(user -> PrincipalPolicies.of(account, user));
      held.ifPresent(h -> h.policies().forEach(p -> all.add(p.document())));
    }
    for (Role role : account.roles().values()) {
      role.trustPolicy().ifPresent(all::add);
    }
    all.addAll(account.resourcePolicies().values());
    account.organization().serviceControlPolicies().forEach(all::addAll);
    account.organization().resourceControlPolicies().forEach(all::addAll);
    return all;
  }

  static List<Statement> statements(List<Account> accounts) {
    List<Statement> all = new ArrayList<>();
    for (Account account : accounts) {
      for (Policy policy : of(account)) {
        all.addAll(policy.statements());
      }
    }
    return all;
  }
}
