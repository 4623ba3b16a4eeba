package dev.iamunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The requests of a scenario's principal that AWS allows, found over the complete request space:
 * every action asked about, every region of resources and of context values the policies can tell
 * apart (one request each), under each kind of credentials the scenario stands for. What {@code
 * mayOnly} and {@code allAreDenied} check. An empty {@link #allowed()} proves that no request is
 * allowed only when {@link #proved()}.
 *
 * @param allowed every allowed request found, one per region, by action
 * @param sampled the actions whose regions were too many and were decided over a sample only,
 *     each with why ({@code iam:ListUsers (and 3 more actions treated alike): ...})
 * @param actions how many actions were searched
 * @param requests how many requests were decided
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SpaceSearch(List<Allowed> allowed, List<String> sampled, int actions, long requests) {

  public SpaceSearch {
    allowed = List.copyOf(allowed);
    sampled = List.copyOf(sampled);
  }

  /** Whether no part of the space was sampled: the search decided every request of every action asked about. */
  public boolean proved() {
    return sampled.isEmpty();
  }

  /**
   * One allowed request.
   *
   * @param evaluation the request, its credentials and its explained decision
   * @param context the context keys the search gave the request for its region ({@code
   *     aws:SourceIp=10.20.0.0}): what sets it apart from the scenario's own request
   * @param alike the other actions asked about that the policies treat exactly like this one: each
   *     is allowed on the same request
   */
  public record Allowed(Evaluation evaluation, Map<String, List<String>> context, List<String> alike) {
    public Allowed {
      Objects.requireNonNull(evaluation, "evaluation");
      context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
      alike = List.copyOf(alike);
    }

    /** The request's action, then every action alike. */
    public List<String> actions() {
      List<String> all = new ArrayList<>(alike.size() + 1);
      all.add(evaluation.action());
      all.addAll(alike);
      return all;
    }

    /**
     * {@code s3:GetObject on arn:aws:s3:::b/k as Dev with aws:SourceIp=10.20.0.0}: the request as
     * messages name it ({@link Evaluation#requestDescription()}), with the context the search gave it.
     */
    public String requestDescription() {
      if (context.isEmpty()) {
        return evaluation.requestDescription();
      }
      List<String> keys = new ArrayList<>();
      context.forEach((key, values) -> keys.add(key + "=" + (values.size() == 1 ? values.get(0) : values.toString())));
      return evaluation.requestDescription() + " with " + String.join(", ", keys);
    }
  }
}
