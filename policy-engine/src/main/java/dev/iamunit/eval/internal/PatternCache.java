package dev.iamunit.eval.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Compiled patterns by the text they were compiled from, shared by every thread. Reading a case
 * per decision compiles the same action names and resource ARNs again and again (Force_MFA's
 * actions, {@code arn:aws:iam::*:user/${aws:username}}); what is cached is immutable, so one
 * compiled form serves all. Bounded: past {@link #MAX_ENTRIES} the cache starts over, and a text
 * longer than {@link #MAX_TEXT_LENGTH} is compiled without being kept, so that no input can make
 * one cache hold more than about 5 MB (4,096 entries of at most about 1.2 KB: the text, its
 * characters and which of them are wildcards); real policies' patterns take a tenth of that.
 */
final class PatternCache<V> {

  static final int MAX_ENTRIES = 4096;
  static final int MAX_TEXT_LENGTH = 256;

  private final ConcurrentHashMap<String, V> compiled = new ConcurrentHashMap<>();
  private final Function<String, V> compile;

  PatternCache(Function<String, V> compile) {
    this.compile = compile;
  }

  V get(String text) {
    if (text.length() > MAX_TEXT_LENGTH) {
      return compile.apply(text);
    }
    V cached = compiled.get(text);
    if (cached != null) {
      return cached;
    }
    V fresh = compile.apply(text);
    if (compiled.size() >= MAX_ENTRIES) {
      // Starting over is cheaper than tracking use, and only a run with thousands of distinct
      // patterns gets here; a concurrent put may slip past the bound by a few entries.
      compiled.clear();
    }
    V raced = compiled.putIfAbsent(text, fresh);
    return raced != null ? raced : fresh;
  }

  int size() {
    return compiled.size();
  }
}
