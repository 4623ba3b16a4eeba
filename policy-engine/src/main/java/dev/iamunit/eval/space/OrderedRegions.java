package dev.iamunit.eval.space;

import dev.iamunit.eval.internal.PolicyValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Numbers, dates and IP addresses split at every constant the policies compare with. A numeric or
 * date operator compares with constants by {@code <}, {@code <=}, {@code =}, {@code >=},
 * {@code >}: its answer is the same throughout each open interval between two neighbouring
 * constants and at each constant, so one value in each and each constant itself tell every
 * operator, inclusive or exclusive, apart. A CIDR block contains a range of addresses of one
 * family: the first address of each range between neighbouring block boundaries stands for it.
 */
final class OrderedRegions {

  private OrderedRegions() {}

  /** Below the least, each constant, between each two, above the greatest. */
  static List<String> numbers(List<String> constants) {
    TreeSet<BigDecimal> sorted = new TreeSet<>();
    for (String constant : constants) {
      BigDecimal n = PolicyValues.number(constant);
      if (n != null) {
        sorted.add(n);
      }
    }
    List<String> out = new ArrayList<>();
    if (sorted.isEmpty()) {
      out.add("0");
      return out;
    }
    out.add(sorted.first().subtract(BigDecimal.ONE).toPlainString());
    BigDecimal previous = null;
    for (BigDecimal n : sorted) {
      if (previous != null) {
        out.add(previous.add(n).divide(BigDecimal.valueOf(2)).toPlainString());
      }
      out.add(n.toPlainString());
      previous = n;
    }
    out.add(sorted.last().add(BigDecimal.ONE).toPlainString());
    return out;
  }

  /** Below the earliest (a day), each date, between each two, after the latest (a day). */
  static List<String> dates(List<String> constants) {
    TreeSet<Instant> sorted = new TreeSet<>();
    for (String constant : constants) {
      Instant t = PolicyValues.date(constant);
      if (t != null) {
        sorted.add(t);
      }
    }
    List<String> out = new ArrayList<>();
    if (sorted.isEmpty()) {
      out.add(Instant.EPOCH.toString());
      return out;
    }
    instants(sorted).forEach(t -> out.add(t.toString()));
    return out;
  }

  /**
   * Below the earliest of {@code bounds} (a day), each, between each two, after the latest (a
   * day): one instant in each interval and each bound itself. Between two bounds the whole second
   * nearest their middle stands when it lies strictly between them (it reads better), else the
   * middle itself; bounds a nanosecond apart have nothing between them.
   */
  static List<Instant> instants(java.util.SortedSet<Instant> bounds) {
    List<Instant> out = new ArrayList<>();
    out.add(bounds.first().minus(Duration.ofDays(1)));
    Instant previous = null;
    for (Instant t : bounds) {
      if (previous != null) {
        Duration gap = Duration.between(previous, t);
        if (gap.compareTo(Duration.ofNanos(1)) > 0) {
          Instant middle = previous.plus(gap.dividedBy(2));
          Instant whole = Instant.ofEpochSecond(middle.getEpochSecond());
          out.add(whole.isAfter(previous) ? whole : middle);
        }
      }
      out.add(t);
      previous = t;
    }
    out.add(bounds.last().plus(Duration.ofDays(1)));
    return out;
  }

  /** An instant as seconds since the epoch, with its fraction: how a whole number of seconds compares with it. */
  static BigDecimal seconds(Instant t) {
    return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9));
  }

  /**
   * Whole numbers, none below {@code least}, one in each region that comparisons of a whole number
   * with {@code values} by {@code <}, {@code <=}, {@code =}, {@code >=}, {@code >} make: each value
   * when whole, and the whole numbers just below and just above each (the least whole number above
   * a value is its ceiling, or its ceiling + 1 when it is whole), and {@code least}.
   */
  static List<BigInteger> wholeNumbers(Collection<BigDecimal> values, BigInteger least) {
    TreeSet<BigInteger> out = new TreeSet<>(List.of(least));
    for (BigDecimal value : values) {
      BigInteger floor = value.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
      BigInteger ceiling = value.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
      for (BigInteger n : List.of(floor.subtract(BigInteger.ONE), floor, ceiling, ceiling.add(BigInteger.ONE))) {
        if (n.compareTo(least) >= 0) {
          out.add(n);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The regions of a key compared by numeric and date operators both. The two read a request
   * value each its own way ({@code CompiledCondition}): a numeric operator reads a decimal number
   * ({@code BigDecimal}), a date operator an ISO 8601 date or a run of digits as seconds since the
   * epoch, and a value either cannot read makes its condition false, negated or not. So the values
   * fall in four kinds: a run of digits, which both read (the number n is the instant n seconds
   * after the epoch: both orders coincide, split at the numbers and at the dates' seconds); any other
   * number (a fraction, a sign), which only the numeric operators read; an ISO date, which only the
   * date operators read; and any other text, which neither reads.
   */
  static List<String> numbersAndDates(List<String> numbers, List<String> dates) {
    List<BigDecimal> both = new ArrayList<>();
    numbers.stream().map(PolicyValues::number).filter(java.util.Objects::nonNull).forEach(both::add);
    dates.stream().map(PolicyValues::date).filter(java.util.Objects::nonNull).forEach(t -> both.add(seconds(t)));
    List<String> out = new ArrayList<>();
    wholeNumbers(both, BigInteger.ZERO).forEach(n -> out.add(n.toString()));
    for (String n : numbers(numbers)) {
      // "5.0" is the number 5 to a numeric operator and no date to a date operator.
      out.add(n.chars().allMatch(Character::isDigit) ? n + ".0" : n);
    }
    out.addAll(dates(dates));
    out.add(NEITHER);
    return out;
  }

  /** A value that neither numeric nor date operators read. */
  static final String NEITHER = "example";

  /** For IPv4 and IPv6 each, the first address of each range the blocks' boundaries make. */
  static List<String> addresses(List<String> blocks) {
    TreeSet<BigInteger> v4 = new TreeSet<>(List.of(BigInteger.ZERO));
    TreeSet<BigInteger> v6 = new TreeSet<>(List.of(BigInteger.ZERO));
    for (String block : blocks) {
      PolicyValues.IpRange range = PolicyValues.ipRange(block);
      if (range == null) {
        continue;
      }
      TreeSet<BigInteger> family = range.v6() ? v6 : v4;
      BigInteger end = BigInteger.ONE.shiftLeft(range.v6() ? 128 : 32);
      family.add(range.first());
      BigInteger after = range.last().add(BigInteger.ONE);
      if (after.compareTo(end) < 0) {
        family.add(after);
      }
    }
    List<String> out = new ArrayList<>();
    v4.forEach(a -> out.add(v4(a)));
    v6.forEach(a -> out.add(v6(a)));
    return out;
  }

  static String v4(BigInteger address) {
    long value = address.longValue();
    return (value >>> 24 & 0xFF) + "." + (value >>> 16 & 0xFF) + "." + (value >>> 8 & 0xFF) + "." + (value & 0xFF);
  }

  static String v6(BigInteger address) {
    StringBuilder out = new StringBuilder();
    for (int group = 7; group >= 0; group--) {
      out.append(Integer.toHexString(address.shiftRight(16 * group).intValue() & 0xFFFF));
      if (group > 0) {
        out.append(':');
      }
    }
    return out.toString();
  }
}
