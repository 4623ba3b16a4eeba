package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Who makes a request: an IAM user, a session of an IAM role, a session of the role IAM Identity
 * Center provisions for a permission set ({@link AsPermissionSet}), or an account's root user (the
 * other components empty), in the account the test names ({@link InAccount}) or, without one, the
 * account that declares the name (the loaded account for the root user and a permission set).
 *
 * <p>A permission set's session remembers its permission set: in another account ({@link
 * #inAccount}, {@code inEveryAccountOf}) it is the session of the role provisioned there, whose
 * name has a suffix of its own, so its {@code roleName} is empty until the account's role is found.
 *
 * @param userName the user's name, empty for a role session and the root user
 * @param roleName the role's name, empty for a user and the root user, and for a permission set's
 *     session until its account's role is found
 * @param sessionName the role session's name, empty for a user and the root user
 * @param account the account's name in the organization ({@code prod}) or its id, when the test names one
 * @param permissionSet the permission set whose provisioned role this is a session of, if any
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record IamPrincipal(Optional<String> userName, Optional<String> roleName, Optional<String> sessionName, Optional<String> account,
    Optional<String> permissionSet) {

  /** The session name a role session has unless the test names one. */
  public static final String DEFAULT_SESSION = "iamunit";

  public IamPrincipal {
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(roleName, "roleName");
    Objects.requireNonNull(sessionName, "sessionName");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(permissionSet, "permissionSet");
    boolean session = roleName.isPresent() || permissionSet.isPresent();
    if ((userName.isPresent() && session) || session != sessionName.isPresent()) {
      throw new IllegalArgumentException("a principal is either a user, a role session or the root user");
    }
  }

  /** A user, role session or root user in account {@code account}, when given. */
  public IamPrincipal(Optional<String> userName, Optional<String> roleName, Optional<String> sessionName, Optional<String> account) {
    this(userName, roleName, sessionName, account, Optional.empty());
  }

  /** A principal of the account that declares its name. */
  public IamPrincipal(Optional<String> userName, Optional<String> roleName, Optional<String> sessionName) {
    this(userName, roleName, sessionName, Optional.empty());
  }

  public static IamPrincipal user(String name) {
    return new IamPrincipal(Optional.of(name), Optional.empty(), Optional.empty());
  }

  public static IamPrincipal role(String name) {
    return role(name, DEFAULT_SESSION);
  }

  public static IamPrincipal role(String name, String session) {
    return new IamPrincipal(Optional.empty(), Optional.of(name), Optional.of(session));
  }

  /**
   * A session {@code session} of the role IAM Identity Center provisions for permission set {@code
   * name} in the principal's account (see {@link AsPermissionSet}).
   */
  public static IamPrincipal permissionSet(String name, String session) {
    return new IamPrincipal(Optional.empty(), Optional.empty(), Optional.of(session), Optional.empty(), Optional.of(name));
  }

  /** The root user of the account the templates deploy into (see {@link AsRootUser}). */
  public static IamPrincipal root() {
    return new IamPrincipal(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The same principal in account {@code nameOrId}: a name the organization gives it ({@code prod})
   * or its id. A permission set's session there is the session of that account's provisioned role.
   */
  public IamPrincipal inAccount(String nameOrId) {
    // Each account's provisioned role has a suffix of its own: the one found here names no role there.
    Optional<String> role = permissionSet.isPresent() ? Optional.empty() : roleName;
    return new IamPrincipal(userName, role, sessionName, Optional.of(nameOrId), permissionSet);
  }

  public boolean isRoot() {
    return userName.isEmpty() && roleName.isEmpty() && permissionSet.isEmpty();
  }

  /**
   * {@code MFAUser}, {@code Deployer/ci} for a role session, {@code
   * AWSReservedSSO_Admin_0123456789abcdef/alice} for a permission set's session in an account, {@code
   * permission set Admin/alice} before one, {@code the account's root user}; with an account, {@code
   * Deployer/ci in account prod}, {@code the root user of account prod}.
   */
  @Override
  public String toString() {
    if (isRoot()) {
      return account.map(a -> "the root user of account " + a).orElse("the account's root user");
    }
    String who = userName.or(() -> roleName.map(r -> r + "/" + sessionName.orElseThrow()))
        .orElseGet(() -> "permission set " + permissionSet.orElseThrow() + "/" + sessionName.orElseThrow());
    return who + account.map(a -> " in account " + a).orElse("");
  }
}
