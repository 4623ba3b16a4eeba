package dev.iamunit.eval.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The service prefix of an action or action pattern ({@code s3} of {@code S3:GetObject}): the one
 * place that cuts it, as the evaluator compares it, ignoring case and surrounding blanks (IAM User
 * Guide, "IAM JSON policy elements: Action": "the prefix and the action name are case insensitive").
 */
@API(status = INTERNAL, since = "0.1")
public final class ActionNames {

  private ActionNames() {}

  /** The service prefix of {@code action}, lower case and stripped; empty when it has no colon. */
  public static String serviceOf(String action) {
    int colon = action.indexOf(':');
    return colon < 0 ? "" : action.substring(0, colon).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The service prefix {@code pattern} names literally, as {@link #serviceOf}; empty when it names
   * none: no colon, or a wildcard in the prefix ({@code *}, {@code s?s:*}), which may match any
   * service.
   */
  public static String literalServiceOf(String pattern) {
    String service = serviceOf(pattern);
    return service.indexOf('*') >= 0 || service.indexOf('?') >= 0 ? "" : service;
  }
}
