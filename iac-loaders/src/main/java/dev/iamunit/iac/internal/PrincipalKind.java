package dev.iamunit.iac.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The three kinds of IAM identity a template declares, as IAM names them in ARNs and messages. */
@API(status = INTERNAL, since = "0.1")
public enum PrincipalKind {
  USER("user"),
  GROUP("group"),
  ROLE("role");

  private final String word;

  PrincipalKind(String word) {
    this.word = word;
  }

  /** {@code user}, {@code group}, {@code role}: the ARN resource type and the word in messages. */
  public String word() {
    return word;
  }
}
