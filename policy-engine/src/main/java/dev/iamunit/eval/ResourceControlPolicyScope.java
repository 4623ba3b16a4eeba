package dev.iamunit.eval;

import dev.iamunit.eval.internal.ActionNames;
import dev.iamunit.aws.AwsData;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests resource control policies can refuse: those for a service AWS lists as supporting
 * them. "RCPs apply to resources for a subset of AWS services" (AWS Organizations User Guide,
 * Resource control policies (RCPs), "List of AWS services that support RCPs"); Amazon EC2, IAM,
 * AWS Lambda and Amazon SNS, for example, are not among them, so an RCP's Deny never refuses
 * their requests. The list is the bundled catalog's ({@link AwsData#supportsResourceControlPolicies}).
 * A service the catalog does not know keeps its RCPs: the catalog has no word on it.
 */
final class ResourceControlPolicyScope {

  /**
   * The answer by action as requests spell it: asked on every decision that has RCPs, where the
   * lookup would otherwise cut and lower-case the service each time. Bounded by {@link #KEPT}
   * (the catalog has about 22,000 actions), past which answers are computed, not kept.
   */
  private static final Map<String, Boolean> BY_ACTION = new ConcurrentHashMap<>();

  private static final int KEPT = 50_000;

  private ResourceControlPolicyScope() {}

  /** Whether the RCPs of the resource's account can refuse a request for {@code action}. */
  static boolean applies(String action) {
    Boolean known = BY_ACTION.get(action);
    if (known != null) {
      return known;
    }
    boolean applies = lookUp(action);
    if (BY_ACTION.size() < KEPT) {
      BY_ACTION.put(action, applies);
    }
    return applies;
  }

  private static boolean lookUp(String action) {
    String service = ActionNames.serviceOf(action);
    if (service.isEmpty()) {
      return true;
    }
    AwsData aws = AwsData.bundled();
    return !aws.serviceExists(service) || aws.supportsResourceControlPolicies(service);
  }
}
