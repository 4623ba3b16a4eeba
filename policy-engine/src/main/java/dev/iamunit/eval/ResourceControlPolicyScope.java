package dev.iamunit.eval;

import dev.iamunit.aws.AwsData;

/**
 * The requests resource control policies can refuse: those for a service AWS lists as supporting
 * them. "RCPs apply to resources for a subset of AWS services" (AWS Organizations User Guide,
 * Resource control policies (RCPs), "List of AWS services that support RCPs"); Amazon EC2, IAM,
 * AWS Lambda and Amazon SNS, for example, are not among them, so an RCP's Deny never refuses
 * their requests. The list is the bundled catalog's ({@link AwsData#supportsResourceControlPolicies}).
 * A service the catalog does not know keeps its RCPs: the catalog has no word on it.
 */
final class ResourceControlPolicyScope {

  private ResourceControlPolicyScope() {}

  /** Whether the RCPs of the resource's account can refuse a request for {@code action}. */
  static boolean applies(String action) {
    int colon = action.indexOf(':');
    if (colon < 0) {
      return true;
    }
    String service = action.substring(0, colon);
    AwsData aws = AwsData.bundled();
    return !aws.serviceExists(service.strip()) || aws.supportsResourceControlPolicies(service);
  }
}
