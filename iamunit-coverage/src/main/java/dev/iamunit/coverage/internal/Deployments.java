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
 * The accounts each identity or resource statement is deployed in, by its key without account: one
 * JVM's inventory, or every fragment's together. A statement deployed in more than one counts per
 * account ({@link StatementKey#as}). Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class Deployments {

  private final ConcurrentHashMap<StatementKey, Set<String>> accounts = new ConcurrentHashMap<>();

  /** Notes that the policy of account {@code account} holds the statement {@code key} names. */
  public void add(StatementKey key, String account) {
    accounts.computeIfAbsent(key.withoutAccount(), k -> ConcurrentHashMap.newKeySet()).add(account);
  }

  /** Adds what {@code other} notes. */
  public void addAll(Deployments other) {
    other.accounts.forEach((key, in) -> in.forEach(account -> add(key, account)));
  }

  /** The accounts whose loaded policies hold the statement {@code key} names, whatever its account. */
  public Set<String> of(StatementKey key) {
    return accounts.getOrDefault(key.withoutAccount(), Set.of());
  }

  /** Each statement's accounts, sorted: what a fragment writes. */
  public Map<StatementKey, Set<String>> sorted() {
    Map<StatementKey, Set<String>> sorted = new TreeMap<>();
    accounts.forEach((key, in) -> sorted.put(key, new TreeSet<>(in)));
    return sorted;
  }

  /** How reports name a statement counted under {@code key}, the key with the account it applied for (or none). */
  public StatementKey reported(StatementKey key, boolean control) {
    return key.as(control, of(key));
  }

  /**
   * How these deployments (every fragment's) name a statement that one JVM, knowing only {@code
   * local}, named {@code key}: a JVM whose tests loaded the statement in one account wrote it
   * without account; when another JVM loaded it in more, it is that one account's.
   */
  public StatementKey merged(StatementKey key, Deployments local) {
    Set<String> here = local.of(key);
    if (key.inAccount() || here.size() != 1) {
      return key;
    }
    StatementKey full = new StatementKey(key.file(), key.line(), key.column(), key.index(), here.iterator().next());
    return reported(full, false);
  }
}
