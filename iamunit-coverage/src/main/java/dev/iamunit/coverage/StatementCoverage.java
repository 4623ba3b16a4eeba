package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.model.Effect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Everything the run recorded about one statement, merged over every JVM.
 *
 * @param key where the statement is
 * @param sid its Sid, when written
 * @param effect Allow or Deny
 * @param policy the name of the policy that holds it
 * @param address the template address (Terraform resource, CloudFormation logical id), or empty
 * @param inventory whether a loaded template listed it (statements only seen in decisions, such
 *     as policies built in code, are not part of the inventory)
 * @param principals the users and roles whose requests use it ({@code user/MFAUser}), sorted
 * @param decisive evaluations in which it decided the outcome
 * @param overridden evaluations in which it applied but did not decide (an Allow beaten by a Deny)
 * @param notAppliedAction evaluations of its policy in which its action did not match
 * @param notAppliedResource evaluations in which its action matched but its resource did not
 * @param notAppliedPrincipal evaluations in which its principal did not match
 * @param notAppliedCondition evaluations in which a condition was not met
 * @param conditions each of its conditions, in order
 * @param decisiveTests the tests in which it decided, sorted
 * @param tests the tests whose requests reached it (its action matched), sorted
 * @param notRead why the loader could not read it, for a policy a template declares that is not in
 *     the account (a policy AWS would reject, a SAM policy template IAMUnit does not know): it
 *     counts as one missed statement, whatever it holds; its effect is unknown, so the Allow and
 *     Deny counters leave it out
 * @param accountName for a statement in one account ({@link StatementKey#account()}: an SCP or RCP
 *     statement, or one deployed in several accounts), the name the organization gives that account
 *     ({@code prod}); empty when it has none
 */
@API(status = EXPERIMENTAL)
public record StatementCoverage(
    StatementKey key,
    Optional<String> sid,
    Effect effect,
    String policy,
    String address,
    boolean inventory,
    List<String> principals,
    long decisive,
    long overridden,
    long notAppliedAction,
    long notAppliedResource,
    long notAppliedPrincipal,
    long notAppliedCondition,
    List<ConditionCoverage> conditions,
    List<String> decisiveTests,
    List<String> tests,
    Optional<String> notRead,
    String accountName) {

  /** Template file, then position. */
  public static final Comparator<StatementCoverage> ORDER = Comparator.comparing(StatementCoverage::key);

  public StatementCoverage {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(sid, "sid");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(address, "address");
    principals = List.copyOf(new TreeSet<>(principals));
    conditions = List.copyOf(conditions);
    decisiveTests = List.copyOf(new TreeSet<>(decisiveTests));
    tests = List.copyOf(new TreeSet<>(tests));
    Objects.requireNonNull(notRead, "notRead");
    Objects.requireNonNull(accountName, "accountName");
  }

  /** A statement that was read. */
  public StatementCoverage(StatementKey key, Optional<String> sid, Effect effect, String policy, String address,
      boolean inventory, List<String> principals, long decisive, long overridden, long notAppliedAction,
      long notAppliedResource, long notAppliedPrincipal, long notAppliedCondition, List<ConditionCoverage> conditions,
      List<String> decisiveTests, List<String> tests) {
    this(key, sid, effect, policy, address, inventory, principals, decisive, overridden, notAppliedAction,
        notAppliedResource, notAppliedPrincipal, notAppliedCondition, conditions, decisiveTests, tests, Optional.empty(), "");
  }

  /**
   * What a template declares at {@code key} that the loader could not read, and why: a missed
   * statement of the inventory.
   */
  public static StatementCoverage notRead(StatementKey key, String address, String reason) {
    return new StatementCoverage(key, Optional.empty(), Effect.ALLOW, "not read", address, true, List.of(), 0, 0, 0, 0, 0,
        0, List.of(), List.of(), List.of(), Optional.of(reason), "");
  }

  /**
   * The Sid, or {@code #index at file:line} for a statement without one; for a statement counted
   * per account, followed by the account: {@code DenyStopLogging in prod (111111111111)}.
   */
  public String displayName() {
    if (notRead.isPresent()) {
      return "not read at " + key.fileAndLine() + ": " + notRead.get();
    }
    return sid.orElseGet(() -> "#" + key.index() + " at " + key.fileAndLine()) + inAccount();
  }

  /**
   * {@code ForceMfa (terraform/iam.tf:12)} or {@code #2 at terraform/iam.tf:30}; for a statement
   * counted per account, {@code DenyStopLogging (terraform/org.tf:30) in prod (111111111111)}.
   */
  public String describe() {
    if (notRead.isPresent()) {
      return displayName();
    }
    return sid.map(s -> s + " (" + key.fileAndLine() + ")" + inAccount()).orElseGet(this::displayName);
  }

  /** {@code prod (111111111111)}, or the id alone for an account without a name; empty for a statement of no account. */
  public String account() {
    if (!key.inAccount()) {
      return "";
    }
    return accountName.isEmpty() ? key.account() : accountName + " (" + key.account() + ")";
  }

  private String inAccount() {
    return key.inAccount() ? " in " + account() : "";
  }

  /** The STATEMENT counter: covered when it decided at least once. */
  public boolean covered() {
    return decisive > 0;
  }

  public boolean applied() {
    return decisive + overridden > 0;
  }

  /** Applied, yet never decided: always overridden, possibly dead. */
  public boolean neverDecisive() {
    return decisive == 0 && overridden > 0;
  }

  public StatementStatus status() {
    if (covered()) {
      return conditions.stream().allMatch(ConditionCoverage::covered) ? StatementStatus.COVERED : StatementStatus.PARTLY;
    }
    return applied() ? StatementStatus.PARTLY : StatementStatus.MISSED;
  }

  public long conditionsCovered() {
    return conditions.stream().filter(ConditionCoverage::covered).count();
  }

  /**
   * This statement's data under {@code newKey}: what one JVM counted without account, once every
   * fragment says which account it is ({@link CoverageAnalysis#read}).
   */
  public StatementCoverage withKey(StatementKey newKey) {
    return newKey.equals(key) ? this : new StatementCoverage(newKey, sid, effect, policy, address, inventory, principals, decisive,
        overridden, notAppliedAction, notAppliedResource, notAppliedPrincipal, notAppliedCondition, conditions, decisiveTests, tests,
        notRead, newKey.inAccount() ? accountName : "");
  }

  /** The same statement's data from another JVM, added to this. */
  public StatementCoverage plus(StatementCoverage other) {
    if (!key.equals(other.key)) {
      throw new IllegalArgumentException("cannot merge " + key + " with " + other.key);
    }
    List<ConditionCoverage> merged = new ArrayList<>();
    for (int i = 0; i < Math.max(conditions.size(), other.conditions.size()); i++) {
      if (i >= conditions.size()) {
        merged.add(other.conditions.get(i));
      } else if (i >= other.conditions.size()) {
        merged.add(conditions.get(i));
      } else {
        merged.add(conditions.get(i).plus(other.conditions.get(i)));
      }
    }
    return new StatementCoverage(key, sid.or(other::sid), effect, inventory || !other.inventory ? policy : other.policy,
        address.isEmpty() ? other.address : address, inventory || other.inventory, union(principals, other.principals),
        decisive + other.decisive, overridden + other.overridden, notAppliedAction + other.notAppliedAction,
        notAppliedResource + other.notAppliedResource, notAppliedPrincipal + other.notAppliedPrincipal,
        notAppliedCondition + other.notAppliedCondition, merged, union(decisiveTests, other.decisiveTests),
        union(tests, other.tests), notRead.or(other::notRead), accountName.isEmpty() ? other.accountName : accountName);
  }

  private static List<String> union(List<String> a, List<String> b) {
    TreeSet<String> all = new TreeSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
