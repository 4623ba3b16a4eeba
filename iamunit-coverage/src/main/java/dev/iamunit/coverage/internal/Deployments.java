package dev.iamunit.coverage.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.coverage.StatementKey;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Where identity and resource statements are deployed, by their keys without account: the
 * accounts whose loaded policies hold each, and whether one load (one set of sources, as a test
 * class or the {@code prepare} goal loads it) placed it in more than one, which makes it count per
 * account ({@link StatementKey#as}). Only within one load do two accounts mean two deployments: two
 * loads that give the same single-account template two account ids (two test classes' {@code
 * accountId}) load one deployment twice. One JVM's inventory, or every fragment's together.
 * Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class Deployments {

  private final ConcurrentHashMap<StatementKey, Set<String>> accounts = new ConcurrentHashMap<>();
  private final Set<StatementKey> several = ConcurrentHashMap.newKeySet();

  /** Notes that the policy of account {@code account} holds the statement {@code key} names. */
  public void add(StatementKey key, String account) {
    accounts.computeIfAbsent(key.withoutAccount(), k -> ConcurrentHashMap.newKeySet()).add(account);
  }

  /** Adds what one load placed: a statement it placed in more than one account is deployed in several. */
  public void addLoad(Deployments load) {
    load.accounts.forEach((key, in) -> {
      in.forEach(account -> add(key, account));
      if (in.size() > 1) {
        several.add(key);
      }
    });
  }

  /** Adds what {@code other} (another fragment's) notes. */
  public void addAll(Deployments other) {
    other.accounts.forEach((key, in) -> in.forEach(account -> add(key, account)));
    several.addAll(other.several);
  }

  /** Notes that a load placed the statement {@code key} names in more than one account. */
  public void addSeveral(StatementKey key) {
    several.add(key.withoutAccount());
  }

  /** Whether a load placed the statement {@code key} names in more than one account. */
  public boolean inSeveral(StatementKey key) {
    return several.contains(key.withoutAccount());
  }

  /** Each statement's accounts, sorted: what a fragment writes. */
  public Map<StatementKey, Set<String>> sorted() {
    Map<StatementKey, Set<String>> sorted = new TreeMap<>();
    accounts.forEach((key, in) -> sorted.put(key, new TreeSet<>(in)));
    return sorted;
  }

  /** How reports name a statement counted under {@code key}, the key with the account it applied for (or none). */
  public StatementKey reported(StatementKey key, boolean control) {
    return key.as(control, inSeveral(key));
  }

  /**
   * How these deployments (every fragment's) name a statement that one JVM, knowing only {@code
   * local}, named {@code key}: a JVM whose tests loaded the statement in one account only wrote it
   * without account; when another JVM's load placed it in several, it is that one account's.
   */
  public StatementKey merged(StatementKey key, Deployments local) {
    Set<String> here = local.accounts.getOrDefault(key.withoutAccount(), Set.of());
    if (key.inAccount() || here.size() != 1) {
      return key;
    }
    return reported(new StatementKey(key.file(), key.line(), key.column(), key.index(), here.iterator().next()), false);
  }
}
