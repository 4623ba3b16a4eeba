package dev.iamunit.eval.space;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The requests one principal can make for one action, one per region of resources and contexts
 * the policies cannot tell apart.
 *
 * @param resources one request target per region of resources: the resource, and the action of
 *     the class that makes such a request
 * @param contexts one context per combination of the regions of each condition key: the keys to
 *     add to the caller's context, each with its values, and the keys to take out of it (not
 *     {@link KeyValue#present()}: {@link KeyValue#absentKeys}); a key not named keeps the caller's
 *     value, or its absence
 * @param gaps empty when the regions are complete, so that deciding every request of {@code
 *     resources} × {@code contexts} decides every request; otherwise what made them a sample
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ActionRegions(List<Target> resources, List<Map<String, KeyValue>> contexts, List<String> gaps) {

  /**
   * An action of the class and a resource of one of its ARN formats (or {@code *}).
   *
   * @param action the member of the class that AWS sends with {@code resource}
   * @param resource the region's representative
   * @param alsoHeld the region's ARNs of other formats of the class, each with a member that has
   *     its format: every test answers them as {@code resource}, so they were not asked apart, but
   *     AWS sends other actions with them than with {@code resource}
   */
  public record Target(String action, String resource, List<Target> alsoHeld) {
    public Target {
      alsoHeld = List.copyOf(alsoHeld);
    }

    /** A target whose region holds no ARN of another format. */
    public Target(String action, String resource) {
      this(action, resource, List.of());
    }
  }

  public ActionRegions {
    resources = List.copyOf(resources);
    contexts = List.copyOf(contexts);
    gaps = List.copyOf(gaps);
  }

  /** Whether every request of the action is in one of these regions. */
  public boolean complete() {
    return gaps.isEmpty();
  }

  /** How many requests: resources × contexts. */
  public long size() {
    return (long) resources.size() * contexts.size();
  }
}
