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
 * The statements of a run of policies, in order, and which of them a request's action selects:
 * those whose Action lists it and those whose NotAction does not. Found by hashing instead of
 * matching the action against every pattern of every statement: the action is looked up once
 * among the literal action names of all the policies, its service once among the services their
 * wildcard patterns spell out ({@code ec2:*}, {@code iam:*MFA*}), and only the patterns of that
 * service and those with a wildcard in the service ({@code *:Get*}) are matched; {@code *} selects
 * without matching. One lookup serves every policy of the run: an organization's caller reads
 * about 20 policies per decision (the SCPs of eight levels, its own, its boundary), and a lookup
 * per policy was 40 % of a decision (benchmarks/README.md, "Issue 24").
 *
 * <p>It answers exactly what {@link CompiledStatement#listsAction} answers for each statement:
 * action names "are not case-sensitive" (IAM User Guide, IAM JSON policy elements: Action), and a
 * pattern whose service part has no wildcard can only match an action with that service, because
 * wildcards are the only characters that match anything but themselves. Hashing ignores case
 * only for ASCII, where it agrees with the {@link Character#toLowerCase} that matching uses: a
 * statement with a non-ASCII pattern is matched pattern by pattern, and so is a non-ASCII action,
 * and every action of the run's first decision.
 */
@API(status = INTERNAL, since = "0.1")
public final class ActionIndex {

  private static final ActionIndex EMPTY = new ActionIndex(new CompiledStatement[0], new CompiledPolicy[0]);

  private final CompiledStatement[] statements;
  /** The policy of each statement. */
  private final CompiledPolicy[] policies;
  /** The statements with NotAction, which a request selects when they do not list its action. */
  private final long[] negated;
  /**
   * Built at the run's second decision, not with it: reading a case per decision
   * (benchmarks/README.md) compiles every policy for one decision, where building the tables
   * would cost ten times the matching they save. Threads racing to build may each build and
   * store equal tables; the tables never change (final fields only), so any of them serves.
   */
  private Tables tables;
  /** Decisions before the tables were built; counted without locking, as it only delays them. */
  private int decisions;

  private ActionIndex(CompiledStatement[] statements, CompiledPolicy[] policies) {
    this.statements = statements;
    this.policies = policies;
    this.negated = new long[words(statements.length)];
    for (int i = 0; i < statements.length; i++) {
      if (statements[i].actionNegated()) {
        negated[i >>> 6] |= 1L << i;
      }
    }
  }

  /** The statements of {@code policies}, each policy's in order. */
  public static ActionIndex of(List<CompiledPolicy> policies) {
    int count = 0;
    for (CompiledPolicy policy : policies) {
      count += policy.statements().length;
    }
    if (count == 0) {
      return EMPTY;
    }
    CompiledStatement[] statements = new CompiledStatement[count];
    CompiledPolicy[] of = new CompiledPolicy[count];
    int next = 0;
    for (CompiledPolicy policy : policies) {
      for (CompiledStatement statement : policy.statements()) {
        statements[next] = statement;
        of[next++] = policy;
      }
    }
    return new ActionIndex(statements, of);
  }

  private static int words(int bits) {
    return (bits + 63) >>> 6;
  }

  public int size() {
    return statements.length;
  }

  public CompiledStatement statement(int i) {
    return statements[i];
  }

  public CompiledPolicy policy(int i) {
    return policies[i];
  }

  /**
   * A request's action, hashed once for every lookup of the decision: the hash of the whole
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

  /**
   * Bit {@code i} (of word {@code i / 64}) is set when statement {@code i}'s Action lists the
   * action, or its NotAction does not: the statements the rest of the request decides about.
   */
  public long[] statementsSelecting(Key key) {
    long[] listing = new long[negated.length];
    Tables built = tables;
    if (built == null && ++decisions > 1) {
      built = Tables.of(statements);
      tables = built;
    }
    if (built == null || !key.ascii()) {
      matchEach(key.action(), listing);
    } else {
      built.list(key, statements, listing);
    }
    for (int w = 0; w < listing.length; w++) {
      listing[w] ^= negated[w];
    }
    return listing;
  }

  private void matchEach(String action, long[] listing) {
    for (int i = 0; i < statements.length; i++) {
      if (statements[i].listsAction(action)) {
        listing[i >>> 6] |= 1L << i;
      }
    }
  }

  /** The run's patterns arranged for lookup; statement numbers are positions in the run. */
  private static final class Tables {
    /** Literal action names, each with the statements that list it. */
    private final AsciiTable literalActions;
    private final int[][] literalStatements;
    /** Services of the wildcard patterns whose service part is literal, each with those patterns. */
    private final AsciiTable services;
    private final Listing[][] servicePatterns;
    /** Wildcard patterns with a wildcard in their service part, matched against every action. */
    private final Listing[] anyServicePatterns;
    /** Statements with the pattern {@code *}, which lists every action. */
    private final long[] everyAction;
    /** Statements with a non-ASCII pattern, which no hash finds: matched pattern by pattern. */
    private final int[] matchedEach;

    private Tables(
        AsciiTable literalActions,
        int[][] literalStatements,
        AsciiTable services,
        Listing[][] servicePatterns,
        Listing[] anyServicePatterns,
        long[] everyAction,
        int[] matchedEach) {
      this.literalActions = literalActions;
      this.literalStatements = literalStatements;
      this.services = services;
      this.servicePatterns = servicePatterns;
      this.anyServicePatterns = anyServicePatterns;
      this.everyAction = everyAction;
      this.matchedEach = matchedEach;
    }

    static Tables of(CompiledStatement[] statements) {
      Map<String, List<Integer>> literals = new LinkedHashMap<>();
      Map<String, List<Listing>> byService = new LinkedHashMap<>();
      List<Listing> anyService = new ArrayList<>();
      long[] everyAction = new long[words(statements.length)];
      List<Integer> matchedEach = new ArrayList<>();
      for (int i = 0; i < statements.length; i++) {
        Wildcard[] patterns = statements[i].actionPatterns();
        if (!ascii(patterns)) {
          matchedEach.add(i);
          continue;
        }
        for (Wildcard pattern : patterns) {
          String text = pattern.text();
          if (pattern.isStar()) {
            everyAction[i >>> 6] |= 1L << i;
          } else if (!pattern.hasWildcards()) {
            List<Integer> listing = literals.computeIfAbsent(text.toLowerCase(Locale.ROOT), name -> new ArrayList<>(1));
            if (!listing.contains(i)) {
              listing.add(i);
            }
          } else {
            int service = pattern.literalServiceLength();
            List<Listing> into = service < 0 ? anyService
                : byService.computeIfAbsent(text.substring(0, service).toLowerCase(Locale.ROOT), name -> new ArrayList<>());
            into.add(new Listing(pattern, i));
          }
        }
      }
      AsciiTable literalActions = new AsciiTable(literals.keySet());
      int[][] literalStatements = new int[literalActions.capacity()][];
      literals.forEach((action, listing) -> literalStatements[literalActions.slot(action)] = toArray(listing));
      AsciiTable services = new AsciiTable(byService.keySet());
      Listing[][] servicePatterns = new Listing[services.capacity()][];
      byService.forEach((service, patterns) -> servicePatterns[services.slot(service)] = patterns.toArray(Listing[]::new));
      return new Tables(literalActions, literalStatements, services, servicePatterns, anyService.toArray(Listing[]::new),
          everyAction, toArray(matchedEach));
    }

    private static boolean ascii(Wildcard[] patterns) {
      for (Wildcard pattern : patterns) {
        String text = pattern.text();
        if (!CaseInsensitive.isAscii(text, text.length())) {
          return false;
        }
      }
      return true;
    }

    private static int[] toArray(List<Integer> values) {
      int[] array = new int[values.size()];
      for (int i = 0; i < array.length; i++) {
        array[i] = values.get(i);
      }
      return array;
    }

    /** Sets the bit of every statement that lists the action in {@code listing}. */
    void list(Key key, CompiledStatement[] statements, long[] listing) {
      System.arraycopy(everyAction, 0, listing, 0, listing.length);
      String action = key.action();
      int literal = literalActions.find(action, 0, action.length(), key.hash());
      if (literal >= 0) {
        for (int statement : literalStatements[literal]) {
          listing[statement >>> 6] |= 1L << statement;
        }
      }
      if (key.colon() >= 0) {
        int service = services.find(action, 0, key.colon(), key.serviceHash());
        if (service >= 0) {
          matchAll(servicePatterns[service], action, listing);
        }
      }
      matchAll(anyServicePatterns, action, listing);
      for (int statement : matchedEach) {
        if (statements[statement].listsAction(action)) {
          listing[statement >>> 6] |= 1L << statement;
        }
      }
    }
  }

  /** One pattern of statement number {@code statement}. */
  private record Listing(Wildcard pattern, int statement) {}

  private static void matchAll(Listing[] patterns, String action, long[] listing) {
    for (Listing listed : patterns) {
      int statement = listed.statement;
      long bit = 1L << statement;
      if ((listing[statement >>> 6] & bit) == 0 && listed.pattern.matches(action, true)) {
        listing[statement >>> 6] |= bit;
      }
    }
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
