package dev.iamunit.junit.internal;

import dev.iamunit.junit.AsPermissionSet;
import dev.iamunit.model.Account;
import dev.iamunit.model.AccountAssignment;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.PermissionSet;
import dev.iamunit.model.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AsPermissionSet}: the role IAM Identity Center provisions for a permission set in an
 * account, or why there is none. The permission sets and assignments are those of every loaded
 * account (the Identity Center instance's account holds them); the role is the account's own, with a
 * name of its own ({@code AWSReservedSSO_<name>_<suffix>}), so a permission set's session is a
 * session of another role in each account.
 */
final class PermissionSetRoles {

  private final Accounts accounts;
  private final Map<String, PermissionSet> sets = new LinkedHashMap<>();
  private final List<AccountAssignment> assignments = new ArrayList<>();

  PermissionSetRoles(Accounts accounts) {
    this.accounts = accounts;
    for (Account a : accounts.all()) {
      a.permissionSets().forEach(sets::putIfAbsent);
      assignments.addAll(a.assignments());
    }
  }

  /** Whether the sources declare permission set {@code name}, wherever it is assigned. */
  boolean declares(String name) {
    return sets.containsKey(name);
  }

  /** The role IAM Identity Center provisioned in {@code account} for permission set {@code name}, if it did. */
  Optional<Role> role(Account account, String name) {
    return Optional.ofNullable(sets.get(name)).flatMap(account::provisionedRole);
  }

  /**
   * Why {@code account} has no role of permission set {@code name}, as the failure of a test whose
   * principal it is: with the permission sets the sources declare and where each is assigned.
   *
   * @param testsAccount whether the account is the loaded one because the test names none
   */
  String whyNoRole(Account account, String name, boolean testsAccount) {
    String why = sets.containsKey(name) && !assignedTo(name).contains(account.id()) ? notAssigned(account, name, true, testsAccount)
        : whyNoRoleIn(account, name);
    return "@AsPermissionSet(\"" + name + "\"): " + why + (sets.isEmpty() || assignedTo(name).contains(account.id()) ? ""
        : (sets.containsKey(name) ? ". The loaded sources declare " : "; they declare ") + listing());
  }

  /** Why {@code account} has no role of permission set {@code name}, in one clause: a line of a listing over accounts. */
  String whyNoRoleIn(Account account, String name) {
    if (sets.isEmpty()) {
      return "the loaded sources declare no IAM Identity Center permission set (aws_ssoadmin_permission_set, AWS::SSO::PermissionSet)";
    }
    if (!sets.containsKey(name)) {
      return "the loaded sources declare no permission set \"" + name + "\"";
    }
    if (assignedTo(name).contains(account.id())) {
      return "permission set \"" + name + "\" is assigned to account " + accounts.describe(account) + ", but IAM Identity Center cannot "
          + "provision it there: the load report's problems say why";
    }
    return notAssigned(account, name, false, false);
  }

  /**
   * {@code permission set "Auditors" is not assigned to account ..., so ...; it is assigned to ...};
   * for a test's own principal ({@code advice}), with how the test picks an account.
   */
  private String notAssigned(Account account, String name, boolean advice, boolean testsAccount) {
    List<String> elsewhere = assignedTo(name);
    return "permission set \"" + name + "\" is not assigned to account " + accounts.describe(account) + (testsAccount ? " (the test's account)" : "")
        + ", so IAM Identity Center creates no role for it there; " + (elsewhere.isEmpty() ? "it is assigned to no account"
        : "it is assigned to " + String.join(", ", elsewhere) + (advice ? " (@InAccount picks one)" : ""));
  }

  /** {@code Developers (assigned to 111111111111, 222222222222), Auditors (not assigned)}. */
  private String listing() {
    List<String> listed = new ArrayList<>();
    for (String name : sets.keySet()) {
      List<String> assigned = assignedTo(name);
      listed.add(name + (assigned.isEmpty() ? " (not assigned)" : " (assigned to " + String.join(", ", assigned) + ")"));
    }
    return String.join(", ", listed);
  }

  private List<String> assignedTo(String permissionSet) {
    return assignments.stream().filter(a -> a.permissionSet().equals(permissionSet)).map(AccountAssignment::accountId).distinct().toList();
  }
}
