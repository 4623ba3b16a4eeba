package dev.iamunit.eval.internal;

import java.util.Optional;

/** Splitting ARNs: {@code arn:partition:service:region:account-id:resource}. */
public final class Arns {

  private Arns() {}

  /**
   * The six parts of an ARN (the resource part may hold further colons), or null when {@code arn}
   * has fewer than six parts.
   */
  public static String[] split(String arn) {
    String[] parts = new String[6];
    int start = 0;
    for (int i = 0; i < 5; i++) {
      int colon = arn.indexOf(':', start);
      if (colon < 0) {
        return null;
      }
      parts[i] = arn.substring(start, colon);
      start = colon + 1;
    }
    parts[5] = arn.substring(start);
    return "arn".equals(parts[0]) ? parts : null;
  }

  /** The account id of an ARN, when it has one. */
  public static Optional<String> account(String arn) {
    String[] parts = split(arn);
    return parts == null || parts[4].isEmpty() ? Optional.empty() : Optional.of(parts[4]);
  }

  public static boolean isArn(String value) {
    return split(value) != null;
  }
}
