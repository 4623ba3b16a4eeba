package dev.iamunit.diff;

import dev.iamunit.model.Account;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.Statement;
import dev.iamunit.model.User;
import java.util.ArrayList;
import java.util.List;

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
