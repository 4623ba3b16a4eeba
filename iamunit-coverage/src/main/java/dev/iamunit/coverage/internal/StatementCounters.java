package dev.iamunit.coverage.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.iamunit.coverage.ConditionCoverage;
import dev.iamunit.coverage.StatementCoverage;
import dev.iamunit.coverage.StatementKey;
import dev.iamunit.eval.Applicability;
import dev.iamunit.model.Condition;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apiguardian.api.API;

/** The live counters of one statement in one JVM: lock-free, written by any number of threads. */
@API(status = INTERNAL, since = "0.1")
public final class StatementCounters {

  private final StatementKey key;
  private final Optional<String> sid;
  private final Statement statement;
  private final String policy;
  private final boolean control;
  private volatile boolean inventory;
  private volatile String accountName = "";
  private final Set<String> principals = ConcurrentHashMap.newKeySet();
  private final LongAdder decisive = new LongAdder();
  private final LongAdder overridden = new LongAdder();
  private final LongAdder action = new LongAdder();
  private final LongAdder resource = new LongAdder();
  private final LongAdder principal = new LongAdder();
  private final LongAdder condition = new LongAdder();
  private final LongAdder[] conditionTrue;
  private final LongAdder[] conditionFalse;
  private final Set<String> decisiveTests = ConcurrentHashMap.newKeySet();
  private final Set<String> tests = ConcurrentHashMap.newKeySet();

  /**
   * @param key the statement with the account it applied for, or was deployed in
   * @param control whether it is a statement of an SCP or RCP, which counts per account wherever it is
   */
  public StatementCounters(StatementKey key, Policy policy, Statement statement, boolean control) {
    this.key = key;
    this.control = control;
    this.sid = statement.sid();
    this.statement = statement;
    this.policy = policy.name();
    int conditions = statement.conditions().size();
    this.conditionTrue = adders(conditions);
    this.conditionFalse = adders(conditions);
  }

  private static LongAdder[] adders(int size) {
    LongAdder[] adders = new LongAdder[size];
    for (int i = 0; i < size; i++) {
      adders[i] = new LongAdder();
    }
    return adders;
  }

  public void markInventory() {
    inventory = true;
  }

  public StatementKey key() {
    return key;
  }

  public boolean control() {
    return control;
  }

  /** The name the organization gives the account of the statement, learned from the inventory. */
  public void nameAccount(String name) {
    accountName = name;
  }

  public void addPrincipal(String name) {
    principals.add(name);
  }

  public void decisive(String test) {
    decisive.increment();
    decisiveTests.add(test);
    tests.add(test);
  }

  public void overridden(String test) {
    overridden.increment();
    tests.add(test);
  }

  public void notApplied(Applicability why, String test) {
    switch (why) {
      case ACTION_NOT_MATCHED -> action.increment();
      case RESOURCE_NOT_MATCHED -> resource.increment();
      case PRINCIPAL_NOT_MATCHED -> principal.increment();
      case CONDITION_NOT_MET -> condition.increment();
      case APPLIED -> throw new IllegalArgumentException("applied is not a reason for not applying");
    }
    tests.add(test);
  }

  public void actionNotMatched() {
    action.increment();
  }

  public void condition(int index, boolean met) {
    if (index < conditionTrue.length) {
      (met ? conditionTrue : conditionFalse)[index].increment();
    }
  }

  /** What was counted, under {@code reported}, the key reports name the statement by ({@link StatementKey#as}). */
  public StatementCoverage snapshot(StatementKey reported) {
    List<ConditionCoverage> conditions = new ArrayList<>();
    for (int i = 0; i < conditionTrue.length; i++) {
      Condition written = statement.conditions().get(i);
      conditions.add(new ConditionCoverage(written.operator().name(), written.key(), written.values(),
          written.location().line(), conditionTrue[i].sum(), conditionFalse[i].sum()));
    }
    return new StatementCoverage(reported, sid, statement.effect(), policy, statement.location().address(), inventory,
        List.copyOf(principals), decisive.sum(), overridden.sum(), action.sum(), resource.sum(), principal.sum(),
        condition.sum(), conditions, List.copyOf(decisiveTests), List.copyOf(tests), Optional.empty(),
        reported.inAccount() ? accountName : "");
  }
}
