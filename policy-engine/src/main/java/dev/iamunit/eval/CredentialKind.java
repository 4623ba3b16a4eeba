package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How the caller signed the request, which decides what AWS puts in the request context for
 * {@code aws:MultiFactorAuthPresent}: "The key is not present when ... an IAM user's long-term
 * access keys are used"; it is true or false for console sign-in and for temporary credentials
 * (IAM User Guide, AWS global condition context keys; Configuring MFA-protected API access).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum CredentialKind {
  /** Nothing is said: the context is exactly what the request gives. */
  UNSPECIFIED("unspecified credentials", null, false),
  CONSOLE_WITH_MFA("console sign-in with MFA", Boolean.TRUE, true),
  CONSOLE_WITHOUT_MFA("console sign-in without MFA", Boolean.FALSE, true),
  /** Long-term access keys of an IAM user: the AWS CLI's and SDKs' default. */
  ACCESS_KEYS("long-term access keys", null, false),
  SESSION_TOKEN_WITH_MFA("GetSessionToken credentials with MFA", Boolean.TRUE, true),
  SESSION_TOKEN_WITHOUT_MFA("GetSessionToken credentials without MFA", Boolean.FALSE, true),
  ASSUMED_ROLE("assumed-role session", Boolean.FALSE, true),
  ASSUMED_ROLE_WITH_MFA("assumed-role session with MFA", Boolean.TRUE, true);

  private final String description;
  private final Boolean mfaPresent;
  private final boolean temporary;

  CredentialKind(String description, Boolean mfaPresent, boolean temporary) {
    this.description = description;
    this.mfaPresent = mfaPresent;
    this.temporary = temporary;
  }

  public String description() {
    return description;
  }

  /** The value of {@code aws:MultiFactorAuthPresent}, or null when the key is absent. */
  public Boolean mfaPresent() {
    return mfaPresent;
  }

  public boolean withMfa() {
    return Boolean.TRUE.equals(mfaPresent);
  }

  /** Console sessions and STS credentials carry a session token; long-term keys do not. */
  public boolean temporary() {
    return temporary;
  }
}
