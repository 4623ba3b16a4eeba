package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A bound on one counter value, as JaCoCo's {@code <limit>}: {@code counter} STATEMENT, ALLOW, DENY
 * or CONDITION; {@code value} COVEREDRATIO, MISSEDCOUNT and the rest of {@link Counter.Value};
 * {@code minimum} and {@code maximum} written as {@code 0.80}, {@code 80%} or a count.
 *
 * <p>As in JaCoCo, the actual value is compared at the precision the limit is written with:
 * against a minimum of {@code 0.80} a ratio of 0.799 is rounded down to 0.79 and fails.
 *
 * @param counter what is counted
 * @param value which value of the counter is bounded
 * @param minimum the lowest value allowed
 * @param maximum the highest value allowed
 */
@API(status = EXPERIMENTAL)
public record Limit(CounterKind counter, Counter.Value value, Optional<BigDecimal> minimum, Optional<BigDecimal> maximum) {

  public Limit {
    Objects.requireNonNull(counter, "counter");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(minimum, "minimum");
    Objects.requireNonNull(maximum, "maximum");
  }

  public static Limit minimum(CounterKind counter, Counter.Value value, String minimum) {
    return new Limit(counter, value, Optional.of(parse(minimum)), Optional.empty());
  }

  public static Limit maximum(CounterKind counter, Counter.Value value, String maximum) {
    return new Limit(counter, value, Optional.empty(), Optional.of(parse(maximum)));
  }

  /**
   * Reads {@code 0.8}, {@code 80%} or {@code 3}.
   *
   * @throws IllegalArgumentException naming the text when it is none of these
   */
  public static BigDecimal parse(String text) {
    String trimmed = text.strip();
    try {
      if (trimmed.endsWith("%")) {
        return new BigDecimal(trimmed.substring(0, trimmed.length() - 1).strip()).movePointLeft(2);
      }
      return new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a limit: write a ratio (0.80), a percentage (80%) or a count", e);
    }
  }

  /** The message for a counter that breaks this limit, or empty when it holds. */
  public Optional<String> check(Counter actual) {
    double raw = actual.value(value);
    if (Double.isNaN(raw)) {
      return Optional.empty();
    }
    if (minimum.isPresent()) {
      BigDecimal rounded = BigDecimal.valueOf(raw).setScale(minimum.get().scale(), RoundingMode.FLOOR);
      if (rounded.compareTo(minimum.get()) < 0) {
        return Optional.of(describe() + " is " + rounded.toPlainString() + ", but expected minimum is "
            + minimum.get().toPlainString());
      }
    }
    if (maximum.isPresent()) {
      BigDecimal rounded = BigDecimal.valueOf(raw).setScale(maximum.get().scale(), RoundingMode.CEILING);
      if (rounded.compareTo(maximum.get()) > 0) {
        return Optional.of(describe() + " is " + rounded.toPlainString() + ", but expected maximum is "
            + maximum.get().toPlainString());
      }
    }
    return Optional.empty();
  }

  /** {@code statements covered ratio}, as JaCoCo words it. */
  private String describe() {
    String words = switch (value) {
      case TOTALCOUNT -> "total count";
      case COVEREDCOUNT -> "covered count";
      case MISSEDCOUNT -> "missed count";
      case COVEREDRATIO -> "covered ratio";
      case MISSEDRATIO -> "missed ratio";
    };
    return counter.description().toLowerCase(Locale.ROOT).replace("allow", "Allow").replace("deny", "Deny") + " " + words;
  }
}
