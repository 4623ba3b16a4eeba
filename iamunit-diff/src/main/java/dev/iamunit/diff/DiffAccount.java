package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Accounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An account either version loads, as reports name it.
 *
 * @param id the twelve-digit id
 * @param name the name its organization gives it ({@code prod}), empty without one
 * @param description {@code prod (111111111111)}, or the id alone ({@link Accounts#describe})
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DiffAccount(String id, String name, String description) {

  public DiffAccount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
  }

  /** The accounts of either version, the base's order then the head's new ones, named by the head where it has them. */
  static List<DiffAccount> of(Accounts base, Accounts head) {
    List<DiffAccount> all = new ArrayList<>();
    for (String id : AccessDiffer.accountIds(base, head)) {
      Accounts named = head.byId(id).isPresent() ? head : base;
      String name = named.tree().flatMap(t -> t.account(id)).map(m -> m.name()).orElse("");
      all.add(new DiffAccount(id, name, named.describe(named.byId(id).orElseThrow())));
    }
    return List.copyOf(all);
  }
}
