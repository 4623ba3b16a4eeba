package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Whether a statement applied to a request, and if not, the first element that did not match. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Applicability {
  APPLIED("applied"),
  ACTION_NOT_MATCHED("action did not match"),
  RESOURCE_NOT_MATCHED("resource did not match"),
  PRINCIPAL_NOT_MATCHED("principal did not match"),
  CONDITION_NOT_MET("a condition was not met");

  private final String description;

  Applicability(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
