package dev.iamunit.eval.space;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
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

  static final KeyValue ABSENT = new KeyValue(List.of(), false, false);

  static KeyValue single(String value) {
    return new KeyValue(List.of(value), true, false);
  }

  static KeyValue set(List<String> values) {
    return new KeyValue(values, true, true);
  }
}
