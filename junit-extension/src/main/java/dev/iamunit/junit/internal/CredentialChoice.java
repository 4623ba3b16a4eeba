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
    return mfa.isEmpty() && explicit.isEmpty()
        ? List.of(isUser(principal) ? CredentialKind.ACCESS_KEYS : CredentialKind.ASSUMED_ROLE)
        : named(principal);
  }

  /**
   * The kinds a search of the request space asks ({@code allAreDenied}, {@code mayOnly}): those the
   * test names, or when it names none every kind the principal can sign with ({@link
   * CredentialKind#possibleFor}, as the access diff asks), so that a grant under MFA is not missed
   * because the test did not think of MFA.
   */
  List<CredentialKind> searchedFor(IamPrincipal principal) {
    return mfa.isEmpty() && explicit.isEmpty()
        ? CredentialKind.possibleFor(isUser(principal) ? CredentialKind.Signer.USER : CredentialKind.Signer.ROLE_SESSION)
        : named(principal);
  }

  private static boolean isUser(IamPrincipal principal) {
    return principal.sessionName().isEmpty(); // a user or the root user
  }

  /** The kinds {@code @WithMFA}, {@code @WithoutMFA} or {@code @WithCredentials} name. */
  private List<CredentialKind> named(IamPrincipal principal) {
    if (explicit.isPresent()) {
      return List.of(explicit.get());
    }
    boolean user = isUser(principal);
    if (mfa.orElseThrow()) {
      return List.of(user ? CredentialKind.CONSOLE_WITH_MFA : CredentialKind.ASSUMED_ROLE_WITH_MFA);
    }
    return user
        ? List.of(CredentialKind.CONSOLE_WITHOUT_MFA, CredentialKind.ACCESS_KEYS)
        : List.of(CredentialKind.ASSUMED_ROLE);
  }
}
