package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The finite set of requests both versions were asked, as the report states it.
 *
 * @param principals users and roles asked: those of either version the change can affect ({@link
 *     #scope()})
 * @param actions distinct actions
 * @param resources distinct resources across all actions and principals
 * @param credentialKinds credential kinds per principal (users: console with and without MFA, access
 *     keys; role sessions: with and without MFA)
 * @param contexts the most request contexts any action is asked with (only the condition keys of
 *     the statements that can apply to an action are varied for it)
 * @param requests requests asked of each version
 * @param notes how the space was bounded, in sentences
 * @param proof which principal/action pairs were proved over their regions and which sampled
 * @param scope which principals were asked, of how many, and why
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RequestSpace(
    int principals, int actions, int resources, int credentialKinds, int contexts, long requests, List<String> notes, Proof proof,
    Scope scope) {

  /**
   * How much of the space is a proof.
   *
   * @param proved principal/action pairs (an action standing for its class) decided on every region,
   *     or proved without a request: only statements differ for the principal, and none of them
   *     can apply to the action ({@link Scope})
   * @param sampled the pairs decided over the sampled space instead, each with why: {@code user
   *     alice s3:GetObject: the condition keys' regions multiply past ...}
   */
  public record Proof(long proved, List<String> sampled) {
    public Proof {
      sampled = List.copyOf(sampled);
    }

    /** Whether every pair was proved. */
    public boolean complete() {
      return sampled.isEmpty();
    }

    /** {@code Proved for every principal and action (1,234 pairs).} or how many were sampled. */
    public String describe() {
      return sampled.isEmpty()
          ? String.format(Locale.ROOT, "Proved: every request of every principal and action (%,d pair%s) is in a region decided.", proved, proved == 1 ? "" : "s")
          : String.format(Locale.ROOT, "Proved for %,d principal/action pair%s; SAMPLED for %,d (their findings may be incomplete):",
              proved, proved == 1 ? "" : "s", sampled.size());
    }
  }

  /** A space with no proof: every pair sampled, none named; every principal asked. */
  public RequestSpace(int principals, int actions, int resources, int credentialKinds, int contexts, long requests, List<String> notes) {
    this(principals, actions, resources, credentialKinds, contexts, requests, notes, new Proof(0, List.of("(every pair)")),
        Scope.everyPrincipal(principals));
  }

  /** {@code 40,311 requests per version: 3 principals × 1,508 actions on 21 resources × ...}. */
  public String describe() {
    return String.format(Locale.ROOT,
        "%,d requests per version: %d principal%s × %,d action%s on %d resource%s × %d credential kind%s × up to %d context%s",
        requests, principals, plural(principals), actions, plural(actions), resources, plural(resources),
        credentialKinds, plural(credentialKinds), contexts, plural(contexts));
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }

  public RequestSpace {
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(scope, "scope");
  }
}
