package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
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

  /** Who signs a request: an IAM user (the root user alike) or a session of a role. */
  public enum Signer { USER, ROLE_SESSION }

  /**
   * Every kind of credentials a {@code signer} can sign with, each giving {@code
   * aws:MultiFactorAuthPresent} another value (absent, false, true), so that a search over them
   * misses no grant conditioned on MFA. A user signs in to the console with or without MFA, or
   * signs with long-term access keys: for those "the key is not present" (IAM User Guide, AWS
   * global condition context keys, aws:MultiFactorAuthPresent); a role session's temporary
   * credentials carry the key, true when the AssumeRole call was made with MFA (same section;
   * Configuring MFA-protected API access). The one list the access diff and the space assertions
   * search.
   */
  public static List<CredentialKind> possibleFor(Signer signer) {
    return switch (signer) {
      case USER -> List.of(CONSOLE_WITH_MFA, CONSOLE_WITHOUT_MFA, ACCESS_KEYS);
      case ROLE_SESSION -> List.of(ASSUMED_ROLE_WITH_MFA, ASSUMED_ROLE);
    };
  }

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
