package dev.iamunit.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** A statement's {@code Effect}. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Effect {
  ALLOW("Allow"),
  DENY("Deny");

  private final String json;

  Effect(String json) {
    this.json = json;
  }

  /** As written in policy JSON. */
  public String json() {
    return json;
  }
}
