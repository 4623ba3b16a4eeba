package dev.iamunit.aws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The access level AWS assigns to an action, as in the "Access level" column of "Actions,
 * resources, and condition keys for AWS services" (Service Authorization Reference).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum AccessLevel {
  LIST("List"),
  READ("Read"),
  WRITE("Write"),
  PERMISSIONS_MANAGEMENT("Permissions management"),
  TAGGING("Tagging");

  private final String awsName;

  AccessLevel(String awsName) {
    this.awsName = awsName;
  }

  /** The level as AWS's documentation spells it, for example {@code Permissions management}. */
  public String awsName() {
    return awsName;
  }
}
