package dev.iamunit.eval.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.model.PrincipalElement;
import dev.iamunit.model.Unresolved;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Matches the caller against {@code Principal} or {@code NotPrincipal} (IAM User Guide, "AWS JSON
 * policy elements: Principal" and "NotPrincipal"). Principal values take no wildcards but
 * {@code "*"}; an account id stands for {@code arn:aws:iam::ACCOUNT:root}.
 */
@API(status = INTERNAL, since = "0.1")
public final class PrincipalMatcher {

  /** How a resource-based policy named the caller: it decides what else must allow. */
  public enum Grant {
    NONE,
    /** The account, which delegates to the account's own identity-based policies. */
    ACCOUNT,
    /** The role of an assumed-role session. */
    ROLE,
    /**
     * The caller itself: its user, session or federated-user ARN, or everyone ({@code "*"}), which
     * names the caller's own ARN among all others; iam-simulate's cases read it the same way.
     */
    DIRECT
  }

  private final boolean negated;
  private final boolean anyone;
  private final Map<String, List<String>> byType;
  /** NotPrincipal in a Deny, which misses only callers whose every layer it lists. */
  private final boolean negatedDeny;

  PrincipalMatcher(PrincipalElement element, boolean deny) {
    this.negated = element.negated();
    this.negatedDeny = negated && deny;
    this.anyone = element.anyone();
    this.byType = element.byType();
  }

  /**
   * For Principal, how it names the caller; for NotPrincipal, DIRECT when the caller is not
   * excluded. A Deny with NotPrincipal applies to every caller with a permissions boundary: "When
   * you use NotPrincipal with Deny ... principals with permissions boundaries are always denied"
   * (IAM User Guide, NotPrincipal), which {@code denyWithBoundary} says.
   */
  Grant match(PrincipalIdentity caller, boolean denyWithBoundary) {
    if (negated) {
      return !denyWithBoundary && excluded(caller) ? Grant.NONE : Grant.DIRECT;
    }
    if (anyone) {
      return Grant.DIRECT;
    }
    Grant best = Grant.NONE;
    for (Map.Entry<String, List<String>> entry : byType.entrySet()) {
      for (String value : entry.getValue()) {
        Grant grant = entry.getKey().equals(PrincipalElement.AWS) ? awsGrant(value, caller) : otherGrant(value, caller);
        if (grant.compareTo(best) > 0) {
          best = grant;
        }
      }
    }
    return best;
  }

  private static Grant awsGrant(String raw, PrincipalIdentity caller) {
    String value = raw.strip();
    if (value.equals("*")) {
      return Grant.DIRECT;
    }
    if (value.equals(caller.arn())) {
      return Grant.DIRECT;
    }
    if (isAccount(value, caller.account())) {
      return Grant.ACCOUNT;
    }
    if (caller.isSessionOf(value)) {
      return Grant.ROLE;
    }
    // A principal a loader could not compute could be the caller itself: it matches as broadly as
    // it could, and the statement, flagged unresolved, counts only where no value changes the
    // decision (Evaluator).
    return Unresolved.isIn(value) ? Grant.DIRECT : Grant.NONE;
  }

  private static Grant otherGrant(String raw, PrincipalIdentity caller) {
    String value = raw.strip();
    return value.equals("*") || value.equals(caller.arn()) || Unresolved.isIn(value) ? Grant.DIRECT : Grant.NONE;
  }

  private static boolean isAccount(String value, String account) {
    if (account.isEmpty()) {
      return false;
    }
    if (value.equals(account)) {
      return true;
    }
    String[] parts = Arns.split(value);
    return parts != null && parts[2].equals("iam") && parts[4].equals(account) && parts[5].equals("root");
  }

  /**
   * Whether NotPrincipal leaves the caller out of its statement. In a Deny: "Depending on the service that you
   * include in your policy, AWS might validate the account first and then the user. If an
   * assumed-role user ... is being evaluated, AWS might validate the account first, then the role,
   * and then the assumed-role user" (IAM User Guide, "AWS JSON policy elements: NotPrincipal",
   * "NotPrincipal with Deny"): each layer AWS validates meets the Deny on its own, so the Deny
   * misses the caller only when every layer is listed (account and user; account, role and
   * session). The page's example lists Bob and his account and denies "all principals except the
   * user named Bob": listing the account alone exempts none of its other principals, and listing
   * Bob without his account "might ... deny access to the AWS account that contains the user
   * Bob", so it does not exempt Bob either.
   */
  private boolean excluded(PrincipalIdentity caller) {
    if (anyone) {
      return true;
    }
    boolean account = false;
    boolean role = false;
    boolean self = false;
    for (Map.Entry<String, List<String>> entry : byType.entrySet()) {
      boolean aws = entry.getKey().equals(PrincipalElement.AWS);
      for (String raw : entry.getValue()) {
        String value = raw.strip();
        if (Unresolved.isIn(value)) {
          // Could be anyone: it exempts no one for certain, so the statement applies broadly.
          continue;
        }
        if (value.equals("*")) {
          return true;
        }
        self = self || value.equals(caller.arn());
        if (aws) {
          account = account || isAccount(value, caller.account());
          role = role || caller.isSessionOf(value);
        }
      }
    }
    if (!negatedDeny) {
      // NotPrincipal with Allow ("not supported", same page) grants to no caller it names in any
      // layer: the reading that never grants what AWS may not.
      return account || role || self;
    }
    return switch (caller.kind()) {
      // The account is the root user's only layer.
      case ROOT -> account;
      case USER, ROLE, FEDERATED_USER -> account && self;
      case ROLE_SESSION -> account && role && self;
      case SERVICE -> self;
      // Any other ARN in an account: its account, then itself.
      case OTHER -> self && (account || caller.account().isEmpty());
    };
  }
}
