package dev.iamunit.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What {@link SourceFormats#load} gives: the accounts the sources deploy into, and the report of
 * everything the load found and everything it could not put in an account (unresolved values,
 * problems), each with file:line. Every consumer shows the report; none may drop it.
 *
 * @param accounts every account, each with what the sources place in it and its organization levels
 * @param report what the load found and could not place
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LoadedSources(Accounts accounts, LoadReport report) {

  public LoadedSources {
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(report, "report");
  }

  /** The home account ({@link Accounts#home()}): all of a single-account load. */
  public Account account() {
    return accounts.home();
  }

  /** Whether the accounts hold everything the sources declare, exactly. */
  public boolean complete() {
    return report.unresolved().isEmpty() && report.problems().isEmpty();
  }
}
