package dev.iamunit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The request context: condition keys and their values. "Condition key names are not
 * case-sensitive" (IAM User Guide, Condition element), so lookups ignore case; the spelling given
 * is kept for messages. A key is single-valued (a string) or multivalued (a list, possibly empty).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RequestContext {

  /** One key's values. */
  public record Entry(String key, List<String> values, boolean multivalued) {
    public Entry {
      Objects.requireNonNull(key, "key");
      values = List.copyOf(values);
      if (!multivalued && values.size() != 1) {
        throw new IllegalArgumentException("a single-valued key has exactly one value: " + key);
      }
    }

    /** The value of a single-valued key. */
    public String value() {
      return values.get(0);
    }

    @Override
    public String toString() {
      return multivalued ? values.toString() : "\"" + values.get(0) + "\"";
    }
  }

  private static final RequestContext EMPTY = new RequestContext(Map.of());

  private final Map<String, Entry> entries;

  private RequestContext(Map<String, Entry> entries) {
    this.entries = entries;
  }

  public static RequestContext empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(entries));
  }

  public Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(normalize(key)));
  }

  /** The entry for a key normalized with {@link #normalize(String)}, or null; for hot paths. */
  public Entry lookup(String normalizedKey) {
    return entries.get(normalizedKey);
  }

  public boolean contains(String key) {
    return entries.containsKey(normalize(key));
  }

  public java.util.Collection<Entry> entries() {
    return Collections.unmodifiableCollection(entries.values());
  }

  public static String normalize(String key) {
    return key.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RequestContext that && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (Entry entry : entries.values()) {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(entry.key()).append('=').append(entry);
    }
    return text.append('}').toString();
  }

  /**
   * Builds a context; later values for a key replace earlier ones. {@link #build} hands its map to
   * the context instead of copying it (a context is built for every request, and for every line of
   * a case file), and the next change copies it first, so a context never changes.
   */
  public static final class Builder {
    private Map<String, Entry> entries;
    private boolean handedOver;

    private Builder(Map<String, Entry> entries) {
      this.entries = entries;
    }

    public Builder put(String key, String value) {
      writable().put(normalize(key), new Entry(key, List.of(value), false));
      return this;
    }

    public Builder putMultivalued(String key, List<String> values) {
      writable().put(normalize(key), new Entry(key, values, true));
      return this;
    }

    public Builder remove(String key) {
      writable().remove(normalize(key));
      return this;
    }

    private Map<String, Entry> writable() {
      if (handedOver) {
        entries = new LinkedHashMap<>(entries);
        handedOver = false;
      }
      return entries;
    }

    public RequestContext build() {
      handedOver = true;
      return new RequestContext(Collections.unmodifiableMap(entries));
    }
  }
}
