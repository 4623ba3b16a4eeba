package dev.iamunit.aws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The type of a condition key, as the Service Authorization Reference and "AWS global condition
 * context keys" give it. It decides which condition operators fit the key: a {@code Bool}
 * operator on a {@code String} key is a mistake.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ConditionKeyType {
  STRING("String"),
  ARN("ARN"),
  NUMERIC("Numeric"),
  DATE("Date"),
  BOOL("Bool"),
  IP_ADDRESS("IPAddress"),
  BINARY("Binary"),
  ARRAY_OF_STRING("ArrayOfString"),
  ARRAY_OF_ARN("ArrayOfARN"),
  ARRAY_OF_NUMERIC("ArrayOfNumeric"),
  ARRAY_OF_DATE("ArrayOfDate"),
  ARRAY_OF_BOOL("ArrayOfBool"),
  ARRAY_OF_IP_ADDRESS("ArrayOfIPAddress"),
  ARRAY_OF_BINARY("ArrayOfBinary");

  private static final String ARRAY_PREFIX = "ArrayOf";

  private final String awsName;

  ConditionKeyType(String awsName) {
    this.awsName = awsName;
  }

  /** The type as AWS spells it, for example {@code ArrayOfString}. */
  public String awsName() {
    return awsName;
  }

  /** Whether a request may carry several values for the key (a multivalued context key). */
  public boolean isArray() {
    return awsName.startsWith(ARRAY_PREFIX);
  }

  /** The type of each value: {@code STRING} for {@code ARRAY_OF_STRING}, itself if not an array. */
  public ConditionKeyType elementType() {
    return isArray() ? fromAwsName(awsName.substring(ARRAY_PREFIX.length())).orElseThrow() : this;
  }

  /** The type AWS spells {@code awsName} (exactly, as in {@code IPAddress}), if any. */
  public static Optional<ConditionKeyType> fromAwsName(String awsName) {
    return Arrays.stream(values()).filter(type -> type.awsName.equals(awsName)).findFirst();
  }
}
