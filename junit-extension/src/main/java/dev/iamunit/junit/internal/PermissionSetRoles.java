package dev.iamunit.junit.internal;

import dev.iamunit.junit.AsPermissionSet;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.model.Account;
import dev.iamunit.model.AccountAssignment;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.PermissionSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AsPermissionSet}: the session of the role IAM Identity Center provisions for a permission
 * set in the test's account (its {@code @InAccount}, else the home account). The permission sets
 * and assignments are those of every loaded account (the Identity Center instance's account holds
 * them); the role is the test's account's.
 */
final class PermissionSetRoles {

  private PermissionSetRoles() {}

  /** The provisioned role's session; a permission set the account has no role of fails the test, saying why. */
  static IamPrincipal principal(Accounts accounts, Optional<String> inAccount, AsPermissionSet annotation) {
    String name = annotation.value();
    Account account = inAccount.map(named -> accounts.named(named).orElseThrow(() -> Failures.failure("@AsPermissionSet(\"" + name
        + "\") @InAccount(\"" + named + "\"): names no account of the loaded sources; they load " + accounts.describe(accounts.all()))))
        .orElse(accounts.home());
    Map<String, PermissionSet> sets = new LinkedHashMap<>();
    List<AccountAssignment> assignments = new ArrayList<>();
    for (Account a : accounts.all()) {
      a.permissionSets().forEach(sets::putIfAbsent);
      assignments.addAll(a.assignments());
    }
    Optional<PermissionSet> set = Optional.ofNullable(sets.get(name));
    IamPrincipal role = set.flatMap(account::provisionedRole).map(r -> IamPrincipal.role(r.name(), annotation.session()))
        .orElseThrow(() -> Failures.failure("@AsPermissionSet(\"" + name + "\"): " + why(account, sets, assignments, name)));
    return inAccount.isPresent() ? role.inAccount(account.id()) : role;
  }

  private static String why(Account account, Map<String, PermissionSet> sets, List<AccountAssignment> assignments, String name) {
    if (sets.isEmpty()) {
      return "the loaded sources declare no IAM Identity Center permission set (aws_ssoadmin_permission_set, AWS::SSO::PermissionSet)";
    }
    if (!sets.containsKey(name)) {
      return "the loaded sources declare no permission set \"" + name + "\"; they declare " + listing(sets, assignments);
    }
    List<String> elsewhere = assignedTo(assignments, name);
    if (elsewhere.contains(account.id())) {
      return "permission set \"" + name + "\" is assigned to account " + account.id() + ", but IAM Identity Center cannot provision it "
          + "there: the load report's problems say why";
    }
    return "permission set \"" + name + "\" is not assigned to account " + account.id() + " (the test's account), so IAM Identity Center "
        + "creates no role for it there; " + (elsewhere.isEmpty() ? "it is assigned to no account" : "it is assigned to "
        + String.join(", ", elsewhere) + " (@InAccount picks one)") + ". The loaded sources declare " + listing(sets, assignments);
  }

  /** {@code Developers (assigned to 111111111111, 222222222222), Auditors (not assigned)}. */
  private static String listing(Map<String, PermissionSet> sets, List<AccountAssignment> assignments) {
    List<String> listed = new ArrayList<>();
    for (String name : sets.keySet()) {
      List<String> accounts = assignedTo(assignments, name);
      listed.add(name + (accounts.isEmpty() ? " (not assigned)" : " (assigned to " + String.join(", ", accounts) + ")"));
    }
    return String.join(", ", listed);
  }

  private static List<String> assignedTo(List<AccountAssignment> assignments, String permissionSet) {
    return assignments.stream().filter(a -> a.permissionSet().equals(permissionSet)).map(AccountAssignment::accountId).distinct().toList();
  }
}
