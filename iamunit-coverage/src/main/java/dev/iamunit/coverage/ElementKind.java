package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** How statements are grouped for counters and rules, as the {@code <element>} of a rule. */
@API(status = EXPERIMENTAL)
public enum ElementKind {
  /** Every statement of the run; named {@code all}. */
  BUNDLE("all statements"),
  /** The statements of one template file, named by its path. */
  TEMPLATE("template"),
  /** The statements of one policy, named by the policy's name. */
  POLICY("policy"),
  /** The statements a user's or role's requests use, named {@code user/NAME} or {@code role/NAME}. */
  PRINCIPAL("principal");

  private final String description;

  ElementKind(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
