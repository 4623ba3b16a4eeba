package dev.iamunit.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.Unresolved;
import java.util.Objects;
import java.util.Optional;
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

  /**
   * The account the sources declare as theirs, where it is not the home account they were loaded
   * into: the management account of the organization they declare (the account whose sources
   * create it, such as a default provider's {@code allowed_account_ids}). A tool given no account
   * id loads into it, so that sources that name no account of their own land in the organization's
   * account rather than in the default one, which the organization does not know.
   */
  public Optional<String> declaredHome() {
    return accounts.tree().flatMap(OrganizationTree::managementAccountId).filter(id -> !Unresolved.isIn(id))
        .filter(id -> !id.equals(accounts.home().id()));
  }

  /** Whether the accounts hold everything the sources declare, exactly. */
  public boolean complete() {
    return report.unresolved().isEmpty() && report.problems().isEmpty();
  }
}
