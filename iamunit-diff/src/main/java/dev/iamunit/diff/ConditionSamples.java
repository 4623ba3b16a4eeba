package dev.iamunit.diff;

import dev.iamunit.eval.KeyAvailability;
import dev.iamunit.eval.space.KeyValue;
import dev.iamunit.model.Condition;
import dev.iamunit.model.ConditionOperator.Family;
import dev.iamunit.model.Statement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The request contexts worth asking with: for each condition key a policy tests, each value the
 * policies compare it with, and for ordered types the values just below and above (the
 * boundaries), and one value no policy names. Keys the caller fixes (who it is) or the credential
 * kind fixes (whether MFA is present) are not varied here. {@code aws:CurrentTime} and {@code
 * aws:EpochTime} are one instant, asked as one ({@link KeyValue#time}). A key the caller sets that AWS leaves
 * out of some of the action's requests is asked absent too, and one AWS leaves out of all of them
 * is not varied, as the complete space asks them ({@link KeyAvailability}). For each action, the
 * contexts are the cross product of the values of the keys its statements test, while that stays
 * under {@link #MAX_CONTEXTS}; beyond it each key is varied alone.
 */
final class ConditionSamples {

  static final int MAX_CONTEXTS = 256;

  /** What a string key is set to when it should match no value a policy names. */
  static final String OTHER = "iamunit-other";

  /** The keys one instant sets (lower case), asked as one under {@link #CURRENT_TIME}. */
  private static final Set<String> INSTANT_KEYS = Set.of("aws:currenttime", "aws:epochtime");
  private static final String CURRENT_TIME = "aws:currenttime";

  private static final Set<String> FIXED_BY_PRINCIPAL = Set.of(
      "aws:username", "aws:userid", "aws:principalarn", "aws:principalaccount", "aws:principaltype",
      "aws:principaltagkeys", "aws:rolesessionname", "aws:multifactorauthpresent");

  private record KeyedStatement(List<String> patterns, boolean negated, Set<String> keys) {}

  private final Map<String, String> spelling;
  private final Map<String, Set<String>> values;
  private final List<KeyedStatement> statements;
  /** The contexts by the keys varied and the keys among them asked absent too. */
  private final Map<List<Set<String>>, List<Map<String, KeyValue>>> byKeys = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile boolean everCapped;

  private ConditionSamples(Map<String, String> spelling, Map<String, Set<String>> values, List<KeyedStatement> statements) {
    this.spelling = spelling;
    this.values = values;
    this.statements = statements;
  }

  static ConditionSamples of(List<Statement> statements) {
    // Key (lower case) → spelling, values.
    Map<String, String> spelling = new TreeMap<>();
    Map<String, Set<String>> values = new TreeMap<>();
    List<KeyedStatement> keyed = new ArrayList<>();
    for (Statement statement : statements) {
      Set<String> keys = new java.util.TreeSet<>();
      for (Condition condition : statement.conditions()) {
        String key = condition.key().toLowerCase(Locale.ROOT);
        if (FIXED_BY_PRINCIPAL.contains(key) || key.startsWith("aws:principaltag/")) {
          continue;
        }
        List<String> samples = samples(condition);
        if (INSTANT_KEYS.contains(key)) {
          // One instant sets both keys (KeyValue.time): a sample of either is an instant.
          key = CURRENT_TIME;
          samples = samples.stream().map(ConditionSamples::instant).filter(java.util.Objects::nonNull).map(Instant::toString).toList();
        }
        keys.add(key);
        spelling.putIfAbsent(key, condition.key());
        values.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(samples);
      }
      if (!keys.isEmpty()) {
        keyed.add(new KeyedStatement(statement.action().values(), statement.action().negated(), keys));
      }
    }
    return new ConditionSamples(spelling, values, keyed);
  }

  /**
   * The contexts to ask {@code action} with, first the caller's defaults alone: only the keys of
   * statements that can apply to the action are varied, since no other statement reads them. A key
   * not {@link KeyValue#present()} is left out of the request ({@link KeyValue#absentKeys}).
   */
  List<Map<String, KeyValue>> contextsFor(String action) {
    Set<String> keys = new java.util.TreeSet<>();
    for (KeyedStatement statement : statements) {
      boolean named = false;
      for (String pattern : statement.patterns()) {
        named |= ActionPatterns.matches(pattern, action);
      }
      if (named != statement.negated()) {
        keys.addAll(statement.keys());
      }
    }
    keys.removeAll(KeyAvailability.neverPresent(action));
    Set<String> absent = new java.util.TreeSet<>(KeyAvailability.sometimesAbsent(action));
    absent.retainAll(keys);
    return byKeys.computeIfAbsent(List.of(keys, absent), k -> combinations(keys, absent));
  }

  private List<Map<String, KeyValue>> combinations(Set<String> keys, Set<String> absent) {
    // Each key's values, each as the keys it sets: the instant's two, or the key's own.
    Map<String, List<Map<String, KeyValue>>> asked = new TreeMap<>();
    for (String key : keys) {
      List<Map<String, KeyValue>> each = new ArrayList<>();
      values.get(key).forEach(v -> each.add(key.equals(CURRENT_TIME) ? KeyValue.time(Instant.parse(v))
          : Map.of(spelling.get(key), new KeyValue(List.of(v), true, false))));
      if (absent.contains(key)) {
        each.add(Map.of(spelling.get(key), KeyValue.ABSENT));
      }
      asked.put(key, each);
    }
    long product = 1;
    for (List<Map<String, KeyValue>> each : asked.values()) {
      product *= each.size() + 1;
      if (product > MAX_CONTEXTS) {
        break;
      }
    }
    List<Map<String, KeyValue>> contexts = new ArrayList<>();
    contexts.add(Map.of());
    if (product <= MAX_CONTEXTS) {
      asked.forEach((key, each) -> {
        List<Map<String, KeyValue>> extended = new ArrayList<>();
        for (Map<String, KeyValue> context : contexts) {
          for (Map<String, KeyValue> value : each) {
            Map<String, KeyValue> next = new LinkedHashMap<>(context);
            next.putAll(value);
            extended.add(next);
          }
        }
        contexts.addAll(extended);
      });
    } else {
      everCapped = true;
      asked.forEach((key, each) -> contexts.addAll(each));
    }
    return List.copyOf(contexts);
  }

  /**
   * A sample of {@code aws:CurrentTime} or {@code aws:EpochTime} as the instant it stands for: a run
   * of digits or another number as seconds since the epoch, else an ISO 8601 date; null for neither.
   */
  private static Instant instant(String sample) {
    try {
      BigDecimal seconds = new BigDecimal(sample.strip());
      return Instant.ofEpochSecond(0).plusNanos(seconds.movePointRight(9).longValue());
    } catch (NumberFormatException | ArithmeticException e) {
      // not a number: a date
    }
    try {
      return java.time.OffsetDateTime.parse(sample.strip()).toInstant();
    } catch (DateTimeParseException e) {
      // not a date-time: a date
    }
    try {
      return java.time.LocalDate.parse(sample.strip()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The values of one condition, its boundaries, and one it does not name. */
  private static List<String> samples(Condition condition) {
    Family family = condition.operator().type().family();
    List<String> out = new ArrayList<>();
    switch (family) {
      case BOOL, NULL -> {
        out.add("true");
        out.add("false");
      }
      case NUMERIC -> {
        for (String value : condition.values()) {
          try {
            BigDecimal n = new BigDecimal(value.trim());
            out.add(n.subtract(BigDecimal.ONE).toPlainString());
            out.add(n.toPlainString());
            out.add(n.add(BigDecimal.ONE).toPlainString());
          } catch (NumberFormatException e) {
            out.add(value);
          }
        }
      }
      case DATE -> {
        for (String value : condition.values()) {
          try {
            Instant t = value.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(value)) : Instant.parse(value);
            out.add(t.minusSeconds(1).toString());
            out.add(t.toString());
            out.add(t.plusSeconds(1).toString());
          } catch (DateTimeParseException | NumberFormatException e) {
            out.add(value);
          }
        }
      }
      case IP_ADDRESS -> {
        for (String value : condition.values()) {
          out.add(value.contains("/") ? value.substring(0, value.indexOf('/')) : value);
        }
        // TEST-NET-3 (RFC 5737): no real policy's range should hold it.
        out.add("203.0.113.254");
      }
      case ARN -> {
        for (String value : condition.values()) {
          if (!value.contains("${")) {
            out.add(value.replace("*", ResourceSamples.SAMPLE).replace("?", "x"));
          }
        }
        out.add("arn:aws:iam::111111111111:role/" + OTHER);
      }
      default -> {
        for (String value : condition.values()) {
          if (!value.contains("${")) {
            out.add(value.replace("*", ResourceSamples.SAMPLE).replace("?", "x"));
          }
        }
        out.add(OTHER);
      }
    }
    return out;
  }

  /** Whether every action's keys were combined in full (false: some were varied one at a time). */
  boolean crossProduct() {
    return !everCapped;
  }

  /** How many condition keys the statements compare that the request may set. */
  int keys() {
    return values.size();
  }
}
