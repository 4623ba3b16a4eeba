package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An IAM Identity Center account assignment: a group or user of the Identity Store may use a
 * permission set in an account, where IAM Identity Center provisions the permission set's role.
 *
 * @param permissionSet the name of the permission set
 * @param accountId the AWS account it is assigned in ({@code TargetId})
 * @param principalType whether a group or a user is assigned
 * @param principalId the Identity Store id of the group or user (a placeholder when AWS generates it)
 * @param location where the assignment is declared
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AccountAssignment(String permissionSet, String accountId, PrincipalType principalType, String principalId,
    SourceLocation location) {

  /** Who is assigned ({@code PrincipalType}: "GROUP" or "USER"). */
  public enum PrincipalType { GROUP, USER }

  public AccountAssignment {
    Objects.requireNonNull(permissionSet, "permissionSet");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(principalType, "principalType");
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(location, "location");
  }
}
