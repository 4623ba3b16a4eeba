package dev.iamunit.eval.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Which statements of one policy list a request's action in their Action or NotAction element,
 * found by hashing instead of matching the action against every pattern of every statement: the
 * action is looked up among the policy's literal action names, its service among the services
 * its wildcard patterns spell out ({@code ec2:*}, {@code iam:*MFA*}), and only the patterns of
 * that service and those with a wildcard in the service ({@code *}, {@code *:Get*}) are matched.
 * Force_MFA lists 45 actions, so a decision went through about as many comparisons before.
 *
 * <p>It answers exactly what {@link CompiledStatement#listsAction} answers for each statement:
 * action names "are not case-sensitive" (IAM User Guide, IAM JSON policy elements: Action), and a
 * pattern whose service part has no wildcard can only match an action with that service, because
 * wildcards are the only characters that match anything but themselves. Hashing ignores case
 * only for ASCII, where it agrees with the {@link Character#toLowerCase} that matching uses: a
 * policy with non-ASCII patterns gets no tables, and a non-ASCII action is matched pattern by
 * pattern, as is every action of a policy's first decision. A policy with more than {@link
 * #MAX_STATEMENTS} statements gets no index ({@link #of} returns null).
 */
@API(status = INTERNAL, since = "0.1")
public final class ActionIndex {

  /** A statement is one bit of a {@code long}. */
  static final int MAX_STATEMENTS = 64;

  /** What {@link #tables} holds for a policy no table can answer for exactly. */
  private static final Tables NONE = new Tables(null, null, null, null, null);

  private final CompiledStatement[] statements;
  /**
   * Built at the policy's second decision, not when it is compiled: reading a case per decision
   * (benchmarks/README.md) compiles every policy for one decision, where building the tables
   * would cost ten times the matching they save. Threads racing to build may each build and
   * store equal tables; the tables never change, so any of them serves.
   */
  private Tables tables;
  /** Decisions before the tables were built; counted without locking, as it only delays them. */
  private int decisions;

  private ActionIndex(CompiledStatement[] statements) {
    this.statements = statements;
  }

  /** The index of {@code statements}, or null when there are too many for one. */
  static ActionIndex of(CompiledStatement[] statements) {
    return statements.length > MAX_STATEMENTS ? null : new ActionIndex(statements);
  }

  /**
   * A request's action, hashed once for every policy of the decision: the hash of the whole
   * action and that of its service part, which is the same hash stopped at the first colon.
   *
   * @param colon where the service part ends, or -1 when the action has no colon
   * @param ascii false when the action has a non-ASCII character: then no hash is used
   */
  public record Key(String action, int hash, int serviceHash, int colon, boolean ascii) {}

  public static Key key(String action) {
    int hash = 0;
    int serviceHash = 0;
    int colon = -1;
    for (int i = 0; i < action.length(); i++) {
      char c = action.charAt(i);
      if (c >= 0x80) {
        return new Key(action, 0, 0, -1, false);
      }
      if (c == ':' && colon < 0) {
        colon = i;
        serviceHash = hash;
      }
      hash = 31 * hash + CaseInsensitive.lowerAscii(c);
    }
    return new Key(action, AsciiTable.spread(hash), AsciiTable.spread(serviceHash), colon, true);
  }

  /** Bit {@code i} is set when statement {@code i} lists the action (before NotAction's negation). */
  public long statementsListing(Key key) {
    Tables built = tables;
    if (built == null && ++decisions > 1) {
      built = Tables.of(statements);
      tables = built;
    }
    if (built == null || built == NONE || !key.ascii()) {
      return matchEach(key.action());
    }
    return built.statementsListing(key);
  }

  private long matchEach(String action) {
    long listing = 0;
    for (int i = 0; i < statements.length; i++) {
      if (statements[i].listsAction(action)) {
        listing |= 1L << i;
      }
    }
    return listing;
  }

  /** The policy's patterns arranged for lookup. */
  private static final class Tables {
    /** Literal action names, each with the statements that list it. */
    private final AsciiTable literalActions;
    private final long[] literalStatements;
    /** Services of the wildcard patterns whose service part is literal, each with those patterns. */
    private final AsciiTable services;
    private final Listing[][] servicePatterns;
    /** Wildcard patterns with a wildcard in their service part, matched against every action. */
    private final Listing[] anyServicePatterns;

    private Tables(
        AsciiTable literalActions,
        long[] literalStatements,
        AsciiTable services,
        Listing[][] servicePatterns,
        Listing[] anyServicePatterns) {
      this.literalActions = literalActions;
      this.literalStatements = literalStatements;
      this.services = services;
      this.servicePatterns = servicePatterns;
      this.anyServicePatterns = anyServicePatterns;
    }

    /** The tables of {@code statements}, or {@link #NONE} when a pattern is not ASCII. */
    static Tables of(CompiledStatement[] statements) {
      Map<String, Long> literals = new LinkedHashMap<>();
      Map<String, List<Listing>> byService = new LinkedHashMap<>();
      List<Listing> anyService = new ArrayList<>();
      for (int i = 0; i < statements.length; i++) {
        long bit = 1L << i;
        for (Wildcard pattern : statements[i].actionPatterns()) {
          String text = pattern.text();
          if (!CaseInsensitive.isAscii(text, text.length())) {
            return NONE;
          }
          if (!pattern.hasWildcards()) {
            literals.merge(text.toLowerCase(Locale.ROOT), bit, (a, b) -> a | b);
            continue;
          }
          int service = pattern.literalServiceLength();
          if (service < 0) {
            anyService.add(new Listing(pattern, bit));
            continue;
          }
          byService.computeIfAbsent(text.substring(0, service).toLowerCase(Locale.ROOT), name -> new ArrayList<>()).add(new Listing(pattern, bit));
        }
      }
      AsciiTable literalActions = new AsciiTable(literals.keySet());
      long[] literalStatements = new long[literalActions.capacity()];
      literals.forEach((action, bits) -> literalStatements[literalActions.slot(action)] = bits);
      AsciiTable services = new AsciiTable(byService.keySet());
      Listing[][] servicePatterns = new Listing[services.capacity()][];
      byService.forEach((service, patterns) -> servicePatterns[services.slot(service)] = patterns.toArray(Listing[]::new));
      return new Tables(literalActions, literalStatements, services, servicePatterns, anyService.toArray(Listing[]::new));
    }

    long statementsListing(Key key) {
      String action = key.action();
      int literal = literalActions.find(action, 0, action.length(), key.hash());
      long listing = literal < 0 ? 0 : literalStatements[literal];
      if (key.colon() >= 0) {
        int service = services.find(action, 0, key.colon(), key.serviceHash());
        if (service >= 0) {
          listing = matchAll(servicePatterns[service], action, listing);
        }
      }
      return matchAll(anyServicePatterns, action, listing);
    }
  }

  /** One pattern of statement number {@code statement}. */
  private record Listing(Wildcard pattern, long statement) {}

  private static long matchAll(Listing[] patterns, String action, long listing) {
    for (Listing listed : patterns) {
      if ((listing & listed.statement) == 0 && listed.pattern.matches(action, true)) {
        listing |= listed.statement;
      }
    }
    return listing;
  }

  /**
   * Lower-case ASCII keys, found from any spelling of a part of a text without building its
   * lower-case copy: open addressing with linear probing, at most half full.
   */
  private static final class AsciiTable {
    private final String[] keys;

    AsciiTable(Collection<String> lowerCaseKeys) {
      int capacity = 2;
      while (capacity < lowerCaseKeys.size() * 2) {
        capacity <<= 1;
      }
      keys = new String[capacity];
      for (String key : lowerCaseKeys) {
        int slot = hash(key) & (capacity - 1);
        while (keys[slot] != null) {
          slot = (slot + 1) & (capacity - 1);
        }
        keys[slot] = key;
      }
    }

    int capacity() {
      return keys.length;
    }

    /** The slot of a key that is in the table. */
    int slot(String key) {
      return find(key, 0, key.length(), hash(key));
    }

    /** The slot of the key that {@code text[from, to)} spells in any case, or -1; {@code hash} is its {@link Key} hash. */
    int find(String text, int from, int to, int hash) {
      int mask = keys.length - 1;
      for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
        String key = keys[slot];
        if (key == null) {
          return -1;
        }
        if (spells(key, text, from, to)) {
          return slot;
        }
      }
    }

    private static boolean spells(String key, String text, int from, int to) {
      if (key.length() != to - from) {
        return false;
      }
      for (int i = 0; i < key.length(); i++) {
        if (key.charAt(i) != CaseInsensitive.lowerAscii(text.charAt(from + i))) {
          return false;
        }
      }
      return true;
    }

    /** The hash {@link ActionIndex#key} computes, of a lower-case ASCII key: computed by it, so the two never differ. */
    private static int hash(String lowerCaseKey) {
      return ActionIndex.key(lowerCaseKey).hash();
    }

    static int spread(int hash) {
      return hash ^ (hash >>> 16);
    }
  }
}
