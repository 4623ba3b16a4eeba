package dev.iamunit.iac.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.iac.LoadReport;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Unresolved;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Where a loader puts what its {@link AccountAssembler} assembled: one account builder (every
 * account's contents together, for callers that load one account), or the accounts of a load,
 * each declaration in its own account. Every account receives the unit's unresolved values, so
 * that any of them can turn a placeholder back into words.
 */
@API(status = INTERNAL, since = "0.1")
public final class AssemblyTarget {

  private final Consumer<AccountAssembler> into;
  private final Consumer<Unresolved> unresolved;

  private AssemblyTarget(Consumer<AccountAssembler> into, Consumer<Unresolved> unresolved) {
    this.into = into;
    this.unresolved = unresolved;
  }

  public static AssemblyTarget of(Account.Builder builder) {
    return new AssemblyTarget(assembler -> assembler.into(builder), builder::unresolved);
  }

  public static AssemblyTarget of(Accounts.Builder accounts) {
    return new AssemblyTarget(assembler -> assembler.into(accounts), u -> accounts.ids().forEach(id -> accounts.account(id).unresolved(u)));
  }

  /** Resolves the assembler's references into the target and returns the load's report. */
  public LoadReport finish(AccountAssembler assembler, LoadReportBuilder report) {
    into.accept(assembler);
    LoadReport result = report.build();
    result.unresolved().forEach(unresolved);
    return result;
  }
}
