package dev.iamunit.eval.space;

import dev.iamunit.eval.RequestContext;
import dev.iamunit.eval.internal.PolicyValues;
import dev.iamunit.model.ConditionOperator.Family;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request's time as one dimension: {@code aws:CurrentTime} and {@code aws:EpochTime} are one
 * instant, "the date and time of the request" and "the date and time of the request in epoch or
 * Unix time" (IAM User Guide, AWS global condition context keys, aws:CurrentTime, aws:EpochTime),
 * as {@code Caller} sets both from one {@code Instant}; and a session's {@code aws:TokenIssueTime}
 * and {@code aws:MultiFactorAuthAge} are one age of the credentials, which {@code Caller} ties the
 * same way (the token issued {@code DEFAULT_MFA_AGE_SECONDS} before the request, the MFA sign-in that
 * many seconds old). Varying the keys apart would ask requests no one can make (the current time in
 * 2026 and the epoch time in 1999) and report their differences as findings.
 *
 * <p>The dimension is the plane of the instant t and the age a ({@code a >= 0}: no token is issued
 * after the request). Each comparison splits it along a line: a date on {@code aws:CurrentTime}
 * at a value of t; a number or a date on {@code aws:EpochTime}, which holds t's whole seconds, at a
 * whole second; a date on {@code aws:TokenIssueTime} at a value of {@code t - a}; a number or a date
 * on {@code aws:MultiFactorAuthAge} at a whole second of a. A date operator reads a run of digits
 * as seconds since the epoch, a numeric operator a decimal number, and a value it cannot read makes
 * its condition false ({@code CompiledCondition}): a numeric operator on {@code aws:CurrentTime} or
 * {@code aws:TokenIssueTime} (ISO dates) splits nothing. One point in each piece: for each age at
 * which the order of the lines along t changes (where a line of t meets one of {@code t - a}, and
 * at the ages' own splits) and one between each two, every instant {@link OrderedRegions#instants}
 * takes between the splits of t at that age. No instant before 1970: {@code aws:EpochTime} is never
 * negative.
 */
final class TimeRegions {

  static final String CURRENT_TIME = "aws:CurrentTime";
  static final String EPOCH_TIME = "aws:EpochTime";
  static final String TOKEN_ISSUE_TIME = "aws:TokenIssueTime";
  static final String MFA_AGE = "aws:MultiFactorAuthAge";

  /** The keys (lower case) the request's instant and its credentials' age set. */
  static final Set<String> KEYS = Set.of(lower(CURRENT_TIME), lower(EPOCH_TIME), lower(TOKEN_ISSUE_TIME), lower(MFA_AGE));

  /** The keys (lower case) the request's instant sets. */
  static final Set<String> INSTANT_KEYS = Set.of(lower(CURRENT_TIME), lower(EPOCH_TIME));

  /**
   * The points of the dimension, each the values of the keys it sets, or why there are none.
   *
   * @param values each point as the keys it sets: the instant's two, and the age's that the caller's context has
   * @param gap empty when the points are complete; otherwise why there are none (the space is sampled)
   */
  record Result(List<Map<String, KeyValue>> values, String gap) {}

  private TimeRegions() {}

  /**
   * Adds to {@code notVaried} (lower case) both keys of the instant when it holds one: a key the
   * caller fixes (a test's own {@code aws:CurrentTime}, or its time) fixes the instant, and the
   * caller's context stands for both ({@link #of} then varies the age alone).
   */
  static void notVariedTogether(Set<String> notVaried) {
    if (notVaried.stream().anyMatch(INSTANT_KEYS::contains)) {
      notVaried.addAll(INSTANT_KEYS);
    }
  }

  /**
   * The points of the dimension for {@code conditions} (by key, lower case, of {@link #KEYS}),
   * for a caller whose context is {@code caller}: the age's keys are set where it has them. When
   * {@code instantFixed}, every point has the caller's instant, and only the age varies.
   */
  static Result of(Map<String, List<KeyRegions.Compared>> conditions, RequestContext caller, boolean instantFixed) {
    TreeSet<Instant> instants = new TreeSet<>();
    TreeSet<Instant> issued = new TreeSet<>();
    List<BigDecimal> ages = new ArrayList<>();
    for (Map.Entry<String, List<KeyRegions.Compared>> entry : conditions.entrySet()) {
      String key = entry.getKey();
      for (KeyRegions.Compared c : entry.getValue()) {
        Family family = c.condition().operator().type().family();
        if (family == Family.NULL) {
          continue;
        }
        if (family != Family.DATE && family != Family.NUMERIC) {
          return new Result(List.of(), c.condition().key() + " is compared as " + family.toString().toLowerCase(Locale.ROOT)
              + ", which the regions of the request's time do not read");
        }
        for (String raw : c.condition().values()) {
          BigDecimal seconds = family == Family.NUMERIC ? PolicyValues.number(raw) : seconds(PolicyValues.date(raw));
          Instant date = family == Family.DATE ? PolicyValues.date(raw) : null;
          if (seconds == null) {
            continue;
          }
          if (key.equals(lower(CURRENT_TIME)) && date != null) {
            instants.add(date);
          } else if (key.equals(lower(EPOCH_TIME))) {
            OrderedRegions.wholeNumbers(List.of(seconds), BigInteger.ZERO).forEach(n -> instants.add(Instant.ofEpochSecond(n.longValueExact())));
          } else if (key.equals(lower(TOKEN_ISSUE_TIME)) && date != null) {
            issued.add(date);
          } else if (key.equals(lower(MFA_AGE))) {
            ages.add(seconds);
          }
        }
      }
    }
    Instant now = caller.get(CURRENT_TIME).map(e -> PolicyValues.date(e.value())).orElse(Instant.EPOCH);
    boolean issueTime = caller.contains(TOKEN_ISSUE_TIME);
    boolean mfaAge = caller.contains(MFA_AGE);
    Duration callerAge = mfaAge ? Duration.ofSeconds(Long.parseLong(caller.get(MFA_AGE).orElseThrow().value()))
        : issueTime ? Duration.between(PolicyValues.date(caller.get(TOKEN_ISSUE_TIME).orElseThrow().value()), now) : Duration.ZERO;
    Set<List<Object>> points = new LinkedHashSet<>();
    if (instantFixed) {
      // t is the caller's: the lines of t - a are lines of a.
      List<BigDecimal> turns = new ArrayList<>(mfaAge ? ages : List.of());
      if (issueTime) {
        issued.forEach(u -> turns.add(seconds(now).subtract(seconds(u))));
      }
      List<Duration> spans = turns.isEmpty() ? List.of(callerAge) : ages(turns, mfaAge);
      spans.forEach(a -> points.add(List.of(now, a)));
    } else if (issued.isEmpty() || !issueTime) {
      List<Instant> times = instants.isEmpty() ? List.of(now) : line(instants);
      List<Duration> spans = ages.isEmpty() || !mfaAge ? List.of(callerAge) : ages(ages, true);
      times.forEach(t -> spans.forEach(a -> points.add(List.of(t, a))));
    } else {
      // The lines of t and of t - a meet where a = t - (t - a): the order of the splits along t
      // changes at those ages only, and at the ages' own splits.
      List<BigDecimal> turns = new ArrayList<>(mfaAge ? ages : List.of());
      turns.add(BigDecimal.ZERO);
      for (Instant t : instants) {
        for (Instant u : issued) {
          turns.add(seconds(t).subtract(seconds(u)));
        }
      }
      for (Duration a : ages(turns, mfaAge)) {
        TreeSet<Instant> splits = new TreeSet<>(instants);
        issued.forEach(u -> splits.add(u.plus(a)));
        line(splits).forEach(t -> points.add(List.of(t, a)));
      }
    }
    List<Map<String, KeyValue>> values = new ArrayList<>();
    for (List<Object> point : points) {
      Instant t = (Instant) point.get(0);
      Duration a = (Duration) point.get(1);
      Map<String, KeyValue> keys = KeyValue.time(t);
      if (issueTime) {
        keys.put(TOKEN_ISSUE_TIME, KeyValue.single(t.minus(a).toString()));
      }
      if (mfaAge) {
        keys.put(MFA_AGE, KeyValue.single(Long.toString(a.getSeconds())));
      }
      values.add(keys);
    }
    return new Result(values, "");
  }

  /** One instant in each interval {@code splits} make along t, and each split, none before 1970. */
  private static List<Instant> line(TreeSet<Instant> splits) {
    TreeSet<Instant> from1970 = new TreeSet<>(splits);
    if (!splits.first().isAfter(Instant.EPOCH.plus(Duration.ofDays(1)))) {
      from1970.add(Instant.EPOCH);
    }
    return OrderedRegions.instants(from1970).stream().filter(t -> !t.isBefore(Instant.EPOCH)).toList();
  }

  /**
   * One age in each interval {@code turns} (seconds) make, and each turn, none negative: whole
   * seconds when {@code whole} ({@code aws:MultiFactorAuthAge} is a whole number of seconds), else
   * each turn, the middle between each two, and a day after the last.
   */
  private static List<Duration> ages(List<BigDecimal> turns, boolean whole) {
    if (whole) {
      return OrderedRegions.wholeNumbers(turns, BigInteger.ZERO).stream().map(n -> Duration.ofSeconds(n.longValueExact())).toList();
    }
    TreeSet<BigDecimal> sorted = new TreeSet<>(List.of(BigDecimal.ZERO));
    turns.stream().filter(s -> s.signum() >= 0).forEach(sorted::add);
    List<Duration> out = new ArrayList<>();
    BigDecimal previous = null;
    for (BigDecimal s : sorted) {
      if (previous != null) {
        out.add(duration(previous.add(s).divide(BigDecimal.valueOf(2))));
      }
      out.add(duration(s));
      previous = s;
    }
    out.add(duration(sorted.last()).plusDays(1));
    return out.stream().distinct().toList();
  }

  private static Duration duration(BigDecimal seconds) {
    BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
    return Duration.ofSeconds(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
  }

  private static BigDecimal seconds(Instant t) {
    return t == null ? null : OrderedRegions.seconds(t);
  }

  private static String lower(String key) {
    return key.toLowerCase(Locale.ROOT);
  }
}
