package dev.iamunit.coverage;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.iamunit.coverage.internal.Deployments;
import dev.iamunit.coverage.internal.FragmentFormat;
import dev.iamunit.coverage.internal.StatementCounters;
import dev.iamunit.eval.Decision;
import dev.iamunit.eval.Outcome;
import dev.iamunit.eval.PolicySet;
import dev.iamunit.eval.PolicyType;
import dev.iamunit.eval.PrincipalPolicies;
import dev.iamunit.eval.Request;
import dev.iamunit.eval.StatementResult;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Effect;
import dev.iamunit.model.Group;
import dev.iamunit.model.ManagedPolicy;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.PermissionSet;
import dev.iamunit.model.Policy;
import dev.iamunit.model.Role;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apiguardian.api.API;

/**
 * The recording half of coverage, like JaCoCo's runtime: cheap, thread-safe counters per
 * statement, written once per JVM as a fragment that {@link CoverageAnalysis} merges later.
 *
 * <p>Use one recorder per JVM (the JUnit extension keeps it in the root store): call {@link
 * #recordInventory(Accounts)} for each load's accounts, {@link #record(PolicySet, Decision, String)}
 * after each evaluation, and {@link #writeFragment(Path)} once when the run ends. Every method may
 * be called from any thread.
 */
@API(status = EXPERIMENTAL)
public final class CoverageRecorder {

  private final ConcurrentHashMap<StatementKey, StatementCounters> statements = new ConcurrentHashMap<>();
  private final Queue<AssertionFailure> failures = new ConcurrentLinkedQueue<>();
  private final Map<StatementKey, StatementCoverage> notRead = new ConcurrentHashMap<>();
  private final String jvm = ProcessHandle.current().pid() + "-" + UUID.randomUUID();
  /**
   * Where the inventory found each identity or resource statement: one that a load placed in more
   * than one account is counted per account ({@link StatementKey#as}).
   */
  private final Deployments deployedIn = new Deployments();
  private final Queue<Asked> decisions;
  /** The organizations whose SCPs and RCPs that apply nowhere are in the inventory already. */
  private final Set<OrganizationTree> treesInventoried = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  /** A recorder of statement coverage only. */
  public CoverageRecorder() {
    this(false);
  }

  private CoverageRecorder(boolean logDecisions) {
    this.decisions = logDecisions ? new ConcurrentLinkedQueue<>() : null;
  }

  /**
   * A recorder that also keeps every decision {@link #record(Request, PolicySet, Decision, String)}
   * sees, test by test ({@link CoverageAnalysis#decisions()}): what a suite decided, to compare two
   * runs (serial and parallel, before and after a change). It costs a line per decision in the
   * fragment, so it is opt-in.
   */
  public static CoverageRecorder withDecisionLog() {
    return new CoverageRecorder(true);
  }

  /** How a policy came into the account whose inventory it is in. */
  private enum Placement {
    /** An SCP or RCP level of the account's path: counts per account wherever it is. */
    CONTROL,
    /** Placed there by the sources: one placed by them into several accounts counts per account. */
    SOURCES,
    /**
     * Placed there by IAM Identity Center, which provisions a permission set as a role in every
     * account it is assigned to. The sources place the permission set once, in the Identity Center
     * instance's account (where the model holds it); the roles are AWS's copies of it, so its inline
     * policy counts once, as it always did. The customer managed policies it names are each
     * account's own, counted with that account's managed policies.
     */
    IDENTITY_CENTER
  }

  /** A decision of the log, kept until {@link #decisionLog()} names its deciding statements as reports do. */
  private record Asked(String testId, Request request, Outcome outcome, List<StatementResult> deciding) {}

  /**
   * Adds every account of one load to the inventory ({@link #recordInventory(Account)}); a
   * statement the load placed in several accounts (one source deployed into each: a StackSet's
   * instances, a module per provider alias, a module shared by folders per account) has an entry
   * per account ({@link StatementKey#as}), whichever order the loads come in.
   */
  public void recordInventory(Accounts accounts) {
    Deployments load = new Deployments();
    accounts.all().forEach(account -> inventory(account, load));
    deployedIn.addLoad(load);
  }

