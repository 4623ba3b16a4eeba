package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The policy types AWS evaluates, in the order of its evaluation flow chart. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum PolicyType {
  RESOURCE_CONTROL("resource control policy"),
  SERVICE_CONTROL("service control policy"),
  RESOURCE("resource-based policy"),
  IDENTITY("identity-based policy"),
  PERMISSIONS_BOUNDARY("permissions boundary"),
  SESSION("session policy"),
  /** The policy of the VPC endpoint a request comes through ({@code aws:SourceVpce}). */
  VPC_ENDPOINT("VPC endpoint policy");

  private final String description;

  PolicyType(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
