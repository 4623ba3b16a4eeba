package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** How one request's decision differs between the base and the head version. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Change {
  /** Denied in the base, allowed in the head: new access, what a reviewer must see first. */
  NEWLY_ALLOWED("newly allowed"),
  /** Allowed in the base, denied in the head. */
  NEWLY_DENIED("newly denied"),
  /** The same outcome, decided by other statements. */
  CHANGED_REASON("changed reason");

  private final String description;

  Change(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
