package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** When a diff fails the build: {@code --fail-on new-access} makes {@code iamunit diff} a gate. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Gate {
  /**
   * Any request the head allows and the base denied, anything new in the head IAMUnit could not
   * evaluate that could grant access, or any principal/action pair decided over a sample instead
   * of proved (unless the sample is accepted): a gate built on a sample has holes.
   */
  NEW_ACCESS("new-access"),
  /** Any difference, new access, removed access or a changed reason. */
  ANY_CHANGE("any-change"),
  /** Never: the diff is a report only. */
  NEVER("never");

  private final String id;

  Gate(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Whether the gate fails on {@code diff}, a sampled pair included. */
  public boolean fails(AccessDiff diff) {
    return !failures(diff, false).isEmpty();
  }

  /**
   * Why the gate fails on {@code diff}, one sentence per reason; empty when it passes. With {@code
   * acceptSampled}, pairs decided over the sampled space do not fail {@link #NEW_ACCESS} (the user
   * said so explicitly); the reports still name them.
   */
  public List<String> failures(AccessDiff diff, boolean acceptSampled) {
    List<String> reasons = new ArrayList<>();
    switch (this) {
      case NEW_ACCESS -> {
        int allowed = diff.rows(Change.NEWLY_ALLOWED).size();
        if (allowed > 0) {
          reasons.add(String.format(Locale.ROOT, "%,d request(s) newly allowed", allowed));
        }
        if (diff.mayHaveUnseenAccess()) {
          int gaps = diff.newCouldGrant().size();
          reasons.add(gaps + " thing" + (gaps == 1 ? "" : "s") + " new in the head IAMUnit could not evaluate could grant access");
        }
        List<String> sampled = diff.space().proof().sampled();
        if (!sampled.isEmpty() && !acceptSampled) {
          reasons.add(notProved(sampled));
        }
      }
      case ANY_CHANGE -> {
        if (!diff.isEmpty()) {
          reasons.add(String.format(Locale.ROOT, "%,d request(s) changed", diff.rows().size()));
        }
      }
      case NEVER -> { }
    }
    return reasons;
  }

  /** The sentence for a gate on a sample: which pairs, why, and the two ways out. */
  private static String notProved(List<String> sampled) {
    return String.format(Locale.ROOT, "could not prove that no access is new: %,d principal/action pair%s %s sampled, not proved (%s%s), "
        + "where new access may be missed; make the condition that multiplies the regions simpler (fewer values for the key named), "
        + "or accept the sample explicitly (iamunit diff --accept-sampled, the Maven plugin's <acceptSampled>)",
        sampled.size(), sampled.size() == 1 ? "" : "s", sampled.size() == 1 ? "was" : "were", sampled.get(0),
        sampled.size() == 1 ? "" : String.format(Locale.ROOT, "; %,d more in the report", sampled.size() - 1));
  }

  /** The gate named {@code name}: {@code new-access}, {@code any-change} or {@code never}. */
  public static Gate named(String name) {
    String wanted = name.toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(g -> g.id.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown --fail-on value \"" + name + "\"; use one of "
            + Arrays.stream(values()).map(Gate::id).collect(Collectors.joining(", "))));
  }
}
