package dev.iamunit.junit.internal;

import dev.iamunit.eval.CredentialKind;
import dev.iamunit.junit.IamPrincipal;
import java.util.List;
import java.util.Optional;

/**
 * What the scenario says about credentials, turned into the credential kinds each request is
 * evaluated under once the principal is known.
 *
 * @param mfa true for {@code @WithMFA}, false for {@code @WithoutMFA}, empty when unsaid
 * @param explicit the kind {@code @WithCredentials} names
 */
record CredentialChoice(Optional<Boolean> mfa, Optional<CredentialKind> explicit) {

  static final CredentialChoice DEFAULT = new CredentialChoice(Optional.empty(), Optional.empty());

  /**
   * For a user and the root user: long-term access keys by default (as the AWS CLI signs), console
   * sign-in with MFA, or both ways of lacking MFA. For a role session: the session, with or
   * without MFA.
   */
  List<CredentialKind> kindsFor(IamPrincipal principal) {
    if (explicit.isPresent()) {
      return List.of(explicit.get());
    }
    boolean user = principal.sessionName().isEmpty(); // a user or the root user
    if (mfa.isEmpty()) {
      return List.of(user ? CredentialKind.ACCESS_KEYS : CredentialKind.ASSUMED_ROLE);
    }
    if (mfa.get()) {
      return List.of(user ? CredentialKind.CONSOLE_WITH_MFA : CredentialKind.ASSUMED_ROLE_WITH_MFA);
    }
    return user
        ? List.of(CredentialKind.CONSOLE_WITHOUT_MFA, CredentialKind.ACCESS_KEYS)
        : List.of(CredentialKind.ASSUMED_ROLE);
  }
}
