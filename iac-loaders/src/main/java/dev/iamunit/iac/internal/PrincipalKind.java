package dev.iamunit.iac.internal;

/** The three kinds of IAM identity a template declares, as IAM names them in ARNs and messages. */
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
