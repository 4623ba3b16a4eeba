package dev.iamunit.junit.internal;

import dev.iamunit.junit.AsPermissionSet;
import dev.iamunit.junit.IamPrincipal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a test's scenario annotations say, resolved closest-first.
 *
 * @param principal who asks
 * @param assumedBy the user whose right to assume the role is checked
 * @param credentials how the requests are signed
 * @param time when, or empty for the time the test starts
 * @param context context keys the annotations add: region, source IP, {@code @WithContext}
 * @param principalTags tags the annotations add to the caller
 * @param permissionSet the permission set whose provisioned role asks, resolved against the loaded
 *     account into {@link #principal} ({@link #withPrincipal})
 * @param permissionSetAccount the {@code @InAccount} of a permission set's role; empty: the home account
 */
record ScenarioSettings(
    Optional<IamPrincipal> principal,
    Optional<String> assumedBy,
    CredentialChoice credentials,
    Optional<Instant> time,
    Map<String, List<String>> context,
    Map<String, String> principalTags,
    Optional<AsPermissionSet> permissionSet,
    Optional<String> permissionSetAccount) {

  ScenarioSettings(Optional<IamPrincipal> principal, Optional<String> assumedBy, CredentialChoice credentials, Optional<Instant> time,
      Map<String, List<String>> context, Map<String, String> principalTags) {
    this(principal, assumedBy, credentials, time, context, principalTags, Optional.empty(), Optional.empty());
  }

  ScenarioSettings {
    context = Map.copyOf(context);
    principalTags = Map.copyOf(principalTags);
  }

  ScenarioSettings withPrincipal(IamPrincipal other) {
    return new ScenarioSettings(Optional.of(other), Optional.empty(), credentials, time, context, principalTags);
  }
}
