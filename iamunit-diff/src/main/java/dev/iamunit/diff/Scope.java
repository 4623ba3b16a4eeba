package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which principals the diff decided, and why: only those whose decisions the change can affect
 * (issue 26, "cost in proportion to the change"). A principal whose own policies, groups,
 * boundary, tags and organization policies are the same in both versions, and that no changed
 * resource policy, trust policy or RCP can name, gets the same answer to every request in both,
 * so it is not asked.
 *
 * @param principals users and roles declared in either version
 * @param decided how many of them were decided
 * @param reasons why they were, the reason that covers most principals first
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Scope(int principals, int decided, List<Reason> reasons) {

  /**
   * One reason principals were decided.
   *
   * @param why {@code role team-17's inline policy team-17 changed}, {@code SCP DenyRegions at root changed}
   * @param principals how many principals it covers
   * @param examples the first few of them, as {@link DiffRow#principal()} names them
   */
  public record Reason(String why, int principals, List<String> examples) {
    public Reason {
      Objects.requireNonNull(why, "why");
      examples = List.copyOf(examples);
    }
  }

  /** How many reasons {@link #describe()} names; the rest are counted. */
  public static final int NAMED_REASONS = 3;

  public Scope {
    reasons = List.copyOf(reasons);
  }

  /** Every one of {@code principals} decided, for no reason named: a diff built without scoping. */
  public static Scope everyPrincipal(int principals) {
    return new Scope(principals, principals, List.of(new Reason("every principal is decided", principals, List.of())));
  }

  /**
   * {@code Re-decided 1 of 3,000 principals: role team-17's inline policy team-17 changed.}, or
   * {@code Re-decided 3,000 of 3,000 principals: SCP DenyRegions at root changed (3,000).}
   */
  public String describe() {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Re-decided %,d of %,d principal%s", decided, principals,
        principals == 1 ? "" : "s"));
    if (reasons.isEmpty()) {
      return text.append(": no policy that applies to a principal changed.").toString();
    }
    text.append(": ");
    for (int i = 0; i < Math.min(NAMED_REASONS, reasons.size()); i++) {
      Reason reason = reasons.get(i);
      text.append(i == 0 ? "" : "; ").append(reason.why());
      if (reason.principals() > 1) {
        text.append(String.format(Locale.ROOT, " (%,d)", reason.principals()));
      }
    }
    if (reasons.size() > NAMED_REASONS) {
      text.append(String.format(Locale.ROOT, "; %,d more reasons", reasons.size() - NAMED_REASONS));
    }
    return text.append('.').toString();
  }
}
