package dev.iamunit.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Account;
import org.apiguardian.api.API;

/**
 * What {@link SourceFormats#load} gives: the one account the sources deploy into, and the report of
 * everything the load found and everything it could not put in the account (unresolved values,
 * problems), each with file:line. Every consumer shows the report; none may drop it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LoadedSources(Account account, LoadReport report) {

  /** Whether the account holds everything the sources declare, exactly. */
  public boolean complete() {
    return report.unresolved().isEmpty() && report.problems().isEmpty();
  }
}
