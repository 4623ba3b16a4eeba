package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Covered and missed items of one kind, as JaCoCo's {@code ICounter}.
 *
 * @param covered items covered
 * @param missed items missed
 */
@API(status = EXPERIMENTAL)
public record Counter(long covered, long missed) {

  /** The values a rule can limit, as JaCoCo names them. */
  public enum Value {
    TOTALCOUNT,
    COVEREDCOUNT,
    MISSEDCOUNT,
    COVEREDRATIO,
    MISSEDRATIO
  }

  public long total() {
    return covered + missed;
  }

  /** Covered over total; NaN when there is nothing to count (then no ratio rule applies). */
  public double coveredRatio() {
    return total() == 0 ? Double.NaN : (double) covered / total();
  }

  public double missedRatio() {
    return total() == 0 ? Double.NaN : (double) missed / total();
  }

  public double value(Value value) {
    return switch (value) {
      case TOTALCOUNT -> total();
      case COVEREDCOUNT -> covered;
      case MISSEDCOUNT -> missed;
      case COVEREDRATIO -> coveredRatio();
      case MISSEDRATIO -> missedRatio();
    };
  }

  /** {@code 3 of 4 (75%)}, or {@code n/a} when empty. */
  public String describe() {
    return total() == 0 ? "n/a" : covered + " of " + total() + " (" + percent() + ")";
  }

  /** {@code 75%}, rounded down as JaCoCo does, or {@code n/a}. */
  public String percent() {
    return total() == 0 ? "n/a" : (covered * 100 / total()) + "%";
  }
}