  /**
   * Adds every customer-written statement of an account to the inventory, with the principals
   * (users and roles) whose requests use it, so statements no test evaluated count as missed.
   * An account alone is a load of its own: give every account of a load at once ({@link
   * #recordInventory(Accounts)}) for its statements deployed in several accounts to count per account.
   * A principal's policies are those {@link PrincipalPolicies} gathers for its requests, plus a
   * role's trust policy. Policies no source of the user's declares are left out ({@link
   * #declaredInSources(Policy)}): AWS managed policies, and the FullAWSAccess SCP IAMUnit adds by
   * AWS's rule; they are AWS's, not the repository's code, and no test could decide all of them.
   * A group or managed policy the templates do not declare has no statements to count; a test
   * that asks as its principal fails with where it is referenced.
   */
  public void recordInventory(Account account) {
    Deployments load = new Deployments();
    inventory(account, load);
    deployedIn.addLoad(load);
  }

  /** Adds the statements of {@code account} to the inventory, noting in {@code load} where the sources placed them. */
  private void inventory(Account account, Deployments load) {
    String id = account.id();
    String name = account.organization().tree().flatMap(t -> t.account(id)).map(OrganizationTree.Member::name).orElse("");
    for (User user : account.users().values()) {
      // A generated name reads as <unresolved: ...>, the same in every JVM, never as its placeholder.
      String principal = "user/" + Unresolved.readable(user.name(), account.unresolved());
      inventory(PrincipalPolicies.of(account, user).customerWritten(), Placement.SOURCES, id, name, principal, load);
    }
    for (Role role : account.roles().values()) {
      String principal = "role/" + Unresolved.readable(role.name(), account.unresolved());
      List<Policy> policies = new ArrayList<>(PrincipalPolicies.of(account, role).customerWritten());
      role.trustPolicy().ifPresent(policies::add);
      inventory(policies, role.path().startsWith(PermissionSet.ROLE_PATH) ? Placement.IDENTITY_CENTER : Placement.SOURCES, id, name,
          principal, load);
    }
    for (Group group : account.groups().values()) {
      inventory(group.inlinePolicies(), Placement.SOURCES, id, name, null, load);
    }
    for (ManagedPolicy policy : account.managedPolicies().values()) {
      if (!policy.awsManaged()) {
        inventory(List.of(policy.document()), Placement.SOURCES, id, name, null, load);
      }
    }
    inventory(account.resourcePolicies().values(), Placement.SOURCES, id, name, null, load);
    // An SCP or RCP counts once per account it applies to (StatementKey): these are this account's levels.
    account.organization().serviceControlPolicies().forEach(level -> inventory(level, Placement.CONTROL, id, name, null, load));
    account.organization().resourceControlPolicies().forEach(level -> inventory(level, Placement.CONTROL, id, name, null, load));
    account.organization().tree().ifPresent(this::inventoryAppliedNowhere);
  }

  /**
   * The SCPs and RCPs of {@code tree} that apply to no account the load holds (attached to an OU
   * without member accounts, or only to the management account, which they do not restrict): no
   * test can exercise them, yet they are code the repository declares, so they count once, without
   * an account, as missed, rather than vanish from coverage.
   */
  private void inventoryAppliedNowhere(OrganizationTree tree) {
    if (!treesInventoried.add(tree)) {
      return;
    }
    List<List<String>> paths = tree.accounts().stream()
        .filter(m -> !Unresolved.isIn(m.id()) && tree.managementAccountId().filter(m.id()::equals).isEmpty())
        .flatMap(m -> tree.path(m.id()).stream())
        .toList();
    for (OrganizationTree.ControlPolicy control : tree.policies()) {
      boolean enabled = control.resourceControl() ? tree.rcpsEnabled() : tree.scpRule() != OrganizationTree.ScpRule.DISABLED;
      boolean applies = paths.stream().anyMatch(path -> control.targets().stream().anyMatch(t -> path.contains(t.id())));
      if (enabled && !applies) {
        inventory(List.of(control.policy()), Placement.CONTROL, "", "", null, deployedIn);
      }
    }
  }

  /**
   * Adds to the inventory a policy a template declares that the loader could not read (a policy
   * AWS would reject, a SAM policy template IAMUnit does not know), as one missed statement at
   * {@code where} with the reason, so that what IAMUnit cannot check counts against coverage instead
   * of vanishing from it. Its key's index is -1: no statement read at the same place shares it.
   */
  public void recordNotRead(dev.iamunit.model.SourceLocation where, String reason) {
    StatementKey key = new StatementKey(where.file(), where.line(), where.column(), -1);
    notRead.merge(key, StatementCoverage.notRead(key, where.address(), reason), StatementCoverage::plus);
  }

