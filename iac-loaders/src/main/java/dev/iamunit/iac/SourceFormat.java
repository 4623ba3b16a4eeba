package dev.iamunit.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One kind of source IAMUnit reads: {@link SourceFormats#standard()} lists them (Terraform,
 * Terraform plans, CloudFormation, plain policy files), asked in order.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface SourceFormat {

  /**
   * The name users give this format: {@code terraform}, {@code terraformPlan},
   * {@code cloudFormation}, {@code policy}, as {@code @IamTest}'s attributes are named.
   */
  String name();

  /** Whether this format reads {@code source}, an existing file or folder. */
  boolean accepts(Path source);

  /**
   * The sources of this format inside {@code folder}, an existing folder such as a repository
   * root: the folder itself when this format {@link #accepts} it, else none. A format whose units
   * may sit in subfolders (Terraform's root modules) finds them here.
   */
  default List<Path> sourcesIn(Path folder) {
    return accepts(folder) ? List.of(folder) : List.of();
  }

  /**
   * Whether all sources of this format load as one unit into one account builder: CloudFormation
   * stacks import each other's exports. Otherwise each source is a unit of its own.
   */
  default boolean loadsTogether() {
    return false;
  }

  /**
   * Adds what one unit of sources declares to {@code account}: a fresh builder with the options'
   * account id, region and partition. What cannot go in (a policy AWS would reject, a value that
   * cannot be computed) goes in the report, never silently away.
   *
   * @throws dev.iamunit.IamUnitException naming file:line when a source cannot be read at all
   */
  LoadReport loadInto(List<Path> unit, LoadOptions options, Account.Builder account);

  /**
   * Adds what one unit of sources declares to the accounts it deploys into. A format whose sources
   * can say which account a resource is created in (Terraform's provider aliases) places each in
   * its own; by default, everything goes to the options' account.
   */
  default LoadReport loadInto(List<Path> unit, LoadOptions options, Accounts.Builder accounts) {
    return loadInto(unit, options, accounts.account(options.accountId()));
  }
}
