package dev.iamunit.eval;

import dev.iamunit.eval.internal.ActionNames;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * When AWS puts the global keys a {@link Caller} sets into a request, by action: the one place that
 * says it, read by the caller when it builds a request and by the request space when it asks which
 * keys a request may leave out ({@code dev.iamunit.eval.space.RequestRegions}), and by the explanation
 * when a request leaves out a key AWS always sends but in a stated case ({@link #absentOnlyWhen},
 * {@code dev.iamunit.explain.DecisionText}). Each rule is the key's "Availability" on the IAM User
 * Guide page "AWS global condition context keys".
 */
@API(status = INTERNAL, since = "0.1")
public final class KeyAvailability {

  /** The key that says whether an AWS service makes the request for the principal. */
  public static final String VIA_AWS_SERVICE = "aws:ViaAWSService";

  /** The requester's client application, which the caller chooses. */
  public static final String USER_AGENT = "aws:UserAgent";

  /**
   * The prefixes of the services that leave {@code aws:ViaAWSService} out: "The following services
   * do not currently support aws:ViaAWSService: Amazon EC2, AWS Glue, AWS Lake Formation, AWS
   * OpsWorks" (IAM User Guide, AWS global condition context keys, aws:ViaAWSService). The bundled
   * catalog names these four prefixes so ({@code KeyAvailabilityTests}); AWS OpsWorks Configuration
   * Management ({@code opsworks-cm}) is another service.
   */
  static final Set<String> WITHOUT_VIA_AWS_SERVICE = Set.of("ec2", "glue", "lakeformation", "opsworks");

  private static final String VIA_AWS_SERVICE_LOWER = VIA_AWS_SERVICE.toLowerCase(Locale.ROOT);

  /** The requester's IP address, which the caller never sets unless the test gives it. */
  public static final String SOURCE_IP = "aws:SourceIp";

  /**
   * A key AWS includes in every request but in one case it states, which a request without the key
   * therefore is.
   *
   * @param key the key as AWS spells it
   * @param requestWithout what a request without the key is, as a noun phrase: {@code a request through a VPC endpoint}
   * @param awsSays AWS's words for the case, quoted
   * @param source where AWS says it
   * @param example a value a test may give the key
   * @param annotation the JUnit annotation that gives it, or empty
   */
  public record AbsentOnlyWhen(String key, String requestWithout, String awsSays, String source, String example, String annotation) {}

  /**
   * "aws:SourceIp ... Availability – This key is included in the request context, except when the
   * requester uses a VPC endpoint to make the request" (IAM User Guide, AWS global condition context
   * keys, aws:SourceIp). The caller does not invent an address: its request carries none, as one
   * through a VPC endpoint, unless the test gives one.
   */
  private static final List<AbsentOnlyWhen> ABSENT_ONLY_WHEN = List.of(new AbsentOnlyWhen(SOURCE_IP, "a request through a VPC endpoint",
      "except when the requester uses a VPC endpoint to make the request", "IAM User Guide, AWS global condition context keys, aws:SourceIp",
      "203.0.113.7", "@FromIp"));

  private KeyAvailability() {}

  /**
   * The case in which AWS leaves {@code key} (in any case) out of a request that otherwise always
   * carries it; empty for a key AWS does not always send, or always sends.
   */
  public static Optional<AbsentOnlyWhen> absentOnlyWhen(String key) {
    return ABSENT_ONLY_WHEN.stream().filter(a -> a.key().equalsIgnoreCase(key.strip())).findFirst();
  }

  /**
   * Whether a request for {@code action} carries {@code aws:ViaAWSService}: "This key is always
   * included in the request context for most services", all but the four the same section lists.
   */
  public static boolean carriesViaAwsService(String action) {
    String service = ActionNames.serviceOf(action);
    return service.isEmpty() || !WITHOUT_VIA_AWS_SERVICE.contains(service);
  }

  /**
   * The keys (lower case) the caller's request for {@code action} carries that AWS may leave out of
   * such a request all the same, so that their absence is a region of the request space: {@code
   * aws:ViaAWSService}, since "most services" promises it for none. A key "always included in the
   * request context" (aws:CurrentTime, aws:EpochTime, aws:SecureTransport, aws:RequestedRegion,
   * aws:UserAgent) is never absent.
   */
  public static Set<String> sometimesAbsent(String action) {
    return carriesViaAwsService(action) ? Set.of(VIA_AWS_SERVICE_LOWER) : Set.of();
  }

  /**
   * The keys (lower case) that no request for {@code action} carries although the caller sets them
   * for other actions: {@code aws:ViaAWSService} for the services that do not support it. The space
   * does not vary them; the request leaves them out unless the test gives them.
   */
  public static Set<String> neverPresent(String action) {
    return carriesViaAwsService(action) ? Set.of() : Set.of(VIA_AWS_SERVICE_LOWER);
  }
}
