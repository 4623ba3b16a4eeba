package dev.iamunit.junit.internal;

import dev.iamunit.IamUnitException;
import dev.iamunit.iac.LoadOptions;
import dev.iamunit.model.Account;
import dev.iamunit.model.Organization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Joins the accounts of several sources into the one account they deploy to. A principal or
 * policy declared by two sources is a mistake the message names, not a silent replacement.
 */
final class AccountMerger {

  private AccountMerger() {}

  static Account merge(List<Account> accounts, LoadOptions options) {
    if (accounts.size() == 1) {
      return accounts.get(0);
    }
    Account.Builder merged =
        Account.builder().id(options.accountId()).region(options.region()).partition(options.partition());
    List<List<dev.iamunit.model.Policy>> scps = new ArrayList<>();
    List<List<dev.iamunit.model.Policy>> rcps = new ArrayList<>();
    Account first = null;
    for (Account account : accounts) {
      if (first == null) {
        first = account;
      }
      Account built = merged.build();
      addAll("user", account.users(), built.users(), merged::user, u -> u.location().toString());
      addAll("group", account.groups(), built.groups(), merged::group, g -> g.location().toString());
      addAll("role", account.roles(), built.roles(), merged::role, r -> r.location().toString());
      addAll("managed policy", account.managedPolicies(), built.managedPolicies(), merged::managedPolicy,
          p -> p.document().location().toString());
      account.resourcePolicies().forEach(merged::resourcePolicy);
      account.unresolved().forEach(merged::unresolved);
      if (scps.isEmpty()) {
        scps.addAll(account.organization().serviceControlPolicies());
      }
      if (rcps.isEmpty()) {
        rcps.addAll(account.organization().resourceControlPolicies());
      }
    }
    return merged.organization(new Organization(scps, rcps)).build();
  }

  private static <T> void addAll(
      String kind, Map<String, T> added, Map<String, T> existing, Function<T, ?> adder, Function<T, String> where) {
    for (Map.Entry<String, T> entry : added.entrySet()) {
      T earlier = existing.get(entry.getKey());
      if (earlier != null && !earlier.equals(entry.getValue())) {
        throw new IamUnitException(kind + " \"" + entry.getKey() + "\" is declared twice, at " + where.apply(earlier)
            + " and at " + where.apply(entry.getValue()) + "; a test's sources must declare each " + kind + " once");
      }
      adder.apply(entry.getValue());
    }
  }
}
