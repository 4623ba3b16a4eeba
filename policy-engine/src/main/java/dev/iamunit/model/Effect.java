package dev.iamunit.model;

/** A statement's {@code Effect}. */
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
