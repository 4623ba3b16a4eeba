package dev.iamunit.eval.space;

import dev.iamunit.eval.internal.PolicyValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    out.add(sorted.first().minus(Duration.ofDays(1)).toString());
    Instant previous = null;
    for (Instant t : sorted) {
      if (previous != null) {
        Duration gap = Duration.between(previous, t);
        if (gap.compareTo(Duration.ofNanos(1)) > 0) {
          out.add(previous.plus(gap.dividedBy(2)).toString());
        }
      }
      out.add(t.toString());
      previous = t;
    }
    out.add(sorted.last().plus(Duration.ofDays(1)).toString());
    return out;
  }

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
