package dev.iamunit.eval.space;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a request carries for one condition key: nothing, one value, or a set of values.
 *
 * @param values the values; a single-valued key has one
 * @param present false for a key the request does not carry
 * @param multivalued whether the key is a set (possibly empty)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record KeyValue(List<String> values, boolean present, boolean multivalued) {

  public KeyValue {
    values = List.copyOf(values);
  }

  /** The key left out of the request. */
  public static final KeyValue ABSENT = new KeyValue(List.of(), false, false);

  /** How a report shows a key the request leaves out. */
  public static final String ABSENT_LABEL = "(absent)";

  /**
   * The keys of a region's context ({@link ActionRegions#contexts()}) the request carries, with
   * their values: the {@code extraContext} of {@link dev.iamunit.eval.Caller#request}.
   */
  public static Map<String, List<String>> values(Map<String, KeyValue> context) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    context.forEach((key, value) -> {
      if (value.present()) {
        values.put(key, value.values());
      }
    });
    return values;
  }

  /** The keys of a region's context the request leaves out: the {@code absentKeys} of {@link dev.iamunit.eval.Caller#request}. */
  public static Set<String> absentKeys(Map<String, KeyValue> context) {
    Set<String> absent = new LinkedHashSet<>();
    context.forEach((key, value) -> {
      if (!value.present()) {
        absent.add(key);
      }
    });
    return absent;
  }

  /** The value as a report shows it: a set as {@code [a, b]}, the empty set as {@code []}, absence as {@value #ABSENT_LABEL}. */
  public String label() {
    return !present ? ABSENT_LABEL : multivalued ? values.toString() : values.get(0);
  }

  /**
   * The keys one instant of a request sets, {@code aws:CurrentTime} (ISO 8601) and {@code
   * aws:EpochTime} (its whole seconds), as {@code Caller} sets them: "the date and time of the
   * request" and "the date and time of the request in epoch or Unix time" (IAM User Guide, AWS
   * global condition context keys) are one instant, never varied apart.
   */
  public static Map<String, KeyValue> time(java.time.Instant instant) {
    Map<String, KeyValue> keys = new LinkedHashMap<>();
    keys.put(TimeRegions.CURRENT_TIME, single(instant.toString()));
    keys.put(TimeRegions.EPOCH_TIME, single(Long.toString(instant.getEpochSecond())));
    return keys;
  }

  static KeyValue single(String value) {
    return new KeyValue(List.of(value), true, false);
  }

  static KeyValue set(List<String> values) {
    return new KeyValue(values, true, true);
  }
}
