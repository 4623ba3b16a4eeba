package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Who makes a request: an IAM user, a session of an IAM role, or an account's root user (the
 * first three components empty), in the account the test names ({@link InAccount}) or, without
 * one, the account that declares the name (the loaded account for the root user).
 *
 * @param userName the user's name, empty for a role session and the root user
 * @param roleName the role's name, empty for a user and the root user
 * @param sessionName the role session's name, empty for a user and the root user
 * @param account the account's name in the organization ({@code prod}) or its id, when the test names one
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record IamPrincipal(Optional<String> userName, Optional<String> roleName, Optional<String> sessionName, Optional<String> account) {

  /** The session name a role session has unless the test names one. */
  public static final String DEFAULT_SESSION = "iamunit";

  public IamPrincipal {
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(roleName, "roleName");
    Objects.requireNonNull(sessionName, "sessionName");
    Objects.requireNonNull(account, "account");
    if ((userName.isPresent() && roleName.isPresent()) || roleName.isPresent() != sessionName.isPresent()) {
      throw new IllegalArgumentException("a principal is either a user, a role session or the root user");
    }
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

  /** The root user of the account the templates deploy into (see {@link AsRootUser}). */
  public static IamPrincipal root() {
    return new IamPrincipal(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The same principal in account {@code nameOrId}: a name the organization gives it ({@code prod}) or its id. */
  public IamPrincipal inAccount(String nameOrId) {
    return new IamPrincipal(userName, roleName, sessionName, Optional.of(nameOrId));
  }

  public boolean isRoot() {
    return userName.isEmpty() && roleName.isEmpty();
  }

  /**
   * {@code MFAUser}, {@code Deployer/ci} for a role session, {@code the account's root user}; with
   * an account, {@code Deployer/ci in account prod}, {@code the root user of account prod}.
   */
  @Override
  public String toString() {
    if (isRoot()) {
      return account.map(a -> "the root user of account " + a).orElse("the account's root user");
    }
    return userName.orElseGet(() -> roleName.orElseThrow() + "/" + sessionName.orElseThrow()) + account.map(a -> " in account " + a).orElse("");
  }
}
