package dev.iamunit.diff;

import dev.iamunit.eval.PrincipalPolicies;
import dev.iamunit.eval.ResourcePolicyOwner;
import dev.iamunit.eval.space.ActionClasses;
import dev.iamunit.eval.space.PolicyStatement;
import dev.iamunit.model.Account;
import dev.iamunit.model.Accounts;
import dev.iamunit.model.Existence;
import dev.iamunit.model.Group;
import dev.iamunit.model.OrganizationTree;
import dev.iamunit.model.Policy;
import dev.iamunit.model.PrincipalElement;
import dev.iamunit.model.Role;
import dev.iamunit.model.Statement;
import dev.iamunit.model.Unresolved;
import dev.iamunit.model.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The principals whose decisions a change can affect, each with why, from the two versions'
 * loaded accounts compared structurally ({@link PolicyShape}: reformatting changes nothing). A
 * principal is decided when
 * <ul>
 *   <li>one version lacks it (added or removed);
 *   <li>what it holds differs: its ARN, tags, groups, attachments, boundary, its inline policies,
 *       its groups' policies, the managed policies attached to it or its groups (a managed policy
 *       attached to many re-decides each), or the SCP levels above its account;
 *   <li>a resource policy (a role's trust policy among them) that differs can name it: every
 *       principal of the policy's account, those of the accounts and the users and roles its
 *       statements name, everyone for {@code *}, {@code NotPrincipal} or a bucket (whose owner the
 *       policy itself tells, {@link Accounts#owning}); for a trust policy, added, removed or
 *       edited, only the trust actions ({@link ResourcePolicyOwner#readsTrustPolicy}), which are
 *       all it governs;
 *   <li>an RCP differs (RCPs bind every caller of their accounts' resources): everyone;
 *   <li>its policies, or a resource policy that can name it, hold something IAMUnit could not
 *       compute: it is decided as before, so that its undecided requests are still reported.
 * </ul>
 * Every other principal holds the same policies in both versions and is asked nothing: its
 * answers cannot differ.
 */
final class ChangeScope {

  /** How many principals a reason lists as examples. */
  private static final int EXAMPLES = 3;

  private final List<AccessDiffer.Principal> all;
  private final Map<AccessDiffer.Principal, Set<String>> reasons = new LinkedHashMap<>();
  private final Map<Policy, PolicyShape> shapes = new IdentityHashMap<>();
  /**
   * Per decided principal, the actions each difference can change, when no difference can change
   * every action: those a statement that differs can apply to, the trust actions for a trust
   * policy. Only these can be decided differently. A principal missing here is decided for every
   * action.
   */
  private final Map<AccessDiffer.Principal, List<Predicate<String>>> actionsOnly = new LinkedHashMap<>();
  private final Set<AccessDiffer.Principal> everyAction = new java.util.HashSet<>();

  private ChangeScope(List<AccessDiffer.Principal> all) {
    this.all = all;
  }

  /** The principals of {@code principals} (both versions') that comparing {@code base} and {@code head} must decide. */
  static ChangeScope between(Accounts base, Accounts head, List<AccessDiffer.Principal> principals) {
    ChangeScope scope = new ChangeScope(principals);
    Set<String> ids = AccessDiffer.accountIds(base, head);
    for (String id : ids) {
      Optional<Account> b = base.byId(id);
      Optional<Account> h = head.byId(id);
      if (b.isEmpty() || h.isEmpty()) {
        // Which accounts exist decides which owns a resource and whose RCPs bind it.
        scope.add(p -> true, "account " + id + " is loaded in the " + (b.isEmpty() ? "head" : "base") + " only");
        continue;
      }
      scope.account(b.get(), h.get());
    }
    for (AccessDiffer.Principal principal : principals) {
      scope.principal(base, head, principal);
    }
    return scope;
  }

  /** Whether {@code principal} must be decided. */
  boolean decides(AccessDiffer.Principal principal) {
    return reasons.containsKey(principal);
  }

  /** The scope as reports state it: how many were decided, each reason with how many it covers. */
  Scope describe() {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    reasons.forEach((principal, whys) -> whys.forEach(why -> byReason.computeIfAbsent(why, k -> new ArrayList<>()).add(principal.label())));
    List<Scope.Reason> list = new ArrayList<>();
    byReason.forEach((why, labels) -> list.add(new Scope.Reason(why, labels.size(), labels.subList(0, Math.min(EXAMPLES, labels.size())))));
    list.sort(Comparator.comparing((Scope.Reason r) -> -r.principals()).thenComparing(Scope.Reason::why));
    return new Scope(all.size(), reasons.size(), list);
  }

  /** Every principal {@code which} holds is decided for every action, because of {@code why}. */
  private void add(Predicate<AccessDiffer.Principal> which, String why) {
    add(which, why, (Predicate<String>) null);
  }

  /**
   * Every principal {@code which} holds is decided because of {@code why}: for the actions one of
   * {@code changed} can apply to, or for every action when {@code changed} is null.
   */
  private void add(Predicate<AccessDiffer.Principal> which, String why, List<PolicyStatement> changed) {
    add(which, why, appliesTo(changed));
  }

  /** As {@link #add(Predicate, String, List)}, for the actions {@code actions} accepts (every action when null). */
  private void add(Predicate<AccessDiffer.Principal> which, String why, Predicate<String> actions) {
    for (AccessDiffer.Principal principal : all) {
      if (which.test(principal)) {
        addOne(principal, why, actions);
      }
    }
  }

  private void addOne(AccessDiffer.Principal principal, String why, List<PolicyStatement> changed) {
    addOne(principal, why, appliesTo(changed));
  }

  private void addOne(AccessDiffer.Principal principal, String why, Predicate<String> actions) {
    reasons.computeIfAbsent(principal, k -> new LinkedHashSet<>()).add(why);
    if (actions == null) {
      everyAction.add(principal);
      actionsOnly.remove(principal);
    } else if (!everyAction.contains(principal)) {
      actionsOnly.computeIfAbsent(principal, k -> new ArrayList<>()).add(actions);
    }
  }

  /** The actions one of {@code changed} can apply to; null (every action) when {@code changed} is. */
  private static Predicate<String> appliesTo(List<PolicyStatement> changed) {
    return changed == null ? null : action -> changed.stream().anyMatch(s -> s.mayApplyTo(action));
  }

  /**
   * Whether {@code principal}'s answers for {@code action} (standing for its class: {@link
   * ActionClasses} separates whatever the statements' patterns tell apart) can differ: the
   * principal is decided, and either a difference can change every action for it, or one can
   * change this action: a statement that differs can apply to it, or it is a trust action and a
   * trust policy differs. A statement that cannot apply to an action takes no part in its
   * decision (IAM User Guide, policy evaluation logic: only the statements that match the
   * request's action are evaluated), nor does a trust policy in a request for another action
   * ({@link ResourcePolicyOwner#readsTrustPolicy}).
   */
  boolean decides(AccessDiffer.Principal principal, String action) {
    if (!reasons.containsKey(principal)) {
      return false;
    }
    List<Predicate<String>> changed = actionsOnly.get(principal);
    return changed == null || changed.stream().anyMatch(p -> p.test(action));
  }

  /**
   * The statements of {@code before} and {@code after} (one policy, or one level of organization
   * policies, in each version) that the other lacks, compared by shape with their policy's name
   * and Version: what differs when the same policies apply in both.
   */
  private List<PolicyStatement> changed(List<Policy> before, List<Policy> after) {
    List<List<Object>> left = new ArrayList<>(keys(after));
    List<PolicyStatement> out = new ArrayList<>();
    List<List<Object>> beforeKeys = keys(before);
    List<PolicyStatement> beforeStatements = PolicyStatement.of(before);
    for (int i = 0; i < beforeKeys.size(); i++) {
      if (!left.remove(beforeKeys.get(i))) {
        out.add(beforeStatements.get(i));
      }
    }
    List<List<Object>> right = new ArrayList<>(beforeKeys);
    List<List<Object>> afterKeys = keys(after);
    List<PolicyStatement> afterStatements = PolicyStatement.of(after);
    for (int i = 0; i < afterKeys.size(); i++) {
      if (!right.remove(afterKeys.get(i))) {
        out.add(afterStatements.get(i));
      }
    }
    return out;
  }

  private List<List<Object>> keys(List<Policy> policies) {
    List<List<Object>> keys = new ArrayList<>();
    for (Policy policy : policies) {
      PolicyShape shape = shape(policy);
      shape.statements().forEach(s -> keys.add(List.of(shape.name(), shape.version(), s)));
    }
    return keys;
  }

  /** The statements that differ level by level, or null when the levels themselves differ (one added or removed). */
  private List<PolicyStatement> changedLevels(List<List<Policy>> before, List<List<Policy>> after) {
    if (before.size() != after.size()) {
      return null;
    }
    List<PolicyStatement> out = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i).isEmpty() != after.get(i).isEmpty()) {
        return null;
      }
      out.addAll(changed(before.get(i), after.get(i)));
    }
    return out;
  }

  private PolicyShape shape(Policy policy) {
    return shapes.computeIfAbsent(policy, PolicyShape::of);
  }

  private List<List<PolicyShape>> shapes(List<List<Policy>> levels) {
    return levels.stream().map(level -> level.stream().map(this::shape).toList()).toList();
  }

  /** What of one account both versions load binds its principals, or the callers of its resources. */
  private void account(Account base, Account head) {
    String id = base.id();
    Predicate<AccessDiffer.Principal> inAccount = p -> p.account().equals(id);
    if (!base.partition().equals(head.partition()) || !base.region().equals(head.region())) {
      add(inAccount, "account " + id + "'s partition or Region changed");
    }
    List<List<Policy>> scps = head.organization().serviceControlPolicies();
    if (!shapes(base.organization().serviceControlPolicies()).equals(shapes(scps))) {
      add(inAccount, "SCP " + level(base, head, true),
          changedLevels(base.organization().serviceControlPolicies(), scps));
    } else if (scps.stream().flatMap(List::stream).anyMatch(PolicyShape::hasGaps)) {
      add(inAccount, "an SCP above account " + id + " holds a value IAMUnit could not compute");
    }
    if (!shapes(base.organization().resourceControlPolicies()).equals(shapes(head.organization().resourceControlPolicies()))) {
      // "RCPs ... apply to resources in member accounts" whoever asks (AWS Organizations User
      // Guide, Resource control policies): every caller of the account's resources.
      add(p -> true, "RCP " + level(base, head, false),
          changedLevels(base.organization().resourceControlPolicies(), head.organization().resourceControlPolicies()));
    } else if (head.organization().resourceControlPolicies().stream().flatMap(List::stream).anyMatch(PolicyShape::hasGaps)) {
      add(p -> true, "an RCP above account " + id + " holds a value IAMUnit could not compute");
    }
    Map<String, Policy> before = resourcePolicies(base);
    Map<String, Policy> after = resourcePolicies(head);
    for (String key : new TreeSet<>(union(before.keySet(), after.keySet()))) {
      Policy b = before.get(key);
      Policy h = after.get(key);
      boolean changed = b == null || h == null || !shape(b).equals(shape(h));
      boolean gaps = (b != null && PolicyShape.hasGaps(b)) || (h != null && PolicyShape.hasGaps(h));
      if (changed || gaps) {
        List<Policy> versions = new ArrayList<>();
        Optional.ofNullable(b).ifPresent(versions::add);
        Optional.ofNullable(h).ifPresent(versions::add);
        String what = Unresolved.readable(key, base.unresolved()) + (changed
            ? (b == null ? " added" : h == null ? " removed" : " changed") : " holds a value IAMUnit could not compute");
        // A policy added or removed changes whether the resource has one (a KMS key's must allow):
        // every action; an edited one, what its statements can apply to. A role's trust policy
        // governs the trust actions on the role only, added, removed or edited.
        Predicate<String> actions = appliesTo(changed && b != null && h != null && !gaps ? changed(List.of(b), List.of(h)) : null);
        if (key.startsWith(TRUST_POLICY)) {
          Predicate<String> statements = actions;
          actions = statements == null ? ResourcePolicyOwner::readsTrustPolicy : a -> ResourcePolicyOwner.readsTrustPolicy(a) && statements.test(a);
          what += " (" + TRUST_ACTIONS_ONLY + ")";
        }
        add(reach(id, key, versions), what, actions);
      }
    }
  }

  /**
   * Each resource policy of an account by what it is set on ({@code resource policy of ARN}), and
   * each role's trust policy ({@code trust policy of role NAME}), which applies to requests on
   * the role ({@code ResourcePolicyOwner}).
   */
  private static Map<String, Policy> resourcePolicies(Account account) {
    Map<String, Policy> all = new LinkedHashMap<>();
    account.resourcePolicies().forEach((arn, policy) -> all.put("resource policy of " + arn, policy));
    account.roles().values().forEach(role -> role.trustPolicy().ifPresent(t -> all.put(TRUST_POLICY + role.name(), t)));
    return all;
  }

  private static final String TRUST_POLICY = "trust policy of role ";

  /** What a trust policy's change re-decides, as the scope says it. */
  static final String TRUST_ACTIONS_ONLY = "the trust actions " + String.join(", ", ResourcePolicyOwner.trustActions()) + " only";

  /**
   * The principals a resource policy of account {@code id} can name, over its versions: its own
   * account's, every principal of an account a statement names ({@code 111122223333}, {@code
   * arn:aws:iam::111122223333:root}, or any other ARN of that account but a user's or role's), the
   * users and roles named (a role also by its sessions, {@code assumed-role/NAME/…}), and everyone
   * for {@code *}, a wildcard, {@code NotPrincipal}, a value IAMUnit could not compute, a canonical
   * user id or a bucket policy.
   */
  private static Predicate<AccessDiffer.Principal> reach(String id, String key, List<Policy> versions) {
    String arn = key.startsWith("resource policy of ") ? key.substring("resource policy of ".length()) : "";
    String[] parts = arn(arn);
    if (!arn.isEmpty() && (parts == null || parts[4].isEmpty())) {
      // An ARN without an account (an S3 bucket): the account that holds its policy owns it.
      return p -> true;
    }
    Set<String> accounts = new LinkedHashSet<>(List.of(id));
    if (parts != null) {
      accounts.add(parts[4]);
    }
    Set<List<Object>> named = new LinkedHashSet<>();
    for (Policy policy : versions) {
      if (!policy.unreadable().isEmpty()) {
        return p -> true;
      }
      for (Statement statement : policy.statements()) {
        if (statement.principal().isEmpty()) {
          // A resource policy's statement without a Principal names no one in particular: no guess.
          return p -> true;
        }
        PrincipalElement principal = statement.principal().get();
        if (principal.negated() || principal.anyone() || principal.byType().containsKey(PrincipalElement.CANONICAL_USER)) {
          return p -> true;
        }
        for (String value : principal.byType().getOrDefault(PrincipalElement.AWS, List.of())) {
          if (value.contains("*") || Unresolved.isIn(value)) {
            return p -> true;
          }
          if (value.matches("\\d{12}")) {
            accounts.add(value);
            continue;
          }
          String[] ofValue = arn(value);
          if (ofValue == null) {
            return p -> true;
          }
          String resource = ofValue[5];
          String last = resource.substring(resource.lastIndexOf('/') + 1);
          if (ofValue[2].equals("iam") && resource.startsWith("user/")) {
            named.add(List.of(ofValue[4], false, last));
          } else if (ofValue[2].equals("iam") && resource.startsWith("role/")) {
            named.add(List.of(ofValue[4], true, last));
          } else if (ofValue[2].equals("sts") && resource.startsWith("assumed-role/") && resource.split("/").length > 1) {
            named.add(List.of(ofValue[4], true, resource.split("/")[1]));
          } else {
            accounts.add(ofValue[4]);
          }
        }
      }
    }
    return p -> accounts.contains(p.account()) || named.contains(List.of(p.account(), p.role(), p.name()));
  }

  /** {@code DenyRegions at root changed}: the first level whose policies differ, and the policies that differ there. */
  private String level(Account base, Account head, boolean scp) {
    List<List<Policy>> before = scp ? base.organization().serviceControlPolicies() : base.organization().resourceControlPolicies();
    List<List<Policy>> after = scp ? head.organization().serviceControlPolicies() : head.organization().resourceControlPolicies();
    for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
      List<Policy> b = i < before.size() ? before.get(i) : List.of();
      List<Policy> h = i < after.size() ? after.get(i) : List.of();
      List<PolicyShape> bs = b.stream().map(this::shape).toList();
      List<PolicyShape> hs = h.stream().map(this::shape).toList();
      if (bs.equals(hs)) {
        continue;
      }
      Set<String> names = new TreeSet<>();
      b.stream().filter(p -> !hs.contains(shape(p))).forEach(p -> names.add(p.name()));
      h.stream().filter(p -> !bs.contains(shape(p))).forEach(p -> names.add(p.name()));
      return (names.isEmpty() ? "order" : String.join(", ", names)) + " at " + levelName(head, i) + " changed";
    }
    return "levels above account " + head.id() + " changed";
  }

  /** {@code root}, {@code OU Workloads}, {@code account prod}: level {@code index} of the account's path. */
  private static String levelName(Account account, int index) {
    Optional<OrganizationTree> tree = account.organization().tree();
    Optional<List<String>> path = tree.flatMap(t -> t.path(account.id()));
    if (tree.isEmpty() || path.isEmpty() || index >= path.get().size()) {
      return index == 0 ? "root" : "level " + (index + 1) + " above account " + account.id();
    }
    String node = path.get().get(index);
    OrganizationTree t = tree.get();
    if (node.equals(t.rootId())) {
      return "root";
    }
    return t.unit(node).map(u -> "OU " + u.name())
        .orElseGet(() -> "account " + t.account(node).map(OrganizationTree.Member::name).orElse(node));
  }

  /** What of one principal differs between the versions, or that it holds what IAMUnit could not compute. */
  private void principal(Accounts base, Accounts head, AccessDiffer.Principal principal) {
    Map<String, Object> before = held(base, principal);
    Map<String, Object> after = held(head, principal);
    String who = principal.label();
    if (before == null || after == null) {
      addOne(principal, who + (before == null ? " added" : " removed"), (Predicate<String>) null);
      return;
    }
    for (String part : union(before.keySet(), after.keySet())) {
      Object b = before.get(part);
      Object h = after.get(part);
      if (!Objects.equals(b, h)) {
        // A policy both versions hold, edited: only what its differing statements can apply to.
        List<PolicyStatement> changed = b instanceof Held x && h instanceof Held y ? changed(List.of(x.policy()), List.of(y.policy())) : null;
        addOne(principal, part.endsWith(GAPS) ? part : part + " changed", changed);
      }
    }
  }

  /** A policy a principal holds, compared by its shape. */
  private record Held(PolicyShape shape, Policy policy) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Held h && shape.equals(h.shape);
    }

    @Override
    public int hashCode() {
      return shape.hashCode();
    }
  }

  /**
   * The part of what a principal holds that is never equal across loads: its unknowns, whose
   * placeholders each load makes anew. Such a principal is decided as it always was.
   */
  private static final String GAPS = " holds a value IAMUnit could not compute";

  /**
   * What a principal holds in one version, part by part ({@code role x's tags}, {@code managed
   * policy ARN}), each part's value compared across the versions; null when the version lacks it.
   * The policies are those {@link PrincipalPolicies} gathers, the one place that reads them.
   */
  private Map<String, Object> held(Accounts version, AccessDiffer.Principal principal) {
    Account account = version.byId(principal.account()).orElse(null);
    if (account == null) {
      return null;
    }
    Map<String, Object> parts = new LinkedHashMap<>();
    String who = principal.label();
    PrincipalPolicies policies;
    Existence existence;
    List<String> managed = new ArrayList<>();
    if (principal.role()) {
      Optional<Role> found = account.role(principal.name());
      if (found.isEmpty()) {
        return null;
      }
      Role role = found.get();
      own(parts, managed, who, role.arn(), role.tags(), role.managedPolicyArns(), role.permissionsBoundaryArn(), role.inlinePolicies());
      policies = PrincipalPolicies.of(account, role);
      existence = role.existence();
    } else {
      Optional<User> found = account.user(principal.name());
      if (found.isEmpty()) {
        return null;
      }
      User user = found.get();
      own(parts, managed, who, user.arn(), user.tags(), user.managedPolicyArns(), user.permissionsBoundaryArn(), user.inlinePolicies());
      parts.put(who + "'s groups", user.groups());
      for (String name : user.groups()) {
        Optional<Group> group = account.group(name);
        String g = "group " + name;
        parts.put(g + "'s ARN", group.map(Group::arn));
        parts.put(g + "'s managed policy attachments", group.map(Group::managedPolicyArns));
        group.ifPresent(declared -> inline(parts, g, declared.inlinePolicies()));
        group.ifPresent(declared -> managed.addAll(declared.managedPolicyArns()));
        group.filter(declared -> !declared.existence().equals(Existence.CERTAIN)).ifPresent(declared -> parts.put(g + GAPS, new Object()));
      }
      policies = PrincipalPolicies.of(account, user);
      existence = user.existence();
    }
    for (String arn : managed) {
      parts.put("managed policy " + arn, account.managedPolicy(arn).<Object>map(m -> new Held(shape(m.document()), m.document())).orElse("(not declared)"));
    }
    boolean gaps = !policies.missing().isEmpty() || !existence.equals(Existence.CERTAIN)
        || policies.policies().stream().anyMatch(held -> PolicyShape.hasGaps(held.document()));
    if (gaps) {
      // Its requests are decided as before: a missing reference fails them, an unknown leaves
      // them undecided, and the diff reports either.
      parts.put(who + GAPS, new Object());
    }
    return parts;
  }

  /** What a user or role holds itself: its ARN, tags, attachments (each managed ARN into {@code managed}), boundary, inline policies. */
  private void own(Map<String, Object> parts, List<String> managed, String who, String arn, Map<String, String> tags,
      List<String> managedArns, Optional<String> boundary, List<Policy> inline) {
    parts.put(who + "'s ARN", arn);
    parts.put(who + "'s tags", tags);
    parts.put(who + "'s managed policy attachments", managedArns);
    parts.put(who + "'s permissions boundary", boundary);
    inline(parts, who, inline);
    managed.addAll(managedArns);
    boundary.ifPresent(managed::add);
  }

  private void inline(Map<String, Object> parts, String who, List<Policy> inline) {
    for (int i = 0; i < inline.size(); i++) {
      String name = inline.get(i).name();
      String part = who + "'s inline policy " + name;
      parts.put(parts.containsKey(part) ? part + " (" + (i + 1) + ")" : part, new Held(shape(inline.get(i)), inline.get(i)));
    }
  }

  /** The six parts of an ARN, or null when {@code text} is none. */
  private static String[] arn(String text) {
    String[] parts = text.split(":", 6);
    return parts.length == 6 && parts[0].equals("arn") ? parts : null;
  }

  private static <T> List<T> union(java.util.Collection<T> a, java.util.Collection<T> b) {
    List<T> all = new ArrayList<>(new LinkedHashSet<>(a));
    b.stream().filter(x -> !all.contains(x)).forEach(all::add);
    return all;
  }
}
