package dev.iamunit.junit.internal;

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
 */
record ScenarioSettings(
    Optional<IamPrincipal> principal,
    Optional<String> assumedBy,
    CredentialChoice credentials,
    Optional<Instant> time,
    Map<String, List<String>> context,
    Map<String, String> principalTags) {

  ScenarioSettings {
    context = Map.copyOf(context);
    principalTags = Map.copyOf(principalTags);
  }
}
