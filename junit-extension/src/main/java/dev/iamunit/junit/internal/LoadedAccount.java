package dev.iamunit.junit.internal;

import dev.iamunit.IamUnitException;
import dev.iamunit.model.Account;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account of one {@link SourceSet}, or why it could not be loaded: a load fails once, and
 * every test that uses those sources fails with the same message. Lives in the root store.
 */
final class LoadedAccount implements AutoCloseable {

  private final Account account;
  private final String failure;

  private LoadedAccount(Account account, String failure) {
    this.account = account;
    this.failure = failure;
  }

  static LoadedAccount load(SourceSet sources, SourceLoaders loaders) {
    try {
      List<Account> accounts = new ArrayList<>();
      for (Map.Entry<SourceKind, List<Path>> entry : sources.paths().entrySet()) {
        // Group consecutive paths that the same loader takes.
        SourceLoader current = null;
        List<Path> batch = new ArrayList<>();
        for (Path path : entry.getValue()) {
          SourceLoader loader = loaders.forSource(entry.getKey(), path);
          if (current != null && !current.equals(loader)) {
            accounts.add(current.load(batch, sources.options()));
            batch = new ArrayList<>();
          }
          current = loader;
          batch.add(path);
        }
        accounts.add(current.load(batch, sources.options()));
      }
      return new LoadedAccount(AccountMerger.merge(accounts, sources.options()), null);
    } catch (IamUnitException e) {
      return new LoadedAccount(null, "IAMUnit could not load the sources of this test: " + e.getMessage());
    }
  }

  /** The account, or a failure that says why the sources did not load. */
  Account account() {
    if (account == null) {
      throw Failures.failure(failure);
    }
    return account;
  }

  Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void close() {
    // Nothing to release: the account is plain data. AutoCloseable lets the store end it cleanly.
  }
}
