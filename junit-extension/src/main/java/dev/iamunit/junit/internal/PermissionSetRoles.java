package dev.iamunit.junit.internal;

import dev.iamunit.junit.AsPermissionSet;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.model.Account;
import dev.iamunit.model.AccountAssignment;
import dev.iamunit.model.PermissionSet;
import java.util.ArrayList;
import java.util.List;

/** {@link AsPermissionSet}: the session of the role IAM Identity Center provisions for a permission set in the loaded account. */
final class PermissionSetRoles {

  private PermissionSetRoles() {}

  /** The provisioned role's session; a permission set the account has no role of fails the test, saying why. */
  static IamPrincipal principal(Account account, AsPermissionSet annotation) {
    String name = annotation.value();
    return account.permissionSetRole(name).map(role -> IamPrincipal.role(role.name(), annotation.session()))
        .orElseThrow(() -> Failures.failure("@AsPermissionSet(\"" + name + "\"): " + why(account, name)));
  }

  private static String why(Account account, String name) {
    if (account.permissionSets().isEmpty()) {
      return "the loaded sources declare no IAM Identity Center permission set (aws_ssoadmin_permission_set, AWS::SSO::PermissionSet)";
    }
    PermissionSet set = account.permissionSets().get(name);
    if (set == null) {
      return "the loaded sources declare no permission set \"" + name + "\"; they declare " + listing(account);
    }
    List<String> elsewhere = assignedTo(account, name);
    if (elsewhere.contains(account.id())) {
      return "permission set \"" + name + "\" is assigned to account " + account.id() + ", but IAM Identity Center cannot provision it "
          + "there: the load report's problems say why";
    }
    return "permission set \"" + name + "\" is not assigned to account " + account.id() + " (the test's account), so IAM Identity Center "
        + "creates no role for it there; " + (elsewhere.isEmpty() ? "it is assigned to no account" : "it is assigned to "
        + String.join(", ", elsewhere)) + ". The loaded sources declare " + listing(account);
  }

  /** {@code Developers (assigned to 111111111111, 222222222222), Auditors (not assigned)}. */
  private static String listing(Account account) {
    List<String> sets = new ArrayList<>();
    for (String name : account.permissionSets().keySet()) {
      List<String> accounts = assignedTo(account, name);
      sets.add(name + (accounts.isEmpty() ? " (not assigned)" : " (assigned to " + String.join(", ", accounts) + ")"));
    }
    return String.join(", ", sets);
  }

  private static List<String> assignedTo(Account account, String permissionSet) {
    return account.assignments().stream().filter(a -> a.permissionSet().equals(permissionSet)).map(AccountAssignment::accountId)
        .distinct().toList();
  }
}