  /** Adds these policies' statements to the inventory, used by no known principal, in no account. */
  public void recordInventory(Collection<Policy> policies) {
    inventory(policies, Placement.SOURCES, "", "", null, deployedIn);
  }

  /**
   * Adds the statements of {@code policies} to the inventory as account {@code accountId} (empty:
   * none) holds them, placed there as {@code placement} says (noted in {@code load}, the load's
   * deployments); {@code principal} (or null) is the user or role whose requests use them.
   */
  private void inventory(Collection<Policy> policies, Placement placement, String accountId, String accountName, String principal,
      Deployments load) {
    boolean control = placement == Placement.CONTROL;
    for (Policy policy : policies) {
      if (!declaredInSources(policy)) {
        continue;
      }
      for (Statement statement : policy.statements()) {
        StatementKey key = StatementKey.of(policy, statement, accountId);
        StatementCounters counters = counters(key, policy, statement, control);
        counters.markInventory();
        counters.nameAccount(accountName);
        if (principal != null) {
          counters.addPrincipal(principal);
        }
        if (placement == Placement.SOURCES && !accountId.isEmpty()) {
          load.add(key, accountId);
        }
      }
    }
  }

  /**
   * Whether a source of the user's declares {@code policy}, so that its statements belong in the
   * inventory. The loaders name a policy AWS owns (an AWS managed policy, {@code
   * arn:aws:iam::aws:policy/...}; the FullAWSAccess SCP AWS attaches by itself, {@code
   * arn:aws:organizations::aws:policy/...}) by its ARN where a declared policy has its file: the
   * one rule for both, so that whatever else IAMUnit synthesizes from AWS's rules stays out too.
   */
  static boolean declaredInSources(Policy policy) {
    String file = policy.location().file();
    if (!file.startsWith("arn:")) {
      return true;
    }
    // arn:partition:service:region:account:...; AWS's own policies are in the account "aws".
    String[] parts = file.split(":", 6);
    return !(parts.length == 6 && parts[4].equals("aws"));
  }

  /**
   * Records how every statement of {@code policies} fared in {@code decision}. The decision must
   * come from {@code Evaluator.explain} (with its full explanation), not the bare {@code decide}.
   *
   * <p>A statement counts as decisive when it is among the deciding statements, and also, for an
   * allowed request, when it is an applied Allow of a policy that only limits (SCP, permissions
   * boundary, session policy): without it the request would have been denied.
   *
   * @param testId the test that made the decision, such as JUnit's unique id or its display name
   */
  public void record(PolicySet policies, Decision decision, String testId) {
    Objects.requireNonNull(testId, "testId");
    if (!policies.policies(PolicyType.SERVICE_CONTROL).isEmpty() || !policies.policies(PolicyType.RESOURCE_CONTROL).isEmpty()) {
      // An SCP or RCP counts per account it applied for, which only the request tells.
      throw new IllegalArgumentException("the policy set has SCPs or RCPs, which count per account they apply for: "
          + "record the decision with its request, record(request, policies, decision, testId)");
    }
    countStatements(null, policies, decision, testId);
  }

