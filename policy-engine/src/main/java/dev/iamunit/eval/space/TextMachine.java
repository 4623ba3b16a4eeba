package dev.iamunit.eval.space;

import dev.iamunit.eval.space.TextTest.Mode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link TextTest} as nondeterministic automata over the characters of a text: one reading
 * the whole text, one reading an ARN part by part. A state is the set of pattern positions
 * reached, interned as a number, and each step is remembered, so a search visits each
 * combination once.
 */
final class TextMachine {

  private final char[] chars;
  private final boolean[] wild;
  private final Mode mode;
  /** The part of the ARN (0 to 5) each position is in, for the part-by-part reading. */
  private final int[] part;
  /** A {@code *} that may match colons in the part-by-part reading, though in one of the first five parts. */
  private final boolean[] crossing;
  final boolean star;
  final boolean partByPart;
  final boolean whole;
  /** The part-by-part reading answers every text (a Resource value), not only ARNs. */
  final boolean partsOfAnyText;

  private final List<BitSet> states = new ArrayList<>();
  private final Map<BitSet, Integer> ids = new HashMap<>();
  private final Map<Long, Integer> steps = new HashMap<>();
  private static final int ASCII = 128;
  private final List<int[]> asciiWhole = new ArrayList<>();
  private final List<int[]> asciiParts = new ArrayList<>();

  TextMachine(TextTest test) {
    this.chars = test.text().toCharArray();
    this.wild = new boolean[chars.length];
    int colons = 0;
    this.part = new int[chars.length + 1];
    for (int i = 0; i < chars.length; i++) {
      wild[i] = test.isWild(i);
      part[i] = Math.min(colons, 5);
      if (chars[i] == ':' && !wild[i]) {
        colons++;
      }
    }
    part[chars.length] = Math.min(colons, 5);
    this.mode = test.mode();
    this.star = (mode == Mode.ARN || mode == Mode.ARN_CONDITION) && chars.length == 1 && wild[0] && chars[0] == '*';
    this.partByPart = mode == Mode.ARN_PARTS || mode == Mode.ARN && !star || mode == Mode.ARN_CONDITION && colons >= 5 && !star;
    this.whole = mode != Mode.ARN_PARTS && mode != Mode.ARN && !star;
    this.partsOfAnyText = mode == Mode.ARN;
    // A Resource value's * that ends one of the first five parts "can expand to match beyond the
    // colon boundaries" (IAM User Guide, "IAM JSON policy elements: Resource"), as ArnMatcher reads it.
    this.crossing = new boolean[chars.length];
    for (int i = 0; i < chars.length; i++) {
      crossing[i] = test.starEndsPart(i);
    }
  }

  /** The start state of the whole-text reading (byParts false) or the part-by-part one. */
  int start(boolean byParts) {
    BitSet set = new BitSet();
    set.set(0);
    return intern(closure(set, byParts));
  }

  /** The state after reading {@code c} in state {@code state}. */
  int step(int state, char c, boolean byParts) {
    // Multiplied by an odd constant, a one-to-one mix: the plain key's hash (its halves XORed)
    // sets few low bits apart, and HashMap's bins then fill into trees of Long comparisons.
    int[] row = null;
    if (c < ASCII) {
      // ASCII, nearly every step: a table per state, id + 1 (0 unknown), without boxing.
      List<int[]> table = byParts ? asciiParts : asciiWhole;
      while (table.size() <= state) {
        table.add(null);
      }
      row = table.get(state);
      if (row == null) {
        row = new int[ASCII];
        table.set(state, row);
      } else if (row[c] != 0) {
        return row[c] - 1;
      }
    }
    long key = (((long) state << 17) | ((long) c << 1) | (byParts ? 1 : 0)) * 0x9E3779B97F4A7C15L;
    Integer known = row != null ? null : steps.get(key);
    if (known != null) {
      return known;
    }
    BitSet from = states.get(state);
    BitSet to = new BitSet();
    for (int p = from.nextSetBit(0); p >= 0; p = from.nextSetBit(p + 1)) {
      if (p == chars.length) {
        continue;
      }
      boolean insidePart = byParts && part[p] < 5;
      if (wild[p] && chars[p] == '*') {
        if (!(insidePart && c == ':' && !crossing[p])) {
          to.set(p);
        }
      } else if (wild[p]) {
        if (!(insidePart && c == ':')) {
          to.set(p + 1);
        }
      } else if (same(chars[p], c, ignoresCase(p, byParts))) {
        to.set(p + 1);
      }
    }
    int id = intern(closure(to, byParts));
    if (row != null) {
      row[c] = id + 1;
    } else {
      steps.put(key, id);
    }
    return id;
  }

  /** Whether no text read from {@code state} can match any more. */
  boolean dead(int state) {
    return states.get(state).isEmpty();
  }

  boolean accepts(int state) {
    return states.get(state).get(chars.length);
  }

  /** Whether the whole text (byParts false) or the ARN read part by part matches. */
  boolean matches(String text, boolean byParts) {
    int state = start(byParts);
    for (int i = 0; i < text.length(); i++) {
      state = step(state, text.charAt(i), byParts);
    }
    return accepts(state);
  }

  /** Whether position {@code p} compares letters ignoring case, as the evaluator does there. */
  private boolean ignoresCase(int p, boolean byParts) {
    return switch (mode) {
      case TEXT -> false;
      case TEXT_IGNORE_CASE -> true;
      case ARN, ARN_CONDITION -> byParts && part[p] >= 1 && part[p] <= 4;
      case ARN_PARTS -> false;
    };
  }

  static boolean same(char a, char b, boolean ignoreCase) {
    return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
  }

  /** Every literal character of the pattern. */
  void literals(java.util.Set<Character> into) {
    for (int i = 0; i < chars.length; i++) {
      if (!wild[i]) {
        into.add(chars[i]);
      }
    }
  }

  private BitSet closure(BitSet set, boolean byParts) {
    for (int p = set.nextSetBit(0); p >= 0; p = set.nextSetBit(p + 1)) {
      if (p < chars.length && wild[p] && chars[p] == '*') {
        set.set(p + 1);
      }
    }
    return set;
  }

  private int intern(BitSet set) {
    Integer id = ids.get(set);
    if (id != null) {
      return id;
    }
    ids.put(set, states.size());
    states.add(set);
    return states.size() - 1;
  }
}
