package dev.iamunit.eval.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import org.apiguardian.api.API;

/** Splitting ARNs: {@code arn:partition:service:region:account-id:resource}. */
@API(status = INTERNAL, since = "0.1")
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

  /** Whether {@link #split} splits {@code value}: it starts with {@code arn:} and has five colons. Allocates nothing. */
  public static boolean isArn(String value) {
    if (!value.startsWith("arn:")) {
      return false;
    }
    int from = 0;
    for (int i = 0; i < 5; i++) {
      int colon = value.indexOf(':', from);
      if (colon < 0) {
        return false;
      }
      from = colon + 1;
    }
    return true;
  }

  // Allocation-free questions about one part, answered as split(arn) would answer them: the
  // evaluator asks them on every decision, and split builds seven objects.

  /** Whether {@code arn} is an ARN whose part {@code part} (0 to 5) is {@code value}. */
  public static boolean partEquals(String arn, int part, String value) {
    int start = partStart(arn, part);
    if (start < 0) {
      return false;
    }
    int end = part == 5 ? arn.length() : arn.indexOf(':', start);
    return end - start == value.length() && arn.startsWith(value, start);
  }

  /** Whether {@code arn} is an ARN whose resource part starts with {@code prefix}. */
  public static boolean resourceStartsWith(String arn, String prefix) {
    int start = partStart(arn, 5);
    return start >= 0 && arn.startsWith(prefix, start);
  }

  /** Whether {@code arn} is an ARN with an account id, and that id is not {@code account}. */
  public static boolean hasOtherAccount(String arn, String account) {
    int start = partStart(arn, 4);
    if (start < 0) {
      return false;
    }
    int end = arn.indexOf(':', start);
    return end > start && !(end - start == account.length() && arn.startsWith(account, start));
  }

  /** Where part {@code part} of {@code arn} starts, or -1 when {@code arn} is not an ARN. */
  private static int partStart(String arn, int part) {
    if (!arn.startsWith("arn:")) {
      return -1;
    }
    int start = 4;
    int found = 1;
    int partStart = part == 0 ? 0 : part == 1 ? 4 : -1;
    while (found < 5) {
      int colon = arn.indexOf(':', start);
      if (colon < 0) {
        return -1;
      }
      found++;
      start = colon + 1;
      if (found == part) {
        partStart = start;
      }
    }
    return part == 5 ? start : partStart;
  }
}