  /**
   * Records the decision as {@link #record(PolicySet, Decision, String)} does, with each statement
   * counted for the account it applied for ({@link StatementKey#appliedFor}): an SCP's and an
   * identity policy's for the principal's account, an RCP's and a resource policy's for the
   * resource's (which reports keep for SCPs and RCPs, and for statements deployed in several
   * accounts: {@link StatementKey#as}); and, when this recorder keeps a decision log, adds it
   * there with its request.
   */
  public void record(Request request, PolicySet policies, Decision decision, String testId) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(testId, "testId");
    countStatements(request, policies, decision, testId);
    if (decisions != null) {
      decisions.add(new Asked(testId, request, decision.outcome(), decision.deciding()));
    }
  }

  /** {@code request} is null only for a policy set without SCPs and RCPs, whose statements have no account. */
  private void countStatements(Request request, PolicySet policies, Decision decision, String testId) {
    Set<Statement> deciding = Collections.newSetFromMap(new IdentityHashMap<>());
    for (StatementResult result : decision.deciding()) {
      deciding.add(result.statement());
    }
    Set<Statement> reached = Collections.newSetFromMap(new IdentityHashMap<>());
    for (StatementResult result : decision.explanation().statements()) {
      Statement statement = result.statement();
      if (!reached.add(statement)) {
        continue;
      }
      StatementCounters counters = counters(key(result.policy(), statement, result.policyType(), request), result.policy(), statement,
          StatementKey.countsPerAccount(result.policyType()));
      if (result.applied()) {
        boolean decisive = deciding.contains(statement)
            || decision.outcome() == Outcome.ALLOWED && statement.effect() == Effect.ALLOW && limits(result.policyType());
        if (decisive) {
          counters.decisive(testId);
        } else {
          counters.overridden(testId);
        }
      } else {
        counters.notApplied(result.applicability(), testId);
      }
      for (int i = 0; i < result.conditions().size(); i++) {
        counters.condition(i, result.conditions().get(i).met());
      }
    }
    for (PolicyType type : PolicyType.values()) {
      for (Policy policy : policies.policies(type)) {
        for (Statement statement : policy.statements()) {
          if (!reached.contains(statement)) {
            counters(key(policy, statement, type, request), policy, statement, StatementKey.countsPerAccount(type)).actionNotMatched();
          }
        }
      }
    }
  }

  private static StatementKey key(Policy policy, Statement statement, PolicyType type, Request request) {
    return request == null ? StatementKey.of(policy, statement) : StatementKey.of(policy, statement, type, request);
  }

  /**
   * Records a failed policy assertion at the template line it is about (the deciding statement's,
   * or the statement the assertion expected), for the SARIF report.
   */
  public void recordFailure(String testId, String message, dev.iamunit.model.SourceLocation where) {
    failures.add(new AssertionFailure(testId, message, where.file(), where.line()));
  }

  private static boolean limits(PolicyType type) {
    return type == PolicyType.SERVICE_CONTROL || type == PolicyType.PERMISSIONS_BOUNDARY || type == PolicyType.SESSION
        || type == PolicyType.VPC_ENDPOINT;
  }

  private StatementCounters counters(StatementKey key, Policy policy, Statement statement, boolean control) {
    StatementCounters counters = statements.get(key);
    return counters != null ? counters : statements.computeIfAbsent(key, k -> new StatementCounters(k, policy, statement, control));
  }

  /**
   * How reports name a statement counted under {@code key} (with the account it applied for):
   * decided when asked, not when counted, so that an account the inventory adds later still splits
   * a statement it turns out to share.
   */
  private StatementKey reported(StatementKey key, boolean control) {
    return deployedIn.reported(key, control);
  }

  /**
   * Writes what this JVM recorded to {@code dir/coverage-<pid>-<uuid>.json}, a name no other JVM
   * uses, and returns that file. Writing again replaces this JVM's earlier fragment.
   */
  public Path writeFragment(Path dir) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("coverage-" + jvm + ".json");
      Path partial = dir.resolve("coverage-" + jvm + ".json.tmp");
      Files.writeString(partial, FragmentFormat.write(jvm, snapshot(), List.copyOf(failures), decisionLog(), deployedIn));
      Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the coverage fragment to " + dir, e);
    }
  }

  /** The decision log so far, in {@link RecordedDecision}'s order; empty when not kept. */
  public List<RecordedDecision> decisionLog() {
    if (decisions == null) {
      return List.of();
    }
    return decisions.stream()
        .map(asked -> RecordedDecision.of(asked.testId(), asked.request(), asked.outcome(), asked.deciding().stream()
            .map(r -> reported(StatementKey.of(r.policy(), r.statement(), r.policyType(), asked.request()),
                StatementKey.countsPerAccount(r.policyType())))
            .toList()))
        .sorted().toList();
  }

  /** What has been recorded so far, as the analysis would read it back. */
  public List<StatementCoverage> snapshot() {
    Map<StatementKey, StatementCoverage> byKey = new HashMap<>(notRead);
    for (StatementCounters counters : statements.values()) {
      StatementKey key = reported(counters.key(), counters.control());
      byKey.merge(key, counters.snapshot(key), StatementCoverage::plus);
    }
    return byKey.values().stream().sorted(StatementCoverage.ORDER).toList();
  }
}
